import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { byEmailMode, byIdMode, fromListMode, locatorField, readLocator } from '../../../shared/locators';
import type { SpreadClient } from '../../transport';
import { readEmail, readRecordId } from '../../../shared/checks';
import { customerIdField } from '../fields';

/** Version 2's customer field: picked from the list, or given by SPREAD ID or by e-mail (SPREAD finds customers by e-mail). */
export function customerLocator(description: string): INodeProperties {
	return locatorField('Customer', 'customer', [fromListMode('searchCustomers'), byIdMode('12345', 'customer'), byEmailMode()], description);
}

/** Enough to tell "one match" from "several". */
const MATCHES_TO_READ = 2;

/** Finds the one customer with this e-mail (case ignored); none or several is an error on the item. */
export async function findCustomerByEmail(context: IExecuteFunctions, itemIndex: number, spread: SpreadClient, email: string): Promise<IDataObject | undefined> {
	const matches = await spread.list({ path: '/customers', key: 'customers', qs: { email, caseInsensitive: 1 }, returnAll: false, limit: MATCHES_TO_READ, itemIndex });
	if (matches.length > 1) {
		throw new NodeOperationError(context.getNode(), `Email: several SPREAD customers have ${email} (IDs ${matches.map((match) => String(match.id)).join(', ')}) (item ${itemIndex})`, {
			itemIndex,
			description: 'Merge or delete the duplicates in SPREAD, or pick the customer by ID.',
		});
	}
	return matches[0];
}

export interface PickedCustomer {
	id: string;
	/** The customer's record when finding it read it (by e-mail), else undefined. */
	record?: IDataObject;
}

/** The customer the Customer field points at: an ID as given, an e-mail looked up (one GET). */
export async function pickedCustomer(context: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<PickedCustomer> {
	const { mode, value } = readLocator(context, itemIndex, 'customer', 'Customer');
	if (mode !== 'email') return { id: readRecordId(context, itemIndex, 'Customer', value) };
	const email = readEmail(context, itemIndex, 'Customer', value);
	const record = await findCustomerByEmail(context, itemIndex, spread, email);
	if (!record) {
		throw new NodeOperationError(context.getNode(), `Customer: no SPREAD customer has the email ${email} (item ${itemIndex})`, { itemIndex });
	}
	return { id: readRecordId(context, itemIndex, 'Customer', record.id), record };
}

/** The customer's SPREAD ID: version 1's Customer ID field, version 2's Customer picker. */
export async function customerIdOf(context: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<string> {
	if (!usesVersion2Fields(context)) return readRecordId(context, itemIndex, 'Customer ID', context.getNodeParameter('customerId', itemIndex));
	return (await pickedCustomer(context, itemIndex, spread)).id;
}

/** The Customer ID (version 1) or Customer picker (version 2) of an operation. */
export function customerPickerFields(description: string): INodeProperties[] {
	return [...version1Only([customerIdField(description)]), ...version2Only([customerLocator(description)])];
}

/**
 * The record an item writes to, for the overlap of writes: its customer's ID, or in version 2 as picked (by ID, or by
 * e-mail in lower case: two items naming one customer once by ID and once by e-mail are not known to be the same).
 */
export function customerKeyOf(context: IExecuteFunctions, itemIndex: number): string {
	if (!usesVersion2Fields(context)) return `id:${readRecordId(context, itemIndex, 'Customer ID', context.getNodeParameter('customerId', itemIndex))}`;
	const { mode, value } = readLocator(context, itemIndex, 'customer', 'Customer');
	return mode === 'email' ? `email:${readEmail(context, itemIndex, 'Customer', value).toLowerCase()}` : `id:${readRecordId(context, itemIndex, 'Customer', value)}`;
}
