import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { informationCallout, emailField, forOperation } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { unwrapRecord } from '../../transport';
import { normalizeCustomer } from './typedCustomer';
import { buildCustomerBody, customerDataFields } from './customerFields';
import { readEmail } from '../../../shared/checks';
import { invalidInput } from '../../../shared/errors';
import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { mapperParameter, readMatchingField } from '../../../shared/resourceMapper';
import { mappedCustomer } from './customerMapping';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'createOrUpdate', [
	informationCallout(
		'createOrUpdateNote',
		'Two calls, not atomic: SPREAD is asked for a customer with this email (case ignored), then that customer is updated, or a new one created. If two runs handle the same email at the same moment, both may find none and both create: SPREAD then refuses the second (an error on that item) or keeps two profiles, which later runs report as an error naming both IDs.',
	),
	...version1Only([emailField('Finds the customer; a new customer gets this email'),
	{
		displayName: 'Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Set on the new customer, or changed on the existing one (fields not given are left as they are)',
		options: customerDataFields(),
	}]),
	...version2Only([
		mapperParameter({
			method: 'getCustomerUpsertFields',
			mode: 'upsert',
			record: 'customer',
			description: 'Find By: the customer\'s email (case ignored) or External ID. A new customer needs an email.',
		}),
	]),
]);

/** Enough to tell "one match" from "several". */
const MATCHES_TO_READ = 2;

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	if (!usesVersion2Fields(this)) {
		const email = readEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
		const fields = buildCustomerBody(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
		return await upsert(this, itemIndex, spread, { email, caseInsensitive: 1 }, email, fields);
	}
	const given = mappedCustomer(this, itemIndex);
	const findBy = readMatchingField(this, itemIndex, ['email', 'externalId']);
	const email = given.email === undefined && findBy !== 'email' ? undefined : readEmail(this, itemIndex, 'Email', given.email);
	const fields = buildCustomerBody(this, itemIndex, given);
	if (findBy === 'email') return await upsert(this, itemIndex, spread, { email, caseInsensitive: 1 }, email, fields);
	const externalId = String(fields.externalId ?? '').trim();
	if (externalId === '') throw invalidInput(this.getNode(), itemIndex, 'External ID', 'is empty', 'Map the External ID that finds the customer');
	return await upsert(this, itemIndex, spread, { externalId }, email, fields);
}

/** Finds the customer by the filter, then updates it or creates one. */
async function upsert(context: IExecuteFunctions, itemIndex: number, spread: SpreadClient, filter: IDataObject, email: string | undefined, fields: IDataObject): Promise<ItemResult> {
	const matches = await spread.list({ path: '/customers', key: 'customers', qs: filter, returnAll: false, limit: MATCHES_TO_READ, itemIndex });
	const by = filter.externalId !== undefined ? `External ID ${String(filter.externalId)}` : String(email);
	if (matches.length > 1) {
		throw new NodeOperationError(context.getNode(), `${filter.externalId !== undefined ? 'External ID' : 'Email'}: several SPREAD customers have ${by} (IDs ${matches.map((match) => String(match.id)).join(', ')}) (item ${itemIndex})`, {
			itemIndex,
			description: 'Merge or delete the duplicates in SPREAD, or update one of them by ID with the Update operation.',
		});
	}
	const [existing] = matches;
	if (!existing) {
		if (email === undefined) throw invalidInput(context.getNode(), itemIndex, 'Email', `is needed to create the customer: none has ${by}`);
		// A create is not resent after an unsure failure (the transport's rule for POST): it may have reached SPREAD.
		const created = await spread.call({ method: 'POST', path: '/customers', body: { customer: { email, ...fields } }, itemIndex });
		return unwrapRecord(created, 'customer').map(normalizeCustomer);
	}
	if (Object.keys(fields).length === 0) return normalizeCustomer(existing);
	// The update carries the email SPREAD holds (it may differ in case from the one given).
	const updated = await spread.call({
		method: 'PUT',
		path: `/customers/${encodeURIComponent(String(existing.id))}`,
		body: { customer: { email: String(existing.email ?? email), ...fields } },
		itemIndex,
	});
	return unwrapRecord(updated, 'customer').map(normalizeCustomer);
}

/** The record this item writes to: its customer, by email (SPREAD matches emails case-insensitively). */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	if (!usesVersion2Fields(this)) return `email:${readEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex)).toLowerCase()}`;
	// Version 2: the field that finds the customer (a new customer found by External ID is created with its e-mail).
	const given = mappedCustomer(this, itemIndex);
	if (readMatchingField(this, itemIndex, ['email', 'externalId']) === 'externalId') return `externalId:${String(given.externalId ?? '').trim()}`;
	return `email:${readEmail(this, itemIndex, 'Email', given.email).toLowerCase()}`;
}
