import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../shared/httpClient';
import { paginate } from '../shared/pagination';
import type { PublitracCall, PublitracSession } from './transport';
import { callPublitrac, hasMoreRecords, readPaging, SERVER_PAGE_SIZE } from './transport';

export interface PageWalk {
	returnAll: boolean;
	limit: number;
	itemIndex?: number;
}

/** Walks `page` of a paged GET method (getLeads, getList, getView, …) until the limit or the last record. */
export async function walkPages(
	this: RequestContext,
	session: PublitracSession,
	call: Omit<PublitracCall, 'httpMethod' | 'idempotent'>,
	readRecords: (response: IDataObject) => IDataObject[],
	{ returnAll, limit, itemIndex }: PageWalk,
): Promise<IDataObject[]> {
	return await paginate<IDataObject>({
		returnAll,
		limit,
		pageSize: SERVER_PAGE_SIZE,
		fetchPage: async ({ page, offset }) => {
			const answer = await callPublitrac.call(this, session, { ...call, httpMethod: 'GET', idempotent: true, params: { ...call.params, page } }, itemIndex);
			const found = readRecords(answer.response);
			return { records: found, hasMore: hasMoreRecords(readPaging(answer.response), offset, found.length) ?? found.length > 0 };
		},
	});
}
