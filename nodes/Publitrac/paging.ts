import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../shared/httpClient';
import { paginate } from '../shared/pagination';
import type { PublitracCall, PublitracSession } from './transport';
import { callPublitrac, hasMoreRecords, readPaging, SERVER_PAGE_SIZE } from './transport';

export interface PageWalk {
	returnAll: boolean;
	limit: number;
	itemIndex?: number;
	/** The page to start from; 1 by default. */
	firstPage?: number;
	/** Filled in as pages are read: what `<paging>` said and where a next run should start. */
	report?: PagingReport;
}

export interface PagingReport {
	/** `<paging><total>` of the last page read: every record the search matches (undefined when not sent). */
	total?: number;
	/** The page holding the first record not output, or undefined when the walk reached the end. */
	nextPage?: number;
}

/** Walks `page` of a paged GET method (getLeads, getList, getView, …) until the limit or the last record. */
export async function walkPages(
	this: RequestContext,
	session: PublitracSession,
	call: Omit<PublitracCall, 'httpMethod' | 'idempotent'>,
	readRecords: (response: IDataObject) => IDataObject[],
	{ returnAll, limit, itemIndex, firstPage = 1, report }: PageWalk,
): Promise<IDataObject[]> {
	let last: { page: number; found: number; hasMore: boolean; before: number } | undefined;
	const records = await paginate<IDataObject>({
		returnAll,
		limit,
		firstPage,
		pageSize: SERVER_PAGE_SIZE,
		fetchPage: async ({ page, offset }) => {
			const answer = await callPublitrac.call(this, session, { ...call, httpMethod: 'GET', idempotent: true, params: { ...call.params, page } }, itemIndex);
			const found = readRecords(answer.response);
			const paging = readPaging(answer.response);
			// <paging><total> counts from page 1, and a page's size is PUBLITRAC's to choose: a walk that started
			// later cannot tell how many records came before, so it reads on until a page comes back empty.
			const hasMore = (firstPage === 1 ? hasMoreRecords(paging, offset, found.length) : undefined) ?? found.length > 0;
			if (report) report.total = paging?.total;
			last = { page, found: found.length, hasMore, before: offset };
			return { records: found, hasMore };
		},
	});
	if (report && last) {
		const outputFromLast = records.length - last.before;
		report.nextPage = outputFromLast < last.found ? last.page : last.hasMore ? last.page + 1 : undefined;
	}
	return records;
}
