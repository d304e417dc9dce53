import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { PublitracSession } from '../../transport';
import { callPublitrac } from '../../transport';
import type { BatchPlan } from '../../../shared/batchLoop';
import { assertXmlSafe, batchOptions, emailField, LEAD_EMAIL_MAX_LENGTH, readBatchSize, shortName, forOperation, text, validEmail } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign Names or IDs',
		name: 'campaigns',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCampaigns' },
		required: true,
		default: [],
		description:
			'Existing automated campaigns to put the leads in. If a lead or a campaign does not exist, PUBLITRAC runs nothing for the whole call. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	emailField(
		'Email of an existing lead, shorter than 50 characters (PUBLITRAC refuses the whole call otherwise, so a longer one is stopped before sending: under On Error → Continue that item gets its own error and the others go on). The emails of all input items go in as few calls as possible.',
		'={{ $json.email }}',
	),
	batchOptions,
];

function campaignNames(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return text(value)
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
}

interface CampaignRecord {
	email: string;
	campaigns: string[];
}

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('campaign', 'executeCampaign', properties);

export function plan(this: IExecuteFunctions, session: PublitracSession): BatchPlan<CampaignRecord> {
	const node = this.getNode();
	const batchSize = readBatchSize.call(this);
	return {
		batchSize,
		prepare: (itemIndex) => {
			const names = campaignNames(this.getNodeParameter('campaigns', itemIndex));
			if (names.length === 0) throw invalidInput(node, itemIndex, 'Campaign Names or IDs', 'needs at least one campaign');
			const campaigns = [...new Set(names.map((name) => shortName(node, itemIndex, 'Campaign Names or IDs', name)))];
			const email = validEmail(node, itemIndex, 'Email', this.getNodeParameter('email', itemIndex), LEAD_EMAIL_MAX_LENGTH);
			assertXmlSafe(node, itemIndex, { campaigns: campaigns.join(','), email });
			return { group: JSON.stringify(campaigns), record: { email, campaigns } };
		},
		send: async (group, batch) => {
			const campaigns = JSON.parse(group) as string[];
			const query = {
				leads: { lead: batch.map(({ record }) => ({ email: record.email })) },
				campaigns: { campaign: campaigns.map((name) => ({ name })) },
			};
			// All or nothing, and it starts campaigns: never resent once it may have reached PUBLITRAC.
			const answer = await callPublitrac.call(this, session, { method: 'executeCampaign', httpMethod: 'POST', query, idempotent: false }, batch[0].itemIndex);
			return new Map(batch.map(({ itemIndex, record }) => [itemIndex, { email: record.email, campaigns, status: answer.status, message: answer.message }]));
		},
	};
}
