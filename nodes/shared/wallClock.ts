/** A calendar date and time of day as a clock on the wall shows it, with no time zone. */
export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Whether the clock names a real date and time (no 30 February, no 24:00). */
export function isValidWallClock({ year, month, day, hour, minute, second }: WallClock): boolean {
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "YYYY-MM-DD<separator>HH:MM:SS". */
export function formatWallClock(clock: WallClock, separator: 'T' | ' '): string {
	return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}${separator}${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
}

/** The wall-clock time of an instant in a time zone (e.g. the workflow's). */
export function wallClockIn(instant: Date, timeZone: string): WallClock {
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

const WALL_CLOCK_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** Reads "YYYY-MM-DD[ HH:MM[:SS]]" (or with a T); undefined when it is not a real date and time. */
export function parseWallClockText(text: string): WallClock | undefined {
	const match = WALL_CLOCK_TEXT.exec(text.trim());
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
	const clock = { year, month, day, hour, minute, second };
	return isValidWallClock(clock) ? clock : undefined;
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

/**
 * Any date a workflow can hold, as a wall-clock time. Text without a zone is kept as it reads; a value
 * that names an instant (ISO with Z or an offset, a Date, a Luxon DateTime, epoch milliseconds) is
 * written in the given time zone. Undefined when it is not a date.
 */
export function toWallClock(value: unknown, timeZone: string, parseText: (text: string) => WallClock | undefined = parseWallClockText): WallClock | undefined {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		const clock = parseText(trimmed);
		if (clock) return clock;
		// Only ISO-like text with a zone is read as an instant: Date.parse would accept "12/05/2015" in a locale-dependent way.
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return undefined;
	}
	const instant = asInstant(value);
	if (!instant || Number.isNaN(instant.getTime())) return undefined;
	return wallClockIn(instant, timeZone);
}

const DATE_AT_START = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * The calendar date a user typed or picked, as `YYYY-MM-DD`, with no time-zone conversion: text that starts
 * with a date (n8n's picker gives `2024-06-01T00:00:00`, with no zone) keeps that date whatever the process's
 * TZ; a Date or Luxon value from an expression is read in `timeZone` (the workflow's). Undefined when it is no date.
 */
export function calendarDateOf(value: unknown, timeZone: string): string | undefined {
	if (typeof value === 'string') {
		const match = DATE_AT_START.exec(value.trim());
		if (!match) return undefined;
		const clock = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0 };
		return isValidWallClock(clock) ? match[0].slice(0, 10) : undefined;
	}
	const clock = toWallClock(value, timeZone);
	return clock ? formatWallClock(clock, 'T').slice(0, 10) : undefined;
}

/** The instant at which a clock in `timeZone` shows the given wall-clock time (the later one in a DST overlap). */
export function instantAtWallClock(clock: WallClock, timeZone: string): number {
	const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
	let instant = asUtc;
	// Two rounds settle the zone's offset, including across a DST change.
	for (let round = 0; round < 2; round++) {
		const shown = wallClockIn(new Date(instant), timeZone);
		const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
		instant += asUtc - shownAsUtc;
	}
	return instant;
}

/**
 * The instant (ms) a date field names. A date or date-time without a zone (what n8n's picker gives) is a
 * wall-clock time in `timeZone` (the workflow's), not in the process's TZ; text with Z or an offset, a Date
 * or a Luxon value is the instant it names. Undefined when it is no date.
 */
export function instantOfDateField(value: unknown, timeZone: string): number | undefined {
	if (typeof value === 'string') {
		const zoneless = parseWallClockText(value);
		if (zoneless) return instantAtWallClock(zoneless, timeZone);
	}
	// Any other date is first read as a clock in UTC, which gives back the instant it names.
	const clock = toWallClock(value, 'UTC');
	return clock ? Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) : undefined;
}
