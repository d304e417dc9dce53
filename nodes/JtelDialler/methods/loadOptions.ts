import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connect, recordsOf } from '../transport';

export async function listCampaigns(this: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const jtel = await connect(this);
	const response = await jtel.call({ method: 'GET', path: '/dialler/campaigns', idempotent: true });
	return recordsOf(response).sort((a, b) => String(a.Name ?? '').localeCompare(String(b.Name ?? '')));
}

/** The campaign's ID: jtel names it ID in campaign records and DiallerCampaignsID elsewhere. */
export function campaignIdOf(campaign: IDataObject): string {
	return String(campaign.ID ?? campaign.DiallerCampaignsID ?? '');
}

/** Dialler campaigns from GET /dialler/campaigns, valued by ID. */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listCampaigns.call(this))
		.filter((campaign) => campaignIdOf(campaign) !== '')
		.map((campaign) => ({ name: `${String(campaign.Name ?? 'Campaign')} (${campaignIdOf(campaign)})`, value: campaignIdOf(campaign) }));
}
