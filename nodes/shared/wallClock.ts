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
