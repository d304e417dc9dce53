import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { PublitracClient } from '../../transport';
import type { ItemResult } from '../../../shared/operations';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { assertXmlSafe } from '../checks';
import { asText } from '../../../shared/checks';
import { usesVersion2Fields } from '../../../shared/nodeVersions';
import { readMatchingField } from '../../../shared/resourceMapper';
import { buildLeadElement, leadElementFields } from './leadElement';

const properties: INodeProperties[] = [
	...leadElementFields('Always required. By default the lead is found by this address: updated if it exists, created if not.', 'syncLead'),
	optionsCollection([
		{
			displayName: 'Use Token',
			name: 'useToken',
			type: 'boolean',
			default: false,
			description: 'Whether to find the lead (and anonymous leads) by its tracking token first. Needs the Token field.',
		},
		{
			displayName: 'Merge Anonymous',
			name: 'mergeAnonymous',
			type: 'boolean',
			default: false,
			description: "Whether to merge the visitor's anonymous history into the lead. Needs the Token field.",
		},
		{
			displayName: 'Custom Unicity Keys',
			name: 'customUnicityKeys',
			type: 'string',
			default: '',
			placeholder: 'email,crmLeadId',
			description:
				'Comma-separated lead fields that together identify a lead instead of the email. Sent as one element holding the list: the document does not show its XML shape.',
		},
	]),
];

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'syncLead', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const lead = buildLeadElement.call(this, itemIndex);
	const options = { ...(this.getNodeParameter('options', itemIndex, {}) as IDataObject) };
	if (usesVersion2Fields(this)) {
		// Version 2's mapper says what finds the lead; the options may still ask for more.
		const findBy = readMatchingField(this, itemIndex, ['email', 'token', 'crmLeadId']);
		if (findBy === 'token') options.useToken = true;
		if (findBy === 'crmLeadId') options.customUnicityKeys = [asText(options.customUnicityKeys), 'crmLeadId'].filter(Boolean).join(',');
	}
	// Flags are left out when false and sent as `true` when set, as in the document's example.
	const query: IDataObject = {};
	if (options.useToken === true) query.useToken = 'true';
	if (options.mergeAnonymous === true) query.mergeAnonymous = 'true';
	const unicityKeys = asText(options.customUnicityKeys)
		.split(',')
		.map((key) => key.trim())
		.filter(Boolean);
	if (unicityKeys.length) query.customUnicityKeys = unicityKeys.join(',');
	if ((options.useToken === true || options.mergeAnonymous === true) && !asText(lead.token).trim()) {
		throw invalidInput(this.getNode(), itemIndex, usesVersion2Fields(this) ? 'Fields > Token' : 'Additional Fields > Token', 'is required when Use Token or Merge Anonymous is on');
	}
	query.lead = lead;
	assertXmlSafe(this, itemIndex, query);
	const answer = await publitrac.call({ method: 'syncLead', httpMethod: 'POST', query, idempotent: true, itemIndex });
	return { email: lead.email, status: answer.status, message: answer.message };
}
