import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch } from '../../shared/locators';
import { connect, readCampaigns, readPaging } from '../transport';

/** The campaign picker: one getCampaigns page per scroll (PUBLITRAC pages, but does not filter, campaigns). */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const publitrac = await connect(this);
	const page = Number(paginationToken ?? 1) || 1;
	const answer = await publitrac.call({ method: 'getCampaigns', httpMethod: 'GET', params: { page }, idempotent: true });
	const campaigns = readCampaigns(answer.response);
	return {
		results: campaigns
			.map((campaign) => ({ campaign, name: String(campaign.Name ?? campaign.name ?? '').trim() }))
			.filter(({ campaign, name }) => name !== '' && matchesSearch(filter, name, campaign.Type, campaign.CampaignType))
			.map(({ campaign, name }) => ({ name, value: name, description: [campaign.Type, campaign.CampaignType].filter(Boolean).join(' · ') || undefined })),
		// getCampaigns answers without <paging>: an empty page ends the list.
		...(campaigns.length > 0 ? { paginationToken: String(page + 1) } : {}),
	};
}

/** PUBLITRAC's "does not exist" statuses for a list (9009) and a view (9010). */
const UNKNOWN_NAME = new Set(['9009', '9010']);

/**
 * Looks a typed list or view name up: PUBLITRAC has no method listing them, so the typed name is read (its first page)
 * and shown with its lead count when it exists. Nothing typed: nothing to look up.
 */
async function lookUpName(context: ILoadOptionsFunctions, method: 'getList' | 'getView', parameter: 'listName' | 'viewName', filter?: string): Promise<INodeListSearchResult> {
	const name = (filter ?? '').trim();
	if (name === '') return { results: [] };
	const publitrac = await connect(context);
	const { statusCode, body } = await publitrac.send({ method, httpMethod: 'GET', params: { [parameter]: name, page: 1 }, idempotent: true });
	const answer = publitrac.readAnswer(method, statusCode, body);
	if (answer.failed) {
		if (UNKNOWN_NAME.has(answer.status)) return { results: [] };
		throw publitrac.answerError(method, answer);
	}
	const total = readPaging(answer.response)?.total;
	return { results: [{ name, value: name, description: total === undefined ? undefined : `${total} lead${total === 1 ? '' : 's'}` }] };
}

export async function searchLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await lookUpName(this, 'getList', 'listName', filter);
}

export async function searchViews(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await lookUpName(this, 'getView', 'viewName', filter);
}
