import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { SIMPLIFY_FIELD } from './customerFields';
import { customerIdOf, customerPickerFields } from './customerPicker';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'get', [
	...customerPickerFields('The SPREAD ID of the customer'),
	SIMPLIFY_FIELD,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const customerId = await customerIdOf(this, itemIndex, spread);
	const response = await spread.call({ method: 'GET', path: `/customers/${encodeURIComponent(customerId)}`, itemIndex });
	return spread.requireRecord(response, 'customer', itemIndex);
}
