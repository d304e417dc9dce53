import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { CheckContext } from '../../shared/checks';
import { readRecordId } from '../../shared/checks';
import { invalidInput } from '../../shared/errors';
import type { WallClock } from '../../shared/wallClock';
import { formatWallClock, isValidWallClock, toWallClock, wallClockIn } from '../../shared/wallClock';

/** Checks only jtel needs, with the shared signature (nodes/shared/checks.ts). */

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
	if (typeof value === 'number') return undefined;
	// Text is read by jtel's forms only; a Date or a Luxon DateTime is an instant, shown in the workflow's zone.
	const clock = typeof value === 'string' ? parseJtelText(value.trim(), timeZone) : toWallClock(value, timeZone);
	return clock ? format(clock) : undefined;
}

/** The text forms above; one with a zone or offset is read as that instant and shown in `timeZone`. */
function parseJtelText(text: string, timeZone: string): WallClock | undefined {
	const iso = ISO_LIKE.exec(text);
	const german = iso ? null : GERMAN.exec(text);
	const match = iso ?? german;
	if (!match) return undefined;
	const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : [match[3], match[2], match[1]];
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
	if (zone === undefined) return clock;
	const offset = zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone);
	const instant = new Date(`${format(clock)}${offset}`);
	return Number.isNaN(instant.getTime()) ? undefined : wallClockIn(instant, timeZone);
}

function normaliseOffset(offset: string): string {
	const digits = offset.slice(1).replace(':', '');
	return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/** A date-time field of the jtel API, validated and formatted before any request. */
export function readDateTime(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
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
export function readPhoneNumber(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const phone = String(value ?? '').trim();
	if (/\p{L}/u.test(phone)) throw invalidInput(context.getNode(), itemIndex, field, `"${phone}" contains letters`, 'A dialler phone number holds digits, an optional leading +, spaces and the separators ( ) - / .');
	if (!PHONE_NUMBER.test(phone) || !/\d{3}/.test(phone.replace(/\D/g, ''))) {
		throw invalidInput(context.getNode(), itemIndex, field, `"${phone}" is not a phone number`, 'A dialler phone number holds at least three digits, an optional leading +, spaces and the separators ( ) - / .');
	}
	return phone;
}

/** A jtel record ID as the number jtel takes: a positive whole number, given as a number or a string of digits. */
export function readJtelId(context: CheckContext, itemIndex: number, field: string, value: unknown): number {
	const id = Number(readRecordId(context, itemIndex, field, value));
	if (!Number.isSafeInteger(id)) throw invalidInput(context.getNode(), itemIndex, field, `"${String(value)}" is too large for a jtel ID`);
	return id;
}

export type CampaignChoice = { byName: true; name: string; id?: undefined } | { byName: false; id: number; name?: undefined };

/** Reads the campaign field of one item: a name in "By Name" mode, otherwise a checked ID. */
export function readCampaign(context: IExecuteFunctions, itemIndex: number): CampaignChoice {
	const locator = context.getNodeParameter('campaign', itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	const value = String((typeof locator === 'object' && locator !== null ? locator.value : locator) ?? '').trim();
	if (value === '') throw invalidInput(context.getNode(), itemIndex, 'Campaign', 'is empty', 'Choose the dialler campaign from the list, or give its ID or its name.');
	if (mode === 'name') return { byName: true, name: value };
	return { byName: false, id: readJtelId(context, itemIndex, 'Campaign', value) };
}
