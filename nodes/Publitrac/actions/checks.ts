import type { IDataObject } from 'n8n-workflow';

import type { CheckContext } from '../../shared/checks';
import { asText, readEmail, readText } from '../../shared/checks';
import { invalidInput } from '../../shared/errors';
import type { WallClock } from '../../shared/wallClock';
import { formatWallClock, isValidWallClock, wallClockIn } from '../../shared/wallClock';

/** Checks only PUBLITRAC needs, with the shared signature (nodes/shared/checks.ts). */

/** PUBLITRAC's accepted shape: no quotes, brackets or separators, a top-level domain of two letters or more. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** executeCampaign and the history methods: "Le courriel du lead doit contenir moins de 50 caractères". */
export const LEAD_EMAIL_MAX_LENGTH = 50;

/** An email address of the shape PUBLITRAC accepts. */
export function readPublitracEmail(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	return readEmail(context, itemIndex, field, asText(value), EMAIL);
}

/** A lead's email where PUBLITRAC takes fewer than 50 characters (executeCampaign, the history methods). */
export function readLeadEmail(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const email = readPublitracEmail(context, itemIndex, field, value);
	if (email.length >= LEAD_EMAIL_MAX_LENGTH) {
		throw invalidInput(context.getNode(), itemIndex, field, `must be shorter than ${LEAD_EMAIL_MAX_LENGTH} characters (PUBLITRAC's limit), got ${email.length}`);
	}
	return email;
}

/** List and campaign names, required and shorter than 50 characters: "doit contenir moins de 50 caractères". */
export function readNameUnder50(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const name = readText(context, itemIndex, field, value).trim();
	if ([...name].length >= 50) throw invalidInput(context.getNode(), itemIndex, field, `must be shorter than 50 characters, got ${[...name].length}`);
	return name;
}

export function readZeroOrOne(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	if (value === true || value === 1 || value === '1') return '1';
	if (value === false || value === 0 || value === '0') return '0';
	throw invalidInput(context.getNode(), itemIndex, field, `must be 0 or 1, got "${asText(value)}"`);
}

export function readWholeNumber(context: CheckContext, itemIndex: number, field: string, value: unknown, min?: number, max?: number): string {
	const raw = asText(value).trim();
	const number = Number(raw);
	if (raw === '' || !Number.isInteger(number)) throw invalidInput(context.getNode(), itemIndex, field, `must be a whole number, got "${raw}"`);
	if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
		throw invalidInput(context.getNode(), itemIndex, field, `must be between ${min ?? '-∞'} and ${max ?? '∞'}, got ${number}`);
	}
	return String(number);
}

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * PUBLITRAC dates: `yyyy-mm-dd`, or `yyyy-mm-dd hh:mm:ss` with a time. Accepts ISO text or an n8n
 * date and keeps the wall-clock time as typed. A JavaScript Date carries no zone of its own, so it is
 * written as the workflow's clock shows it (its UTC reading would be the day before just after midnight
 * east of UTC).
 */
export function readPublitracDate(context: CheckContext, itemIndex: number, field: string, value: unknown, withTime: boolean): string {
	if (value instanceof Date && !Number.isNaN(value.getTime())) {
		const shown = formatWallClock(wallClockIn(value, context.getTimezone()), ' ');
		return withTime ? shown : shown.slice(0, 10);
	}
	const raw = typeof value === 'object' && value !== null ? String((value as { toISO?: () => string }).toISO?.() ?? value) : asText(value).trim();
	const parts = DATE_PARTS.exec(raw);
	const [year, month, day, hour, minute, second] = (parts?.slice(1, 7) ?? []).map((part) => Number(part ?? 0));
	const clock: WallClock = { year, month, day, hour, minute, second };
	if (!parts || !isValidWallClock({ ...clock, hour: 0, minute: 0, second: 0 })) {
		throw invalidInput(context.getNode(), itemIndex, field, `"${raw}" is not a date PUBLITRAC accepts`, 'Use yyyy-mm-dd, yyyy-mm-dd hh:mm:ss or an ISO date.');
	}
	if (!withTime) return formatWallClock(clock, ' ').slice(0, 10);
	if (!isValidWallClock(clock)) throw invalidInput(context.getNode(), itemIndex, field, `"${raw}" has an impossible time`);
	return formatWallClock(clock, ' ');
}

/** Names of elements the user chooses (custom fields, search fields) must be XML names. */
export function readElementName(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const name = asText(value).trim();
	if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) || /^xml/i.test(name)) {
		throw invalidInput(context.getNode(), itemIndex, field, `"${name}" cannot be a PUBLITRAC field name (letters, digits, _ . - only)`);
	}
	return name;
}

/** Characters XML 1.0 cannot carry at all, escaped or not. */
function hasNonXmlCharacter(value: string): boolean {
	for (let index = 0; index < value.length; index++) {
		const code = value.charCodeAt(index);
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff) return true;
	}
	return false;
}

/** Refuses, before sending, any value XML cannot carry, naming the field it came from. */
export function assertXmlSafe(context: CheckContext, itemIndex: number, values: IDataObject, path = ''): void {
	for (const [key, value] of Object.entries(values)) {
		const where = key === '__cdata' ? path : path ? `${path}.${key}` : key;
		if (typeof value === 'string' && hasNonXmlCharacter(value)) {
			throw invalidInput(context.getNode(), itemIndex, where, 'contains a control character that XML cannot carry');
		}
		if (value !== null && typeof value === 'object') assertXmlSafe(context, itemIndex, value as IDataObject, where);
	}
}

/** Custom fields given as name/value pairs, as `<customFields><name>value</name></customFields>`. */
export function customFieldsElement(context: CheckContext, itemIndex: number, pairs: Array<{ name?: unknown; value?: unknown }> | undefined): IDataObject | undefined {
	if (!pairs || pairs.length === 0) return undefined;
	const element: IDataObject = {};
	for (const pair of pairs) element[readElementName(context, itemIndex, 'Custom Fields > Name', pair.name)] = asText(pair.value);
	return element;
}
