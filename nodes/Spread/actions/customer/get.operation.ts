import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/itemLoop';
import type { SpreadConnection } from '../../transport';
import { forOperation } from '../common';
import { customerIdOf, customerPickerFields } from './customerPicker';
import { outputCustomer, SIMPLIFY_FIELD } from './customerFields';

export const description: INodeProperties[] = forOperation('customer', 'get', [
	...customerPickerFields('The SPREAD ID of the customer'),
	SIMPLIFY_FIELD,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection): Promise<ItemResult> {
	const customerId = await customerIdOf(this, itemIndex, spread);
	const response = await spread.call({ method: 'GET', path: `/customers/${encodeURIComponent(customerId)}`, itemIndex });
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return spread.requireRecord(response, 'customer', itemIndex).map((customer) => outputCustomer(customer, simplify));
}
