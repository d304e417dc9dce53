/**
 * Popsell writes dates as "YYYY-MM-DD HH:MM:SS" and names no time zone: such a value is a wall-clock
 * time, kept as it is. A value that names an instant (ISO with Z or an offset, a Date, a Luxon DateTime,
 * epoch milliseconds) is written in the time zone the node is given (the workflow's by default).
 */

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

// Popsell's own example wraps the date in curly quotes (date=”2015-12-05 10:12:54): strip any such wrapping.
const WRAPPING_QUOTES = /^[\s"'\u201c\u201d\u201e\u2018\u2019]+|[\s"'\u201c\u201d\u201e\u2018\u2019]+$/g;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads "YYYY-MM-DD[ HH:MM[:SS]]" (or with a T), surrounding quotes allowed; undefined when it is not one. */
export function parseWallClock(text: string): WallClock | undefined {
	const match = WALL_CLOCK.exec(text.replace(WRAPPING_QUOTES, ''));
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	return { year, month, day, hour, minute, second };
}

/** "YYYY-MM-DD HH:MM:SS", the form Popsell reads. */
export function formatPopsellDate(clock: WallClock): string {
	return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)} ${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
}

/** "YYYY-MM-DDTHH:MM:SS", ISO 8601 without a zone, since Popsell names none. */
export function formatIsoWallClock(clock: WallClock): string {
	return formatPopsellDate(clock).replace(' ', 'T');
}

function wallClockAt(instant: Date, timeZone: string): WallClock {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(instant);
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
	return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

function asInstant(value: unknown): Date | undefined {
	if (value instanceof Date) return value;
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value);
	if (typeof value === 'string') return new Date(value);
	if (value !== null && typeof value === 'object') {
		// Luxon DateTime (what $now and n8n date fields give) without importing Luxon.
		const candidate = value as { toJSDate?: () => Date; toISO?: () => string };
		if (typeof candidate.toJSDate === 'function') return candidate.toJSDate();
		if (typeof candidate.toISO === 'function') return new Date(candidate.toISO());
	}
	return undefined;
}

/** Any date a workflow can hold, as a wall-clock time; undefined when it is not a date. */
export function toWallClock(value: unknown, timeZone: string): WallClock | undefined {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		const clock = parseWallClock(trimmed);
		if (clock) return clock;
		// Only ISO-like text with a zone is read as an instant: Date.parse would accept "12/05/2015" in a locale-dependent way.
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return undefined;
	}
	const instant = asInstant(value);
	if (!instant || Number.isNaN(instant.getTime())) return undefined;
	return wallClockAt(instant, timeZone);
}
