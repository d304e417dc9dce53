import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { usesVersion2Fields } from '../../../shared/nodeVersions';
import { readMappedFields } from '../../../shared/resourceMapper';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { buildOrderForm, orderFields } from './orderFields';
import { readPathSegment } from '../../../shared/checks';

export { ORDER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('order', 'create', orderFields('create'));

/** APIv1 CreateOrder: the v2 API only reads orders. */
export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const { form, summary } = buildOrderForm(this, itemIndex);
	const response = await spread.callV1({ method: 'CreateOrder', form, itemIndex });
	return { ...summary, response };
}

/** The record this item writes to: its order, by merchant order ID. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	const orderId = usesVersion2Fields(this) ? readMappedFields(this, itemIndex).orderId : this.getNodeParameter('orderId', itemIndex);
	return `order:${readPathSegment(this, itemIndex, 'Merchant Order ID', orderId)}`;
}
