import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { readCampaigns } from '../../transport';
import type { PublitracOperation } from '../common';
import { fetchPages, perItem, returnAllFields, forOperation } from '../common';

const properties: INodeProperties[] = [...returnAllFields];

export const getCampaigns: PublitracOperation = {
	description: forOperation('campaign', 'getCampaigns', properties),
	async execute(this: IExecuteFunctions, session: PublitracSession) {
		return await perItem.call(this, session, async (itemIndex) => await fetchPages.call(this, session, itemIndex, { method: 'getCampaigns' }, readCampaigns));
	},
};
