import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { FormFields } from '../../phpForm';
import type { InfluencerSoftClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';

const STATUSES = ['sent', 'paid', 'return', 'cancel'];

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('order', 'updateStatus', [
	{ displayName: 'Order ID', name: 'orderId', type: 'string', required: true, default: '', description: 'The order (invoice) number' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'paid',
		options: [
			{ name: 'Cancelled', value: 'cancel' },
			{ name: 'Paid', value: 'paid' },
			{ name: 'Returned', value: 'return' },
			{ name: 'Sent', value: 'sent', description: 'Shipped: needs a date and a tracking number' },
		],
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the order was paid or sent',
		displayOptions: { show: { status: ['sent', 'paid'] } },
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		default: '',
		required: true,
		description: 'Postal tracking number of the parcel (rpo)',
		displayOptions: { show: { status: ['sent'] } },
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const node = this.getNode();
	const orderId = String(this.getNodeParameter('orderId', itemIndex) ?? '').trim();
	if (orderId === '') throw invalidInput(node, itemIndex, 'Order ID', 'give the order number');
	const status = String(this.getNodeParameter('status', itemIndex));
	if (!STATUSES.includes(status)) throw invalidInput(node, itemIndex, 'Status', `"${status}" is not one of ${STATUSES.join(', ')}`);

	const fields: FormFields = { bill_id: orderId, status };
	if (status === 'sent' || status === 'paid') {
		const raw = this.getNodeParameter('date', itemIndex, '') as unknown;
		const millis = raw instanceof Date ? raw.getTime() : typeof raw === 'number' ? raw * (raw < 1e11 ? 1000 : 1) : Date.parse(String(raw ?? ''));
		if (raw === '' || raw === null || !Number.isFinite(millis)) throw invalidInput(node, itemIndex, 'Date', `a date is required for status "${status}"`);
		fields.date = Math.floor(millis / 1000);
	}
	if (status === 'sent') {
		const rpo = String(this.getNodeParameter('trackingNumber', itemIndex, '') ?? '').trim();
		if (rpo === '') throw invalidInput(node, itemIndex, 'Tracking Number', 'a tracking number is required for status "sent"');
		fields.rpo = rpo;
	}
	const answer = await influencerSoft.call({ method: 'UpdateOrderStatus', fields, idempotent: false, itemIndex });
	return { success: true, message: answer.errorText, orderId, status, ...(fields.date !== undefined ? { date: fields.date } : {}) };
}

/** The record this item writes to: the order, by number. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	const orderId = String(this.getNodeParameter('orderId', itemIndex) ?? '').trim();
	if (orderId === '') throw invalidInput(this.getNode(), itemIndex, 'Order ID', 'give the order number');
	return `order:${orderId}`;
}
