import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { InfluencerSoftClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { PICKED_VALUE, productPicker } from '../pickers';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('product', 'delete', [
	...productPicker(
		{
			displayName: 'Product Name or ID',
			name: 'product',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProducts' },
			required: true,
			default: '',
			description: 'Product to delete. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		'The product to delete',
	),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const product = String(this.getNodeParameter('product', itemIndex, '', PICKED_VALUE) ?? '').trim();
	if (product === '') throw invalidInput(this.getNode(), itemIndex, 'Product Name or ID', 'choose a product');
	const answer = await influencerSoft.call({ method: 'DeleteGood', fields: { good_name: product }, idempotent: false, itemIndex });
	return { success: true, message: answer.errorText, product, deleted: true };
}

/** The record this item writes to: the product. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	const product = String(this.getNodeParameter('product', itemIndex, '', PICKED_VALUE) ?? '').trim();
	if (product === '') throw invalidInput(this.getNode(), itemIndex, 'Product Name or ID', 'choose a product');
	return `product:${product}`;
}
