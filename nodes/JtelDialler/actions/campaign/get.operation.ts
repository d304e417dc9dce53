import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelConnection } from '../../transport';
import { foundRecords, jtelRequest } from '../../transport';
import { showFor } from '../descriptions';
import { readRecordId } from '../values';

export const description: INodeProperties[] = [
	showFor('campaign', 'get', {
		displayName: 'Campaign Name or ID',
		name: 'campaignId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCampaigns' },
		required: true,
		default: '',
		description: 'The dialler campaign. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
];

export async function execute(this: IExecuteFunctions, connection: JtelConnection, itemIndex: number) {
	const campaignId = readRecordId(this, itemIndex, 'Campaign Name or ID', this.getNodeParameter('campaignId', itemIndex));
	const response = await jtelRequest.call(this, connection, { method: 'GET', path: `/dialler/campaigns/${campaignId}`, idempotent: true }, itemIndex);
	return foundRecords.call(this, response, 'Dialler campaign', itemIndex, connection.client.secrets);
}
