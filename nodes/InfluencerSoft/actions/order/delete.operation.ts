import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { InfluencerSoftClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('order', 'delete', [
	{ displayName: 'Order ID', name: 'orderId', type: 'string', required: true, default: '', description: 'The order (invoice) number to delete' },
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const orderId = String(this.getNodeParameter('orderId', itemIndex) ?? '').trim();
	if (orderId === '') throw invalidInput(this.getNode(), itemIndex, 'Order ID', 'give the order number');
	const answer = await influencerSoft.call({ method: 'DeleteOrder', fields: { bill_id: orderId }, idempotent: false, itemIndex });
	return { success: true, message: answer.errorText, orderId, deleted: true };
}

/** The record this item writes to: the order, by number. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	const orderId = String(this.getNodeParameter('orderId', itemIndex) ?? '').trim();
	if (orderId === '') throw invalidInput(this.getNode(), itemIndex, 'Order ID', 'give the order number');
	return `order:${orderId}`;
}
