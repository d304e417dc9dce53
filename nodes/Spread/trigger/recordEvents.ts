import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { BucketRead, SeenKeysState } from '../../shared/seenKeys';
import { contentKey, shortHash, takeUnseen } from '../../shared/seenKeys';
import { formatWallClock, wallClockIn } from '../../shared/wallClock';
import type { SpreadClient } from '../transport';
import { SPREAD_MAX_PAGE_SIZE } from '../transport';
import { afterDateCovering, parseSpreadDate } from './spreadDates';

/** The events read by diffing a window of records (orders, sponsorships), not by a cursor. */
export type RecordEvent = 'orderChanged' | 'sponsorshipCreated';

interface RecordEventSpec {
	path: string;
	key: string;
	/** The documented date filter that bounds the window. */
	filter: 'modifiedAfter' | 'createdAfter';
	/** The record's stamp for that filter; absent stamps fall back to the record's content. */
	stamp: string;
	/** Whether a change makes the record new again (its key then holds the stamp, or the content). */
	eachChange: boolean;
}

export const RECORD_EVENTS: Record<RecordEvent, RecordEventSpec> = {
	orderChanged: { path: '/orders', key: 'orders', filter: 'modifiedAfter', stamp: 'updatedAt', eachChange: true },
	sponsorshipCreated: { path: '/sponsorships', key: 'sponsorships', filter: 'createdAfter', stamp: 'createdAt', eachChange: false },
};

export function isRecordEvent(event: string): event is RecordEvent {
	return event in RECORD_EVENTS;
}

export const RECORD_EVENT_OPTIONS = [
	{
		name: 'New or Updated Order',
		value: 'orderChanged',
		description: 'An order that was not in the last poll\'s read, or whose updatedAt (or content, without one) changed; each change once',
	},
	{ name: 'New Sponsorship', value: 'sponsorshipCreated', description: 'A sponsorship whose ID was not in the last poll\'s read' },
];

/** The help text of each event: how it is detected and what a poll costs. */
export const RECORD_EVENT_NOTES: Record<RecordEvent, string> = {
	orderChanged:
		'Each poll reads the orders modified since a day and a half before the last poll (GET /orders?modifiedAfter=, one call per 5,000 orders in that window) and emits those not seen at the last poll. The first poll only notes what is there.',
	sponsorshipCreated:
		'Each poll reads the sponsorships created since a day and a half before the last poll (GET /sponsorships?createdAfter=, one call per 5,000 sponsorships in that window) and emits those not seen at the last poll. The first poll only notes what is there.',
};

/** What a record event remembers between polls (shared/seenKeys.ts): when the last poll started, and the keys read. */
interface RecordPollState extends SeenKeysState {
	event?: string;
	/** When the last poll started (ms): the next reads from a day that surely covers it. */
	lastPoll?: number;
}

/** Windows tried, newest first, for a manual test run's sample. */
const MANUAL_WINDOWS_DAYS = [1, 7, 30, 365];

/** After n8n was stopped, the first poll catches up at most this far back (a workflow switched on again is not flooded). */
const MAX_CATCH_UP_MS = 7 * 86_400_000;

/** A stamp's written date may be this far before the `…After` date that returned it (the two read in zones 26 h apart). */
const STAMP_DATE_SLACK_MS = 2 * 86_400_000;

/** The most keys kept, whatever SPREAD holds: a day busier than this may see a few of its records again, never lose one. */
const MAX_KEYS = 5000;

/**
 * One poll of a record event. SPREAD's date filters take a bare day read in a zone it does not name, so each poll
 * reads from a day covering the last poll in any zone, and a record is new when its key (ID, or ID + updatedAt for
 * orders) was not read before: a stamp is never compared with a clock. The first poll is a baseline.
 */
