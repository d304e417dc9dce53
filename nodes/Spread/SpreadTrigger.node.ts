import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { redactValue } from '../shared/redaction';
import { SHOW_CUSTOM_FIELDS_OPTION } from './actions/fields';
import type { SpreadClient } from './transport';
import { readStartFrom, startFromOption } from '../shared/polling';
import type { BucketRead, SeenKeysState } from '../shared/seenKeys';
import { takeUnseen } from '../shared/seenKeys';
import { optionSubtitle } from '../shared/router';
import { connect, SPREAD_MAX_PAGE_SIZE } from './transport';
import { normalizeCustomer } from './actions/customer/typedCustomer';
import { informationCallout } from '../shared/descriptions';
import type { OutputShape } from '../shared/typedOutput';
import { simplifyField, simplifyRecord } from '../shared/typedOutput';
import { CUSTOMER_OUTPUT, ORDER_OUTPUT, SPONSORSHIP_OUTPUT } from './actions/output';
import { afterDateCovering, parseSpreadDate } from './trigger/spreadDates';
import type { RecordEvent } from './trigger/recordEvents';
import { isRecordEvent, pollRecordEvent, RECORD_EVENT_NOTES, RECORD_EVENT_OPTIONS } from './trigger/recordEvents';

type TriggerEvent = 'customerCreated' | 'customerChanged';

const EVENTS: Record<TriggerEvent, { filter: string; stamp: string }> = {
	customerCreated: { filter: 'createdAfter', stamp: 'createdAt' },
	// A new customer's updatedAt is its creation time, so modifiedAfter catches creations too.
	customerChanged: { filter: 'modifiedAfter', stamp: 'updatedAt' },
};

/**
 * What the trigger remembers between polls (shared/seenKeys.ts): when the last poll started, and the keys
 * (`id@stamp`) of the customers it read, by the date written in their stamp. SPREAD's stamps usually carry an
 * offset, but one without is in a zone SPREAD does not name: a stamp is never compared with a clock.
 */
interface PollState extends SeenKeysState {
	event?: TriggerEvent;
	/** When the last poll started (ms): the next reads from a day that surely covers it. */
	lastPoll?: number;
	/** The state kept up to 0.1.0 (the latest stamp seen and the IDs at it): read once to carry on, then dropped. */
	cursor?: number;
	idsAtCursor?: string[];
}

/** How Simplify types each event's records. */
const OUTPUT_OF: Record<TriggerEvent | RecordEvent, OutputShape> = {
	customerCreated: CUSTOMER_OUTPUT,
	customerChanged: CUSTOMER_OUTPUT,
	orderChanged: ORDER_OUTPUT,
	sponsorshipCreated: SPONSORSHIP_OUTPUT,
};

/** A stamp's written date may be this far before the `…After` date that returned it (the two read in zones 26 h apart). */
const STAMP_DATE_SLACK_MS = 2 * 86_400_000;

/** After n8n was stopped, the first poll catches up at most this far back (a workflow switched on again is not flooded). */
const MAX_CATCH_UP_MS = 7 * 86_400_000;

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
		if (state.event !== event) {
			for (const key of ['seen', 'lastPoll', 'cursor', 'idsAtCursor'] as const) delete state[key];
			state.event = event;
		}
		const now = Date.now();
		const keyOf = (customer: IDataObject) => `${String(customer.id)}@${String(customer[stamp] ?? '').trim()}`;
		const timeOf = (customer: IDataObject) => parseSpreadDate(customer[stamp]);

		// Where this poll starts reading, and what its first poll emits (nothing, by default: a baseline).
		let from = now;
		let onFirstPoll: ((customers: IDataObject[]) => IDataObject[]) | undefined;
		if (state.seen !== undefined) {
			from = Math.max(Math.min(state.lastPoll ?? now, now), now - MAX_CATCH_UP_MS);
		} else if (state.cursor !== undefined) {
			// Carry on from the older state once, with its own rule; every later poll uses keys only.
			const cursor = state.cursor;
			const atCursor = new Set(state.idsAtCursor ?? []);
			from = Math.max(Math.min(cursor, now), now - MAX_CATCH_UP_MS);
			onFirstPoll = (customers) =>
				customers.filter((customer) => {
					const time = timeOf(customer);
					return time !== undefined && (time > cursor || (time === cursor && !atCursor.has(String(customer.id))));
				});
		} else {
			const startFrom = readStartFrom(this, options);
			if (startFrom !== undefined) {
				from = Math.min(startFrom, now);
				// A backfill of old customers: the one place a stamp meets a date (one without offset read as UTC).
				onFirstPoll = (customers) => customers.filter((customer) => (timeOf(customer) ?? -Infinity) >= startFrom);
			}
		}

		// SPREAD filters by whole days: ask from a day that surely covers `from`, in any zone.
		const afterDate = afterDateCovering(from);
		const customers = await spread.list({ path: '/customers', key: 'customers', qs: { ...baseQuery, [filter]: afterDate }, returnAll: true, limit: 0 });
		const byDate = new Map<string, IDataObject[]>();
		for (const customer of customers) {
			// A date filter returns no record without that date; one whose date cannot be read is left as before.
			if (timeOf(customer) === undefined) continue;
			const date = String(customer[stamp]).trim().slice(0, 10);
			const onDate = byDate.get(date);
			if (onDate) onDate.push(customer);
			else byDate.set(date, [customer]);
		}
		const reads: Array<BucketRead<IDataObject>> = [...byDate].map(([bucket, records]) => ({ bucket, records }));
		// The next poll asks from afterDateCovering(now): keep what it may return again.
		const keepFrom = new Date(Date.parse(`${afterDateCovering(now)}T00:00:00Z`) - STAMP_DATE_SLACK_MS).toISOString().slice(0, 10);
		const fresh = takeUnseen(state, reads, { keyOf, keepFrom, onFirstPoll });
		state.lastPoll = now;
		delete state.cursor;
		delete state.idsAtCursor;

		if (fresh.length === 0) return null;
		fresh.sort((a, b) => (timeOf(a) ?? 0) - (timeOf(b) ?? 0));
		return [this.helpers.returnJsonArray(fresh.map((customer) => redactValue(shown(normalizeCustomer(customer)), spread.secrets)))];
	}
}

/** The most recently created (or changed) customer, looking in ever wider windows so a large base is not read whole. */
async function findLatest(spread: SpreadClient, filter: string, stamp: string, baseQuery: IDataObject): Promise<IDataObject | undefined> {
	const now = Date.now();
	const windows: Array<IDataObject> = [
		...MANUAL_WINDOWS_DAYS.map((days) => ({ [filter]: afterDateCovering(now - days * 86400000) })),
		{},
	];
	for (const window of windows) {
		const customers = await spread.list({ path: '/customers', key: 'customers', qs: { ...baseQuery, ...window }, returnAll: false, limit: SPREAD_MAX_PAGE_SIZE });
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
