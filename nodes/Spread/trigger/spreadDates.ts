/** The SPREAD Trigger's dates: reading SPREAD's stamps and choosing the day a date filter starts at. */

/** SPREAD dates: `2018-04-10T14:15:48+0000` (customers) or `2016-11-04 08:54:47` (UTC, other resources). */
export function parseSpreadDate(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	let text = value.trim().replace(' ', 'T');
	if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) text += 'Z';
	const time = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	return Number.isNaN(time) ? undefined : time;
}

/** A day, in ms. */
const DAY_MS = 86_400_000;

/**
 * The `…After` date (`YYYY-mm-dd`, the only form SPREAD's filters take) that returns every record stamped at
 * or after `time`, whichever way SPREAD reads a bare date: "after" may exclude the whole day, and the day may
 * be taken in any zone from UTC-12 to UTC+14. 36 hours back covers both; the caller drops what is older.
 */
export function afterDateCovering(time: number): string {
	return new Date(time - 1.5 * DAY_MS).toISOString().slice(0, 10);
}
