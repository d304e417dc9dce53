import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch, pageOfResults } from '../../shared/locators';
import { connect, recordsOf } from '../transport';
import { campaignIdOf, listCampaigns } from './loadOptions';

/**
 * The campaign picker of the Campaign field. jtel answers every campaign at once (GET /dialler/campaigns has no paging
 * or filter), so the typed text filters by name or ID here and the editor gets a page at a time.
 */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim();
	const campaigns = (await listCampaigns.call(this)).filter(
		(campaign) => campaignIdOf(campaign) !== '' && (matchesSearch(wanted, campaign.Name) || campaignIdOf(campaign) === wanted),
	);
	return pageOfResults(
		campaigns.map((campaign) => ({ name: `${String(campaign.Name ?? 'Campaign')} (${campaignIdOf(campaign)})`, value: campaignIdOf(campaign) })),
		paginationToken,
	);
}

function contactName(contact: IDataObject): string {
	const name = [contact.FirstName, contact.Name].filter((part) => part !== undefined && part !== null && part !== '').join(' ');
	const phone = contact.PhoneNumber1 ?? contact.PhoneNumber2;
	return `${name || 'Contact'}${phone ? ` · ${String(phone)}` : ''} (${String(contact.ID ?? contact.DiallerContactsID)})`;
}

/**
 * The contact picker. GET /dialler/contacts has no paging and no text filter (only a campaign ID), so the typed text
 * (name, phone, e-mail, User Data or ID) filters here and the editor gets a page at a time.
 */
export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const jtel = await connect(this);
	const response = await jtel.call({ method: 'GET', path: '/dialler/contacts', idempotent: true });
	const contacts = recordsOf(response)
		.filter((contact) => (contact.ID ?? contact.DiallerContactsID) !== undefined)
		.filter((contact) =>
			matchesSearch(filter, contact.Name, contact.FirstName, contact.Email, contact.UserData, contact.PhoneNumber1, contact.ID ?? contact.DiallerContactsID),
		);
	return pageOfResults(
		contacts.map((contact) => ({ name: contactName(contact), value: String(contact.ID ?? contact.DiallerContactsID) })),
		paginationToken,
	);
}
