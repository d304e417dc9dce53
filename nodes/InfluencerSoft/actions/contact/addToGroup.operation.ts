import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { FormFields } from '../../phpForm';
import type { InfluencerSoftClient } from '../../transport';
import { asStringList, readContactEmail } from '../checks';
import { additionalFields, emailField, forOperation } from '../../../shared/descriptions';

const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'];

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('contact', 'addToGroup', [
	emailField('The contact’s email'),
	{
		displayName: 'Group Names or IDs',
		name: 'groups',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		required: true,
		default: [],
		description: 'Groups to add the contact to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	additionalFields([
			{ displayName: 'City', name: 'lead_city', type: 'string', default: '', description: 'The contact’s city' },
			{
				displayName: 'Double Opt-In',
				name: 'activation',
				type: 'boolean',
				default: false,
				description: 'Whether InfluencerSoft sends the contact an email to confirm the subscription',
			},
			{ displayName: 'Name', name: 'lead_name', type: 'string', default: '', description: 'The contact’s name' },
			{ displayName: 'Phone', name: 'lead_phone', type: 'string', default: '', description: 'The contact’s phone number' },
			{
				displayName: 'Redirect URL After Confirmation',
				name: 'doneurl2',
				type: 'string',
				default: '',
				description: 'Page the contact lands on after confirming the subscription',
			},
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '', description: 'Tag to mark the subscription with' },
			...UTM_KEYS.map((key) => ({
				displayName: key.replace('utm_', 'UTM ').replace(/\b\w/g, (c) => c.toUpperCase()),
				name: key,
				type: 'string' as const,
				default: '',
				description: `The ${key} of the subscription`,
			})),
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const node = this.getNode();
	const email = readContactEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const groups = asStringList(this.getNodeParameter('groups', itemIndex, []));
	if (groups.length === 0) throw invalidInput(node, itemIndex, 'Group Names or IDs', 'choose at least one group');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const fields: FormFields = { rid: groups, lead_email: email };
	for (const key of ['lead_name', 'lead_phone', 'lead_city', 'tag', 'doneurl2']) {
		if (additional[key] !== undefined && String(additional[key]).trim() !== '') fields[key] = String(additional[key]).trim();
	}
	if (additional.activation !== undefined) fields.activation = Boolean(additional.activation);
	const utm: FormFields = {};
	for (const key of UTM_KEYS) {
		if (additional[key] !== undefined && String(additional[key]).trim() !== '') utm[key] = String(additional[key]).trim();
	}
	if (Object.keys(utm).length > 0) fields.utm = utm;

	// Not idempotent: a repeated call may send the confirmation email twice.
	const answer = await influencerSoft.call({ method: 'AddLeadToGroup', fields, idempotent: false, itemIndex });
	return { success: true, message: answer.errorText, email, groups, result: answer.result as IDataObject };
}

/** The record this item writes to: the contact, by email. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return `email:${readContactEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex)).toLowerCase()}`;
}
