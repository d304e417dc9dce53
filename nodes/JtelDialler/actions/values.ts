import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../shared/errors';
import { positiveIntegerId } from '../../shared/pathSegments';
import type { WallClock } from '../../shared/wallClock';
import { formatWallClock, isValidWallClock, wallClockIn } from '../../shared/wallClock';

const format = (clock: WallClock) => formatWallClock(clock, 'T');

/** The only date-time shape the jtel Dialler API takes: `YYYY-MM-DDTHH:MM:SS`, no zone. */
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** German style, as jtel users often type it: `31.12.2026 [17:30[:00]]`. */
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Formats what the user typed (ISO date or date-time, with or without zone, `YYYY-MM-DD HH:MM`,
 * `DD.MM.YYYY HH:MM`, a Date or a Luxon DateTime) as `YYYY-MM-DDTHH:MM:SS`.
 * A value with a zone or offset is converted to the workflow's time zone; one without is taken as it reads.
 * Returns undefined when the value is not a real calendar date and time.
 */
export function toJtelDateTime(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : format(wallClockIn(value, timeZone));
	if (value !== null && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return toJtelDateTime((value as { toISO: () => string | null }).toISO(), timeZone);
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const iso = ISO_LIKE.exec(text);
	const german = iso ? null : GERMAN.exec(text);
	if (!iso && !german) return undefined;
	const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : [german![3], german![2], german![1]];
	const match = (iso ?? german)!;
	const clock: WallClock = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(match[4] ?? 0),
		minute: Number(match[5] ?? 0),
		second: Number(match[6] ?? 0),
	};
	if (!isValidWallClock(clock)) return undefined;
	const zone = iso?.[7];
	if (zone === undefined) return format(clock);
	const offset = zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone);
	const instant = new Date(`${format(clock)}${offset}`);
	return Number.isNaN(instant.getTime()) ? undefined : format(wallClockIn(instant, timeZone));
}

function normaliseOffset(offset: string): string {
	const digits = offset.slice(1).replace(':', '');
	return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/** A date-time field of the jtel API, validated and formatted before any request. */
export function readDateTime(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const formatted = toJtelDateTime(value, context.getTimezone());
	if (formatted === undefined) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			field,
			`"${String(value)}" is not a date and time`,
			'Use e.g. 2026-03-01T09:30:00, 2026-03-01 09:30, 2026-03-01 or 01.03.2026 09:30. jtel receives YYYY-MM-DDTHH:MM:SS; a value with a time zone is converted to the workflow\'s time zone.',
		);
	}
	return formatted;
}

/** Digits with the usual separators, an optional leading + : what a dialler can call. */
const PHONE_NUMBER = /^\+?[0-9(][0-9 ()./-]*$/;

/** Checks a phone number, trimmed; letters and other stray characters are refused before any request. */
export function readPhoneNumber(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const phone = String(value ?? '').trim();
	if (/\p{L}/u.test(phone)) throw invalidInput(context.getNode(), itemIndex, field, `"${phone}" contains letters`, 'A dialler phone number holds digits, an optional leading +, spaces and the separators ( ) - / .');
	if (!PHONE_NUMBER.test(phone) || !/\d{3}/.test(phone.replace(/\D/g, ''))) {
		throw invalidInput(context.getNode(), itemIndex, field, `"${phone}" is not a phone number`, 'A dialler phone number holds at least three digits, an optional leading +, spaces and the separators ( ) - / .');
	}
	return phone;
}

/** A jtel record ID: a positive whole number, given as a number or a string of digits. */
export function readRecordId(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): number {
	const id = Number(positiveIntegerId(context.getNode(), itemIndex, field, value));
	if (!Number.isSafeInteger(id)) throw invalidInput(context.getNode(), itemIndex, field, `"${String(value)}" is too large for a jtel ID`);
	return id;
}

/** Return All / Limit for APIs without paging: the node cuts the list. */
export function applyLimit<T>(records: T[], returnAll: boolean, limit: number): T[] {
	return returnAll ? records : records.slice(0, Math.max(0, limit));
}
