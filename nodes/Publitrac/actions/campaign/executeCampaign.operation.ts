import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { PublitracClient } from '../../transport';
import type { BatchPlan } from '../../../shared/batchLoop';
import { emailField, forOperation } from '../../../shared/descriptions';
import { batchOptions, readBatchSize } from '../fields';
import { campaignPicker, PICKED_VALUE } from '../pickers';
import { assertXmlSafe, readLeadEmail, readNameUnder50 } from '../checks';
import { asText } from '../../../shared/checks';

const properties: INodeProperties[] = [
	...campaignPicker(
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
		'Existing automated campaign to put the leads in (By Name: one name, or several separated by commas). If a lead or a campaign does not exist, PUBLITRAC runs nothing for the whole call.',
	),
	emailField('Email of an existing lead, shorter than 50 characters (PUBLITRAC refuses the whole call otherwise, so a longer one is stopped before sending: under On Error → Continue that item gets its own error and the others go on). The emails of all input items go in as few calls as possible.', { defaultValue: '={{ $json.email }}' }),
	batchOptions,
];

function campaignNames(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return asText(value)
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

export function plan(this: IExecuteFunctions, publitrac: PublitracClient): BatchPlan<CampaignRecord> {
	const node = this.getNode();
	const batchSize = readBatchSize.call(this);
	return {
		batchSize,
		prepare: (itemIndex) => {
			const names = campaignNames(this.getNodeParameter('campaigns', itemIndex, undefined, PICKED_VALUE));
			if (names.length === 0) throw invalidInput(node, itemIndex, 'Campaign Names or IDs', 'needs at least one campaign');
			const campaigns = [...new Set(names.map((name) => readNameUnder50(this, itemIndex, 'Campaign Names or IDs', name)))];
			const email = readLeadEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
			assertXmlSafe(this, itemIndex, { campaigns: campaigns.join(','), email });
			return { group: JSON.stringify(campaigns), record: { email, campaigns } };
		},
		send: async (group, batch) => {
			const campaigns = JSON.parse(group) as string[];
			const query = {
				leads: { lead: batch.map(({ record }) => ({ email: record.email })) },
				campaigns: { campaign: campaigns.map((name) => ({ name })) },
			};
			// All or nothing, and it starts campaigns: never resent once it may have reached PUBLITRAC.
			const answer = await publitrac.call({ method: 'executeCampaign', httpMethod: 'POST', query, idempotent: false, itemIndex: batch[0].itemIndex });
			return new Map(batch.map(({ itemIndex, record }) => [itemIndex, { email: record.email, campaigns, status: answer.status, message: answer.message }]));
		},
	};
}
