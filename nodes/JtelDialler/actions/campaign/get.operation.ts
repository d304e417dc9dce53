import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { campaignLocator } from '../fields';
import { readCampaign } from '../checks';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('campaign', 'get', [
	{ ...campaignLocator, modes: campaignLocator.modes?.filter((mode) => mode.name !== 'name') },
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const campaignId = readCampaign(this, itemIndex).id;
	const response = await jtel.call({ method: 'GET', path: `/dialler/campaigns/${campaignId}`, idempotent: true, itemIndex });
	return jtel.foundRecords(response, 'Dialler campaign', itemIndex);
}
