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
