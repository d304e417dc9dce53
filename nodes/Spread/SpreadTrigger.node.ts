import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { redactValue } from '../shared/redaction';
import { SHOW_CUSTOM_FIELDS_OPTION } from './actions/common';
import type { SpreadConnection } from './transport';
import { readStartFrom, startFromOption } from '../shared/polling';
import { optionSubtitle } from '../shared/router';
import { afterDateCovering, connect, normalizeCustomer, parseSpreadDate, SPREAD_MAX_PAGE_SIZE } from './transport';
import { informationCallout } from '../shared/descriptions';
import type { OutputShape } from '../shared/typedOutput';
import { simplifyField, simplifyRecord } from '../shared/typedOutput';
import { CUSTOMER_OUTPUT, ORDER_OUTPUT, SPONSORSHIP_OUTPUT } from './actions/output';
import type { RecordEvent } from './trigger/recordEvents';
import { isRecordEvent, pollRecordEvent, RECORD_EVENT_NOTES, RECORD_EVENT_OPTIONS } from './trigger/recordEvents';

type TriggerEvent = 'customerCreated' | 'customerChanged';

const EVENTS: Record<TriggerEvent, { filter: string; stamp: string }> = {
	customerCreated: { filter: 'createdAfter', stamp: 'createdAt' },
	// A new customer's updatedAt is its creation time, so modifiedAfter catches creations too.
	customerChanged: { filter: 'modifiedAfter', stamp: 'updatedAt' },
};

/**
 * What the trigger remembers between polls: the latest timestamp it has seen and the IDs seen at
 * exactly that second, since SPREAD's timestamps have one-second resolution.
 */
interface PollState {
	cursor?: number;
	idsAtCursor?: string[];
	event?: TriggerEvent;
}

/** How Simplify types each event's records. */
const OUTPUT_OF: Record<TriggerEvent | RecordEvent, OutputShape> = {
	customerCreated: CUSTOMER_OUTPUT,
	customerChanged: CUSTOMER_OUTPUT,
	orderChanged: ORDER_OUTPUT,
	sponsorshipCreated: SPONSORSHIP_OUTPUT,
};

/** Windows tried, newest first, to find the latest customer for a manual test run. */
const MANUAL_WINDOWS_DAYS = [1, 7, 30, 365];

const TRIGGER_EVENTS = [
	{ name: 'Customer Created', value: 'customerCreated', description: 'A new customer profile' },
	{ name: 'Customer Created or Updated', value: 'customerChanged', description: 'A new customer profile or a change to an existing one' },
	...RECORD_EVENT_OPTIONS,
];

export class SpreadTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SPREAD Trigger',
		name: 'spreadTrigger',
		icon: { light: 'file:spread.svg', dark: 'file:spread.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle('event', TRIGGER_EVENTS),
		description: 'Starts the workflow when SPREAD customers or orders are created or changed, or sponsorships made',
		defaults: { name: 'SPREAD Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'spreadApi', required: true }],
		properties: [
			...(Object.entries(RECORD_EVENT_NOTES) as Array<[RecordEvent, string]>).map(([event, note]) =>
				informationCallout(`${event}Note`, note, { event: [event] }),
			),
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: TRIGGER_EVENTS,
				default: 'customerCreated',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{ ...SHOW_CUSTOM_FIELDS_OPTION, default: false, displayOptions: { show: { '/event': ['customerCreated', 'customerChanged'] } } },
					simplifyField(),
					startFromOption('records created or changed'),
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent | RecordEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const shape: OutputShape = OUTPUT_OF[event];
		const shown = (record: IDataObject) => (options.simplify === true ? simplifyRecord(record, shape) : record);
		if (isRecordEvent(event)) {
			const spread = await connect(this);
			const records = await pollRecordEvent.call(this, spread, event, readStartFrom(this, options));
			return records.length ? [this.helpers.returnJsonArray(records.map((record) => redactValue(shown(record), spread.secrets)))] : null;
		}
		const { filter, stamp } = EVENTS[event];
		const spread = await connect(this);
		const baseQuery: IDataObject = options.showCustomFields === true ? { showCustomFields: 1 } : {};

		if (this.getMode() === 'manual') {
			const latest = await findLatest(spread, filter, stamp, baseQuery);
			return latest ? [this.helpers.returnJsonArray([redactValue(shown(normalizeCustomer(latest)), spread.secrets)])] : null;
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		if (state.cursor === undefined || state.event !== event) {
			const startFrom = readStartFrom(this, options);
			state.event = event;
			state.idsAtCursor = [];
			// SPREAD stamps whole seconds: start at the current second so nothing created later in it is missed.
			state.cursor = startFrom ?? Math.floor(Date.now() / 1000) * 1000;
			if (startFrom === undefined) return null;
		}

		const cursor = state.cursor;
		const seenAtCursor = new Set(state.idsAtCursor ?? []);
		// SPREAD filters by whole days: ask from a day that surely covers the cursor, keep what is at or after it.
		const customers = await spread.list('/customers', 'customers', { ...baseQuery, [filter]: afterDateCovering(cursor) }, { returnAll: true, limit: 0 });

		const fresh: Array<{ time: number; customer: IDataObject }> = [];
		let newCursor = cursor;
		for (const customer of customers) {
			const time = parseSpreadDate(customer[stamp]);
			if (time === undefined) continue;
			const id = String(customer.id);
			if (time < cursor || (time === cursor && seenAtCursor.has(id))) continue;
			fresh.push({ time, customer });
			newCursor = Math.max(newCursor, time);
		}
		const idsAtNewCursor = new Set(newCursor === cursor ? seenAtCursor : []);
		for (const { time, customer } of fresh) if (time === newCursor) idsAtNewCursor.add(String(customer.id));
		state.cursor = newCursor;
		state.idsAtCursor = [...idsAtNewCursor];

		if (fresh.length === 0) return null;
		fresh.sort((a, b) => a.time - b.time);
		return [this.helpers.returnJsonArray(fresh.map(({ customer }) => redactValue(shown(normalizeCustomer(customer)), spread.secrets)))];
	}
}

/** The most recently created (or changed) customer, looking in ever wider windows so a large base is not read whole. */
async function findLatest(spread: SpreadConnection, filter: string, stamp: string, baseQuery: IDataObject): Promise<IDataObject | undefined> {
	const now = Date.now();
	const windows: Array<IDataObject> = [
		...MANUAL_WINDOWS_DAYS.map((days) => ({ [filter]: afterDateCovering(now - days * 86400000) })),
		{},
	];
	for (const window of windows) {
		const customers = await spread.list('/customers', 'customers', { ...baseQuery, ...window }, { returnAll: false, limit: SPREAD_MAX_PAGE_SIZE });
		let latest: IDataObject | undefined;
		let latestTime = -Infinity;
		for (const customer of customers) {
			const time = parseSpreadDate(customer[stamp]) ?? -Infinity;
			if (time >= latestTime) [latest, latestTime] = [customer, time];
		}
		if (latest) return latest;
	}
	return undefined;
}
