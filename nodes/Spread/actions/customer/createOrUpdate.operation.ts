import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { informationCallout, emailField, forOperation } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { unwrapRecord } from '../../transport';
import { normalizeCustomer } from './typedCustomer';
import { buildCustomerBody, customerDataFields } from './customerFields';
import { readEmail } from '../../../shared/checks';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'createOrUpdate', [
	informationCallout(
		'createOrUpdateNote',
		'Two calls, not atomic: SPREAD is asked for a customer with this email (case ignored), then that customer is updated, or a new one created. If two runs handle the same email at the same moment, both may find none and both create: SPREAD then refuses the second (an error on that item) or keeps two profiles, which later runs report as an error naming both IDs.',
	),
	emailField('Finds the customer; a new customer gets this email'),
	{
		displayName: 'Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Set on the new customer, or changed on the existing one (fields not given are left as they are)',
		options: customerDataFields(),
	},
]);

/** Enough to tell "one match" from "several". */
const MATCHES_TO_READ = 2;

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const email = readEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const fields = buildCustomerBody(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const matches = await spread.list({ path: '/customers', key: 'customers', qs: { email, caseInsensitive: 1 }, returnAll: false, limit: MATCHES_TO_READ, itemIndex });
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `Email: several SPREAD customers have ${email} (IDs ${matches.map((match) => String(match.id)).join(', ')}) (item ${itemIndex})`, {
			itemIndex,
			description: 'Merge or delete the duplicates in SPREAD, or update one of them by ID with the Update operation.',
		});
	}
	const [existing] = matches;
	if (!existing) {
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
	return `email:${readEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex)).toLowerCase()}`;
}
