import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { cdata, EMAIL_CAMPAIGN_MAX_LEADS } from '../../transport';
import type { BatchPlan } from '../../../shared/batchLoop';
import { additionalFields, emailField, forOperation, optionsCollection } from '../../../shared/descriptions';
import { customFieldsCollection, readCustomFields } from '../fields';
import { assertXmlSafe, readNameUnder50, readPublitracEmail } from '../checks';
import { asText, readText } from '../../../shared/checks';

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign Name',
		name: 'campaignName',
		type: 'string',
		required: true,
		default: '',
		description:
			'PUBLITRAC creates the email, a list and the campaign, or reuses the campaign of that name. Shorter than 50 characters.',
	},
	{ displayName: 'From Name', name: 'fromName', type: 'string', required: true, default: '' },
	{ displayName: 'From Email', name: 'fromEmail', type: 'string', placeholder: 'name@email.com', required: true, default: '' },
	{ displayName: 'Subject', name: 'subject', type: 'string', required: true, default: '' },
	{
		displayName: 'HTML Body',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		description: 'Sent as CDATA. PUBLITRAC merge tags such as {{FirstName;Default=}} work here.',
	},
	{ displayName: 'Text Body', name: 'textBody', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Plain-text version, sent as CDATA' },
	emailField('The lead to send to. PUBLITRAC takes at most 50 leads a call, so more items are split over several calls.', { defaultValue: '={{ $json.email }}' }),
	{ ...additionalFields([
			{ displayName: 'Company', name: 'company', type: 'string', default: '' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Lead Source', name: 'leadSource', type: 'string', default: '' },
			{
				displayName: 'Original Source',
				name: 'originalSource',
				type: 'string',
				default: '',
				placeholder: 'New Production ABC',
				description: 'Where the lead first came from, as in the document\'s example lead',
			},
			{
				displayName: 'Original Source Type',
				name: 'originalSourceType',
				type: 'string',
				default: '',
				placeholder: 'Web',
				description: 'The kind of that source, e.g. Web, Organic Search, Manual',
			},
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		]), displayName: 'Lead Fields', name: 'leadFields' },
	customFieldsCollection,
	optionsCollection([
		{ displayName: 'Send as Sales Rep', name: 'sendAsSalesRep', type: 'boolean', default: false, description: "Whether to send from each lead's sales rep" },
	]),
];

const LEAD_ORDER = ['firstName', 'lastName', 'company', 'phone'];
const SOURCE_ORDER = ['leadSource', 'originalSource', 'originalSourceType'];

interface EmailCampaignRecord {
	email: string;
	lead: IDataObject;
	campaign: Record<string, string>;
}

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('campaign', 'addEmailCampaign', properties);

export function plan(this: IExecuteFunctions, publitrac: PublitracClient): BatchPlan<EmailCampaignRecord> {
	return {
		batchSize: EMAIL_CAMPAIGN_MAX_LEADS,
		prepare: (itemIndex) => {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			// Items whose email settings are equal share calls; the <information> and <email> parts go once per call.
			const campaign = {
				name: readNameUnder50(this, itemIndex, 'Campaign Name', this.getNodeParameter('campaignName', itemIndex)),
				fromName: readText(this, itemIndex, 'From Name', this.getNodeParameter('fromName', itemIndex)),
				fromEmail: readPublitracEmail(this, itemIndex, 'From Email', this.getNodeParameter('fromEmail', itemIndex)),
				subject: readText(this, itemIndex, 'Subject', this.getNodeParameter('subject', itemIndex)),
				html: readText(this, itemIndex, 'HTML Body', this.getNodeParameter('html', itemIndex)),
				text: asText(this.getNodeParameter('textBody', itemIndex, '')),
				sendAsSalesRep: options.sendAsSalesRep === true ? 'true' : 'false',
			};
			const email = readPublitracEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
			const given = this.getNodeParameter('leadFields', itemIndex, {}) as IDataObject;
			const lead: IDataObject = {};
			for (const key of LEAD_ORDER) if (given[key] !== undefined) lead[key] = asText(given[key]);
			lead.email = email;
			// After the email, in the document's order.
			for (const key of SOURCE_ORDER) if (given[key] !== undefined) lead[key] = asText(given[key]);
			const customFields = readCustomFields.call(this, itemIndex);
			if (customFields) lead.customFields = customFields;
			assertXmlSafe(this, itemIndex, { ...campaign, lead });
			return { group: JSON.stringify(campaign), record: { email, lead, campaign } };
		},
		send: async (_group, batch) => {
			const { campaign } = batch[0].record;
			const query = {
				information: { name: campaign.name },
				email: {
					fromName: campaign.fromName,
					fromEmail: campaign.fromEmail,
					subject: campaign.subject,
					message: { html: cdata(campaign.html), text: cdata(campaign.text) },
					options: { sendAsSalesRep: campaign.sendAsSalesRep },
				},
				leads: { lead: batch.map(({ record }) => record.lead) },
			};
			// Sends emails: never resent once it may have reached PUBLITRAC.
			const answer = await publitrac.call({ method: 'addEmailCampaign', httpMethod: 'POST', query, idempotent: false, itemIndex: batch[0].itemIndex });
			return new Map(
				batch.map(({ itemIndex, record }) => [itemIndex, { email: record.email, campaignName: campaign.name, status: answer.status, message: answer.message }]),
			);
		},
	};
}
