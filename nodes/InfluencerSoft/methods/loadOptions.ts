import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connect, resultList } from '../transport';

const NO_PRODUCTS = 700;

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

/** Contact groups (lists): shown by title, sent by ID (rass_name). */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const influencerSoft = await connect(this);
	const answer = await influencerSoft.call({ method: 'GetAllGroups', fields: {}, idempotent: true });
	return resultList(answer.result)
		.map((group) => ({
			name: `${String(group.rass_title ?? group.rass_name)}`,
			value: String(group.rass_name),
			description: `ID ${String(group.rass_name)}`,
		}))
		.sort(byName);
}

/** Shop products: shown by title, sent by ID (good_name). */
export async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const influencerSoft = await connect(this);
	const answer = await influencerSoft.call({ method: 'GetAllGoods', fields: {}, idempotent: true, emptyOn: [NO_PRODUCTS] });
	return resultList(answer.result)
		.map((good) => ({
			name: String(good.good_title ?? good.good_name),
			value: String(good.good_name),
			description: `ID ${String(good.good_name)}${good.good_sum !== undefined ? `, price ${String(good.good_sum)}` : ''}`,
		}))
		.sort(byName);
}
