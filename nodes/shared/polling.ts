import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { formatWallClock, instantOfDateField, wallClockIn } from './wallClock';

/** The polling triggers' backfill option: what happened since a date is emitted on the first poll only. */
export function startFromOption(records: string): INodeProperties {
	return {
		displayName: 'Start From',
		name: 'startFrom',
		type: 'dateTime',
		default: '',
		description: `Backfill: on the first poll after activation, also emit the ${records} since this date and time (in the workflow's time zone). Empty: only what happens after activation.`,
	};
}

/** The Start From option as an instant (ms), read in the workflow's zone; undefined when not set. */
export function readStartFrom(context: IPollFunctions, options: IDataObject): number | undefined {
	if (!options.startFrom) return undefined;
	// The picker's date has no zone: it is the workflow's time zone, not the server process's.
	const instant = instantOfDateField(options.startFrom, context.getTimezone());
	if (instant === undefined) throw new NodeOperationError(context.getNode(), `Start From: "${String(options.startFrom)}" is not a date`);
	return instant;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The clocks furthest apart on Earth: UTC−12 (Baker Island) and UTC+14 (Kiribati). */
const EARLIEST_OFFSET_MS = -12 * HOUR_MS;
const LATEST_OFFSET_MS = 14 * HOUR_MS;

const dateAtOffset = (instant: number, offsetMs: number) => new Date(instant + offsetMs).toISOString().slice(0, 10);

/**
 * Every calendar date (`yyyy-mm-dd`) a clock showed somewhere on Earth between two instants, in order: whatever
 * zone a vendor stamps in, a record made in between is dated one of them (2 or 3 dates for polls a minute apart).
 * `latestZone` (a zone the user says the vendor stamps in) ends the list at that zone's date at `to`: a record
 * dated later, by a zone set wrong, is read by a later poll instead. The start is never narrowed, so a zone set
 * wrong cannot leave a record behind.
 */
export function datesInAnyZone(from: number, to: number, latestZone?: string): string[] {
	const first = dateAtOffset(from, EARLIEST_OFFSET_MS);
	const latest = latestZone ? formatWallClock(wallClockIn(new Date(to), latestZone), 'T').slice(0, 10) : dateAtOffset(to, LATEST_OFFSET_MS);
	const dates: string[] = [];
	for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${latest}T00:00:00Z`); day += DAY_MS) {
		dates.push(new Date(day).toISOString().slice(0, 10));
	}
	return dates;
}

/** The earliest date a record made at or after `instant` can carry, in any zone. */
export function earliestDateAt(instant: number): string {
	return dateAtOffset(instant, EARLIEST_OFFSET_MS);
}
