import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { connect, recordsOf } from '../transport';

async function listCampaigns(this: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const jtel = await connect(this);
	const response = await jtel.call({ method: 'GET', path: '/dialler/campaigns', idempotent: true });
	return recordsOf(response).sort((a, b) => String(a.Name ?? '').localeCompare(String(b.Name ?? '')));
}

/** The campaign's ID: jtel names it ID in campaign records and DiallerCampaignsID elsewhere. */
function campaignIdOf(campaign: IDataObject): string {
	return String(campaign.ID ?? campaign.DiallerCampaignsID ?? '');
}

/** Dialler campaigns from GET /dialler/campaigns, valued by ID. */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listCampaigns.call(this))
		.filter((campaign) => campaignIdOf(campaign) !== '')
		.map((campaign) => ({ name: `${String(campaign.Name ?? 'Campaign')} (${campaignIdOf(campaign)})`, value: campaignIdOf(campaign) }));
}

/** The campaign picker of the Campaign field: GET /dialler/campaigns (no paging in jtel), filtered by name here. */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const campaigns = (await listCampaigns.call(this)).filter(
		(campaign) => campaignIdOf(campaign) !== '' && (wanted === '' || String(campaign.Name ?? '').toLowerCase().includes(wanted) || campaignIdOf(campaign) === wanted),
	);
	return { results: campaigns.map((campaign) => ({ name: `${String(campaign.Name ?? 'Campaign')} (${campaignIdOf(campaign)})`, value: campaignIdOf(campaign) })) };
}
