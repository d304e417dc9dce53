import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { normalizeCustomer } from './typedCustomer';
import { emailField, forOperation } from '../../../shared/descriptions';
import { customerIdField } from '../fields';
import { buildCustomerBody, customerDataFields } from './customerFields';
import { readEmail, readRecordId } from '../../../shared/checks';
import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { mapperParameter } from '../../../shared/resourceMapper';
import { mappedCustomer } from './customerMapping';
import { customerKeyOf, customerLocator, pickedCustomer } from './customerPicker';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'update', [
	...version1Only([customerIdField('The SPREAD ID of the customer to update'),
	emailField('The customer\'s current email: SPREAD requires it on every update. To change it, use the Update Email operation.'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerDataFields(),
	}]),
	...version2Only([
		customerLocator('The customer to update. Its email is read from SPREAD (required on every update); Update Email changes it.'),
		mapperParameter({ method: 'getCustomerUpdateFields', mode: 'update', record: 'customer' }),
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	if (usesVersion2Fields(this)) return await updatePickedCustomer(this, itemIndex, spread);
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

/** Version 2: the fields are checked first; then the picked customer is found and its e-mail read, as PUT needs it. */
async function updatePickedCustomer(context: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const changes = buildCustomerBody(context, itemIndex, mappedCustomer(context, itemIndex));
	if (Object.keys(changes).length === 0) throw invalidInput(context.getNode(), itemIndex, 'Fields', 'nothing to change', 'Map at least one field');
	const picked = await pickedCustomer(context, itemIndex, spread);
	const current =
		picked.record ?? spread.requireRecord(await spread.call({ method: 'GET', path: `/customers/${encodeURIComponent(picked.id)}`, itemIndex }), 'customer', itemIndex)[0];
	const email = readEmail(context, itemIndex, 'Customer', current.email);
	const response = await spread.call({ method: 'PUT', path: `/customers/${encodeURIComponent(picked.id)}`, body: { customer: { email, ...changes } }, itemIndex });
	return spread.requireRecord(response, 'customer', itemIndex).map(normalizeCustomer);
}

/** The record this item writes to: its customer, by SPREAD ID (version 2: as picked, by ID or by e-mail). */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return customerKeyOf(this, itemIndex);
}
