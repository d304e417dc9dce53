import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch, pageOfResults } from '../../shared/locators';
import { getGroups, getProducts } from './loadOptions';

/**
 * The group picker. GetAllGroups answers every group at once and takes no filter, so the typed text filters
 * here (title or ID) and the editor gets a page at a time.
 */
export async function searchGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const groups = (await getGroups.call(this)).filter((group) => matchesSearch(filter, group.name, group.value));
	return pageOfResults(groups, paginationToken);
}

/** The product picker: GetAllGoods, filtered on title or ID here for the same reason. */
export async function searchProducts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const products = (await getProducts.call(this)).filter((product) => matchesSearch(filter, product.name, product.value));
	return pageOfResults(products, paginationToken);
}
