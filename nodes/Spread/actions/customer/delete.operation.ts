import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { customerIdOf, customerKeyOf, customerPickerFields } from './customerPicker';

export { CONFIRMATION_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'delete', [
	...customerPickerFields('The SPREAD ID of the customer to delete'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const customerId = await customerIdOf(this, itemIndex, spread);
	const response = await spread.call({ method: 'DELETE', path: `/customers/${encodeURIComponent(customerId)}`, itemIndex });
	return { id: customerId, deleted: true, response: response.response ?? null };
}

/** The record this item writes to: its customer, by SPREAD ID. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return customerKeyOf(this, itemIndex);
}
