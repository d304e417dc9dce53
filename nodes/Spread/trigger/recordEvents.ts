import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { SeenWindowState } from '../../shared/seenWindow';
import { contentKey, diffWindow } from '../../shared/seenWindow';
import { formatWallClock, wallClockIn } from '../../shared/wallClock';
import type { SpreadConnection } from '../transport';
import { afterDateCovering, parseSpreadDate, SPREAD_MAX_PAGE_SIZE } from '../transport';

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

interface RecordPollState extends SeenWindowState {
	event?: string;
}

/** Windows tried, newest first, for a manual test run's sample. */
const MANUAL_WINDOWS_DAYS = [1, 7, 30, 365];

/**
 * One poll of a record event. SPREAD's date filters take a bare day read in a zone it does not name, so the window
 * starts a day and a half before the last poll (any zone, "after" inclusive or not) and "new" is decided by the keys
 * seen at the last poll, never by comparing a stamp with a clock.
 */
export async function pollRecordEvent(
	this: IPollFunctions,
	spread: SpreadConnection,
	event: RecordEvent,
	startFrom: number | undefined,
): Promise<IDataObject[]> {
	const spec = RECORD_EVENTS[event];
	const now = Date.now();
	if (this.getMode() === 'manual') return await sampleRecords(spread, spec, now);

	const state = this.getWorkflowStaticData('node') as RecordPollState;
	const first = state.event !== event || state.lastPollAt === undefined;
	let after = afterDateCovering(first ? now : state.lastPollAt!);
	// A backfill from the day of Start From in the workflow's zone: SPREAD filters by day, so the whole day is read.
	if (first && startFrom !== undefined) after = dayBefore(formatWallClock(wallClockIn(new Date(startFrom), this.getTimezone()), 'T').slice(0, 10));
	const records = await spread.list(spec.path, spec.key, { [spec.filter]: after }, { returnAll: true, limit: 0 });
	const fresh = diffWindow(state, records.map((record) => windowRecord(record, spec)), { now, first, emitAllOnFirst: startFrom !== undefined });
	state.event = event;
	return fresh;
}

function windowRecord(record: IDataObject, spec: RecordEventSpec) {
	const id = String(record.id ?? record.orderId ?? '');
	const stampText = record[spec.stamp];
	const stamp = parseSpreadDate(stampText);
	let key = id;
	if (spec.eachChange) key = stamp === undefined ? contentKey(id, record) : `${id}@${String(stampText)}`;
	return { record, key, stamp };
}

/** `YYYY-mm-dd` of the day before: SPREAD's "after" may leave out the day it is given. */
function dayBefore(date: string): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The most recent record for the editor's test run, in ever wider windows so a large account is not read whole. */
async function sampleRecords(spread: SpreadConnection, spec: RecordEventSpec, now: number): Promise<IDataObject[]> {
	const windows: IDataObject[] = [...MANUAL_WINDOWS_DAYS.map((days) => ({ [spec.filter]: afterDateCovering(now - days * 86_400_000) })), {}];
	for (const window of windows) {
		const records = await spread.list(spec.path, spec.key, window, { returnAll: false, limit: SPREAD_MAX_PAGE_SIZE });
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