export async function pollRecordEvent(
	this: IPollFunctions,
	spread: SpreadClient,
	event: RecordEvent,
	startFrom: number | undefined,
): Promise<IDataObject[]> {
	const spec = RECORD_EVENTS[event];
	const now = Date.now();
	if (this.getMode() === 'manual') return await sampleRecords(spread, spec, now);

	const state = this.getWorkflowStaticData('node') as RecordPollState;
	if (state.event !== event) {
		for (const key of Object.keys(state)) delete (state as IDataObject)[key];
		state.event = event;
	}
	let after: string;
	let onFirstPoll: ((records: IDataObject[]) => IDataObject[]) | undefined;
	if (state.seen !== undefined) {
		after = afterDateCovering(Math.max(Math.min(state.lastPoll ?? now, now), now - MAX_CATCH_UP_MS));
	} else if (startFrom !== undefined) {
		// A backfill from the day of Start From in the workflow's zone: SPREAD filters by day, so that whole day is read.
		after = dayBefore(formatWallClock(wallClockIn(new Date(Math.min(startFrom, now)), this.getTimezone()), 'T').slice(0, 10));
		onFirstPoll = (records) => records;
	} else {
		after = afterDateCovering(now);
	}
	const records = await spread.list({ path: spec.path, key: spec.key, qs: { [spec.filter]: after }, returnAll: true, limit: 0 });
	// Records by the date written in their stamp; one without a stamp under the day it was read (forgotten once the
	// window has passed that day, when SPREAD no longer returns it unchanged).
	const today = new Date(now).toISOString().slice(0, 10);
	const byDate = new Map<string, IDataObject[]>();
	for (const record of records) {
		const stamp = stampOf(record, spec);
		const bucket = stamp === undefined ? today : stamp.slice(0, 10);
		byDate.set(bucket, [...(byDate.get(bucket) ?? []), record]);
	}
	const reads: Array<BucketRead<IDataObject>> = [...byDate].map(([bucket, bucketRecords]) => ({ bucket, records: bucketRecords }));
	const keepFrom = new Date(Date.parse(`${afterDateCovering(now)}T00:00:00Z`) - STAMP_DATE_SLACK_MS).toISOString().slice(0, 10);
	const fresh = takeUnseen(state, reads, { keyOf: (record) => keyOf(record, spec), keepFrom, onFirstPoll, maxKeys: MAX_KEYS });
	state.lastPoll = now;
	// In SPREAD's list order (oldest first), as read.
	const isFresh = new Set(fresh);
	return records.filter((record) => isFresh.has(record));
}

/** The record's stamp for the event's filter, when it has one that reads as a date. */
function stampOf(record: IDataObject, spec: RecordEventSpec): string | undefined {
	const text = typeof record[spec.stamp] === 'string' ? String(record[spec.stamp]).trim() : '';
	return parseSpreadDate(text) === undefined ? undefined : text;
}

/** What makes a record new: its ID, or for "each change" its ID + stamp (its content, without a stamp), hashed short. */
function keyOf(record: IDataObject, spec: RecordEventSpec): string {
	const id = String(record.id ?? record.orderId ?? '');
	if (!spec.eachChange) return id;
	const stamp = stampOf(record, spec);
	return shortHash(stamp === undefined ? contentKey(id, record) : `${id}@${stamp}`);
}

/** `YYYY-mm-dd` of the day before: SPREAD's "after" may leave out the day it is given. */
function dayBefore(date: string): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The most recent record for the editor's test run, in ever wider windows so a large account is not read whole. */
async function sampleRecords(spread: SpreadClient, spec: RecordEventSpec, now: number): Promise<IDataObject[]> {
	const windows: IDataObject[] = [...MANUAL_WINDOWS_DAYS.map((days) => ({ [spec.filter]: afterDateCovering(now - days * 86_400_000) })), {}];
	for (const window of windows) {
		const records = await spread.list({ path: spec.path, key: spec.key, qs: window, returnAll: false, limit: SPREAD_MAX_PAGE_SIZE });
		if (records.length === 0) continue;
		let latest = records[records.length - 1];
		let latestTime = parseSpreadDate(latest[spec.stamp]) ?? -Infinity;
		for (const record of records) {
			const time = parseSpreadDate(record[spec.stamp]);
			if (time !== undefined && time > latestTime) [latest, latestTime] = [record, time];
		}
		return [latest];
	}
	return [];
}
