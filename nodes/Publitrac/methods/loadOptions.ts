import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connect, readCampaigns } from '../transport';

/** Campaign names for Execute Campaign, every page of getCampaigns. */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const publitrac = await connect(this);
	const options: INodePropertyOptions[] = [];
	for (let page = 1; page <= 50; page++) {
		const answer = await publitrac.call({ method: 'getCampaigns', httpMethod: 'GET', params: { page }, idempotent: true });
		const campaigns = readCampaigns(answer.response);
		for (const campaign of campaigns) {
			const name = String(campaign.Name ?? campaign.name ?? '').trim();
			if (name) options.push({ name, value: name, description: [campaign.Type, campaign.CampaignType].filter(Boolean).join(' · ') });
		}
		if (campaigns.length === 0) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
