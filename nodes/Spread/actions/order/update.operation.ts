import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/itemLoop';
import { callSpreadApiV1 } from '../../apiV1';
import type { SpreadConnection } from '../../transport';
import { forOperation } from '../common';
import { buildOrderForm, orderFields } from './orderFields';

export { ORDER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('order', 'update', orderFields('update'));

/** APIv1 UpdateOrder: the order is found by its merchant order ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection): Promise<ItemResult> {
	const { form, summary } = buildOrderForm(this, itemIndex);
	const response = await callSpreadApiV1.call(this, spread, 'UpdateOrder', form, itemIndex);
	return { ...summary, response };
}
