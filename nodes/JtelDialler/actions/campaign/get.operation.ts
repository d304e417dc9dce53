import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelClient } from '../../transport';
import { showFor } from '../descriptions';
import { campaignLocator, readCampaign } from '../campaignLocator';

export const description: INodeProperties[] = [
	showFor('campaign', 'get', { ...campaignLocator, modes: campaignLocator.modes?.filter((mode) => mode.name !== 'name') }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const campaignId = readCampaign(this, itemIndex).id;
	const response = await jtel.call({ method: 'GET', path: `/dialler/campaigns/${campaignId}`, idempotent: true, itemIndex });
	return jtel.foundRecords(response, 'Dialler campaign', itemIndex);
}
