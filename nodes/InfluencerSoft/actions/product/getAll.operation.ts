import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resultList } from '../../transport';
import type { InfluencerSoftClient } from '../../transport';
import { forOperation, returnAllAndLimitFields } from '../../../shared/descriptions';
import { limitRecords, readReturnAllAndLimit } from '../../../shared/checks';

/** Error 700: the shop has no products, an empty list rather than a failure. */
const NO_PRODUCTS = 700;

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('product', 'getAll', returnAllAndLimitFields());

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject[]> {
	const wanted = readReturnAllAndLimit(this, itemIndex);
	const answer = await influencerSoft.call({ method: 'GetAllGoods', fields: {}, idempotent: true, emptyOn: [NO_PRODUCTS], itemIndex });
	const products = resultList(answer.result).map((product) => {
		const price = Number(product.good_sum);
		return product.good_sum !== undefined && Number.isFinite(price) ? { ...product, good_sum: price } : product;
	});
	return limitRecords(products, wanted);
}
