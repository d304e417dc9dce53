import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelConnection } from '../../transport';
import { foundRecords, jtelRequest } from '../../transport';
import { showFor } from '../descriptions';
import { campaignLocator, readCampaign } from '../campaignLocator';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = [
	showFor('campaign', 'get', { ...campaignLocator, modes: campaignLocator.modes?.filter((mode) => mode.name !== 'name') }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: JtelConnection) {
	const campaignId = readCampaign(this, itemIndex).id;
	const response = await jtelRequest.call(this, connection, { method: 'GET', path: `/dialler/campaigns/${campaignId}`, idempotent: true }, itemIndex);
	return foundRecords.call(this, response, 'Dialler campaign', itemIndex, connection.client.secrets);
}
