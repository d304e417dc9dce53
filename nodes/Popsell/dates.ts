/**
 * Popsell writes dates as "YYYY-MM-DD HH:MM:SS" and names no time zone: such a value is a wall-clock
 * time, kept as it is. A value that names an instant (ISO with Z or an offset, a Date, a Luxon DateTime,
 * epoch milliseconds) is written in the time zone the node is given (the workflow's by default).
 */

import type { WallClock } from '../shared/wallClock';
import { formatWallClock, parseWallClockText, toWallClock as toSharedWallClock } from '../shared/wallClock';

export type { WallClock };

// Popsell's own example wraps the date in curly quotes (date=”2015-12-05 10:12:54): strip any such wrapping.
const WRAPPING_QUOTES = /^[\s"'\u201c\u201d\u201e\u2018\u2019]+|[\s"'\u201c\u201d\u201e\u2018\u2019]+$/g;

/** Reads "YYYY-MM-DD[ HH:MM[:SS]]" (or with a T), surrounding quotes allowed; undefined when it is not one. */
export function parseWallClock(text: string): WallClock | undefined {
	return parseWallClockText(text.replace(WRAPPING_QUOTES, ''));
}

/** "YYYY-MM-DD HH:MM:SS", the form Popsell reads. */
export function formatPopsellDate(clock: WallClock): string {
	return formatWallClock(clock, ' ');
}

/** "YYYY-MM-DDTHH:MM:SS", ISO 8601 without a zone, since Popsell names none. */
export function formatIsoWallClock(clock: WallClock): string {
	return formatWallClock(clock, 'T');
}

/** Any date a workflow can hold, as a wall-clock time (Popsell's quoted text included); undefined when it is not a date. */
export function toWallClock(value: unknown, timeZone: string): WallClock | undefined {
	return toSharedWallClock(value, timeZone, parseWallClock);
}
