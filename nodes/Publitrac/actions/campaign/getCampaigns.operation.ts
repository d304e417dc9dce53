import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { readCampaigns } from '../../transport';
import type { ItemResult } from '../../../shared/itemLoop';
import { fetchPages, returnAllFields, pagingOptions, forOperation } from '../common';

const properties: INodeProperties[] = [...returnAllFields, pagingOptions];

export { CAMPAIGN_OUTPUT as output } from '../output';

export const description = forOperation('campaign', 'getCampaigns', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession): Promise<ItemResult> {
	return await fetchPages.call(this, session, itemIndex, { method: 'getCampaigns' }, readCampaigns);
}
