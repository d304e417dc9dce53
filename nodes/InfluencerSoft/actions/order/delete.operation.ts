import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import { callApi } from '../../transport';
import type { InfluencerSoftAccount } from '../../transport';
import { forOperation } from '../common';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('order', 'delete', [
	{ displayName: 'Order ID', name: 'orderId', type: 'string', required: true, default: '', description: 'The order (invoice) number to delete' },
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, account: InfluencerSoftAccount): Promise<IDataObject> {
	const orderId = String(this.getNodeParameter('orderId', itemIndex) ?? '').trim();
	if (orderId === '') throw invalidInput(this.getNode(), itemIndex, 'Order ID', 'give the order number');
	const answer = await callApi.call(this, account, { method: 'DeleteOrder', fields: { bill_id: orderId }, idempotent: false }, itemIndex);
	return { success: true, message: answer.errorText, orderId, deleted: true };
}
