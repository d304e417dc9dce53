import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { normalizeCustomer } from './typedCustomer';
import { emailField, forOperation } from '../../../shared/descriptions';
import { customerIdField } from '../fields';
import { buildCustomerBody, customerDataFields } from './customerFields';
import { readEmail, readRecordId } from '../../../shared/checks';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'update', [
	customerIdField('The SPREAD ID of the customer to update'),
	emailField('The customer\'s current email: SPREAD requires it on every update. To change it, use the Update Email operation.'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerDataFields(),
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const customerId = readRecordId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const email = readEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = buildCustomerBody(this, itemIndex, fields);
	if (Object.keys(changes).length === 0) {
		throw invalidInput(this.getNode(), itemIndex, 'Update Fields', 'nothing to change', 'Add at least one field under Update Fields');
	}
	const response = await spread.call({
		method: 'PUT',
		path: `/customers/${encodeURIComponent(customerId)}`,
		body: { customer: { email, ...changes } },
		itemIndex,
	});
	return spread.requireRecord(response, 'customer', itemIndex).map(normalizeCustomer);
}

/** The record this item writes to: its customer, by SPREAD ID. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return `id:${readRecordId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex))}`;
}
