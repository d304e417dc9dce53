import type { CheckContext } from '../../shared/checks';
import { readEmail } from '../../shared/checks';
import { invalidInput } from '../../shared/errors';

/** Checks only InfluencerSoft needs, with the shared signature (nodes/shared/checks.ts). */

const EMAIL_PATTERN = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;.]{2,}$/;

/** The forms the document accepts: "UTC + 03", "+03", "-01", "3", "-1" (whole hours, -12…+14). */
const UTC_PATTERN = /^(?:UTC\s*)?([+-]?)\s*(\d{1,2})$/i;

/** A contact's email, of the shape InfluencerSoft accepts. */
export function readContactEmail(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	return readEmail(context, itemIndex, field, value, EMAIL_PATTERN);
}

export function readUtcOffset(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const text = String(value).trim();
	const match = UTC_PATTERN.exec(text);
	const hours = match ? Number(match[2]) * (match[1] === '-' ? -1 : 1) : NaN;
	if (!match || hours < -12 || hours > 14) {
		throw invalidInput(context.getNode(), itemIndex, field, `"${String(value)}" is not a time zone InfluencerSoft accepts`, 'Use one of the forms "UTC + 03", "+03", "-01", "3" or "-1" (whole hours from -12 to +14).');
	}
	return text;
}

/** A multi-select value, which an expression may also give as "a, b" or a single ID. */
export function asStringList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

/** A list the API takes comma-separated, so an entry may not contain a comma itself. */
export function readListEntries(context: CheckContext, itemIndex: number, field: string, value: unknown): string[] {
	const entries = asStringList(value);
	const withComma = entries.find((entry) => entry.includes(','));
	if (withComma !== undefined) throw invalidInput(context.getNode(), itemIndex, field, `"${withComma}" contains a comma, which the API uses to separate entries`);
	return entries;
}
