import type { IDataObject } from 'n8n-workflow';

export interface PageRequest {
	/** 1-based page number, for APIs that page by number. */
	page: number;
	/** 0-based offset of the first record wanted, for APIs that page by offset. */
	offset: number;
	/** How many records this call should ask for. */
	size: number;
}

export interface PageResult<T = IDataObject> {
	records: T[];
	/** Whether the API says more records follow; when unknown, a short page ends the walk. */
	hasMore?: boolean;
}

export interface PaginateOptions<T> {
	returnAll: boolean;
	limit: number;
	/** The largest page the API accepts. */
	pageSize: number;
	/** The page number to start from (page-numbered APIs, to resume a long export); 1 by default. */
	firstPage?: number;
	fetchPage: (request: PageRequest) => Promise<PageResult<T>>;
}

/** Walks pages until the limit is reached or the API runs out, asking for no more than needed. */
export async function paginate<T = IDataObject>(options: PaginateOptions<T>): Promise<T[]> {
	const { returnAll, pageSize, fetchPage } = options;
	const limit = returnAll ? Infinity : Math.max(0, options.limit);
	const collected: T[] = [];
	let page = options.firstPage ?? 1;
	while (collected.length < limit) {
		const size = Math.min(pageSize, limit - collected.length);
		const { records, hasMore } = await fetchPage({ page, offset: collected.length, size });
		collected.push(...records.slice(0, limit - collected.length));
		const more = hasMore ?? records.length >= size;
		if (!more || records.length === 0) break;
		page++;
	}
	return collected;
}
