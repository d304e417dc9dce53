import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch } from '../../shared/locators';
import { connect } from '../transport';

/** Records per page of a picker: one SPREAD call each. */
const PICKER_PAGE_SIZE = 100;

function customerItem(customer: IDataObject): INodeListSearchItems {
	const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
	return { name: `${name ? `${name} ` : ''}<${String(customer.email ?? '')}> (${String(customer.id)})`, value: String(customer.id) };
}

/**
 * The customer picker. SPREAD filters customers on exact values only: a typed e-mail is looked up by `email`, a
 * number by `ids`, any other text by last name then first name (case ignored); no text lists every customer, a page
 * (`startAt`/`maxResults`) per scroll.
 */
export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const spread = await connect(this);
	const wanted = (filter ?? '').trim();
	const startAt = Number(paginationToken ?? 0) || 0;
	const page = async (qs: IDataObject) => await spread.call({ method: 'GET', path: '/customers', qs: { ...qs, startAt, maxResults: PICKER_PAGE_SIZE } });
	const pages: IDataObject[] = [];
	if (wanted === '') pages.push(await page({}));
	else if (wanted.includes('@')) pages.push(await page({ email: wanted, caseInsensitive: 1 }));
	else if (/^\d+$/.test(wanted)) pages.push(await page({ ids: wanted }));
	else pages.push(await page({ lastName: wanted, caseInsensitive: 1 }), await page({ firstName: wanted, caseInsensitive: 1 }));
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	let more = false;
	for (const answer of pages) {
		const customers = Array.isArray(answer.customers) ? (answer.customers as IDataObject[]) : [];
		if (customers.length >= PICKER_PAGE_SIZE && typeof answer.nextPageUrl === 'string' && answer.nextPageUrl !== '') more = true;
		for (const customer of customers) {
			if (seen.has(String(customer.id))) continue;
			seen.add(String(customer.id));
			results.push(customerItem(customer));
		}
	}
	return { results, ...(more ? { paginationToken: String(startAt + PICKER_PAGE_SIZE) } : {}) };
}

/** The order picker: SPREAD's order list pages but does not filter, so the typed text filters each page here. */
export async function searchOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const spread = await connect(this);
	const startAt = Number(paginationToken ?? 0) || 0;
	const answer = await spread.call({ method: 'GET', path: '/orders', qs: { startAt, maxResults: PICKER_PAGE_SIZE } });
	const orders = Array.isArray(answer.orders) ? (answer.orders as IDataObject[]) : [];
	const more = orders.length >= PICKER_PAGE_SIZE && typeof answer.nextPageUrl === 'string' && answer.nextPageUrl !== '';
	return {
		results: orders
			.filter((order) => order.orderId !== undefined && matchesSearch(filter, order.orderId, order.customerId, order.id))
			.map((order) => ({ name: `${String(order.orderId)} · ${String(order.amount ?? '')} (customer ${String(order.customerId ?? '?')})`, value: String(order.orderId) })),
		...(more ? { paginationToken: String(startAt + PICKER_PAGE_SIZE) } : {}),
	};
}
