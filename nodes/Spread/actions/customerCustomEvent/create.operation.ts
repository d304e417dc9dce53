import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { additionalFields, forOperation } from '../../../shared/descriptions';
import { customerIdField } from '../fields';
import { readInstant, readRecordId } from '../../../shared/checks';

export { CUSTOM_EVENT_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customerCustomEvent', 'create', [
	customerIdField('The SPREAD ID of the customer the event belongs to'),
	{
		displayName: 'Event Type',
		name: 'type',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'store_visit',
	},
	additionalFields([
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'When the event happened (sent as YYYY-MM-DD HH:MM:SS, UTC); SPREAD uses now when empty' },
		{ displayName: 'Metadata', name: 'metadata', type: 'json', default: '{}', description: 'Free data about the event, as a JSON object' },
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const customerId = readRecordId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const type = String(this.getNodeParameter('type', itemIndex) ?? '').trim();
	if (type === '') throw invalidInput(this.getNode(), itemIndex, 'Event Type', 'is required');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const event: IDataObject = { type };
	if (fields.date !== undefined && fields.date !== '') {
		// The picker's date has no zone: it is the workflow's time zone, as for orders, never the machine's.
		const time = readInstant(this, itemIndex, 'Date', fields.date);
		event.date = new Date(time).toISOString().slice(0, 19).replace('T', ' ');
	}
	if (fields.metadata !== undefined && fields.metadata !== '') event.metadata = readMetadata(this, itemIndex, fields.metadata);
	return await spread.call({
		method: 'POST',
		path: `/customers-custom-events/${encodeURIComponent(customerId)}`,
		body: { customerCustomEvent: event },
		itemIndex,
	});
}

function readMetadata(context: IExecuteFunctions, itemIndex: number, value: unknown): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw invalidInput(context.getNode(), itemIndex, 'Metadata', 'is not valid JSON');
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw invalidInput(context.getNode(), itemIndex, 'Metadata', 'must be a JSON object');
	}
	return parsed as IDataObject;
}

/** The record this item writes to: its customer, by SPREAD ID. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return `id:${readRecordId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex))}`;
}
