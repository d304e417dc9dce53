import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { isIsoCountryCode } from './countryCodes';
import { invalidInput } from './errors';
import { calendarDateOf, instantOfDateField } from './wallClock';

/**
 * The one vocabulary for reading input, before any request. Every check has the same verb and signature,
 * `read<What>(context, itemIndex, field, value)`: it returns the value as the vendor takes it, or throws a
 * NodeOperationError naming the field and the item. A vendor's own checks (actions/checks.ts) keep that signature.
 */
export type CheckContext = Pick<IExecuteFunctions, 'getNode' | 'getTimezone'>;

/** RFC 5321: a forward path holds at most 254 characters; a longer "email" is a mistake, not an address. */
export const MAX_EMAIL_LENGTH = 254;

const SIMPLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The value as text: '' for nothing, the string itself, or its String() form. */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value : String(value);
}

/** Required text, returned as given (callers trim where the vendor does). */
export function readText(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const result = asText(value);
	if (result.trim() === '') throw invalidInput(context.getNode(), itemIndex, field, 'is required');
	return result;
}

/** An email address: required, at most 254 characters, of the vendor's accepted shape (`pattern`). */
export function readEmail(context: CheckContext, itemIndex: number, field: string, value: unknown, pattern: RegExp = SIMPLE_EMAIL): string {
	return emailAddress(context.getNode(), itemIndex, field, value, pattern);
}

function emailAddress(node: INode, itemIndex: number, field: string, value: unknown, pattern: RegExp): string {
	const email = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (email === '') throw invalidInput(node, itemIndex, field, 'is required');
	if (email.length > MAX_EMAIL_LENGTH) {
		throw invalidInput(node, itemIndex, field, `is ${email.length} characters long: an email address has at most ${MAX_EMAIL_LENGTH}`);
	}
	if (!pattern.test(email)) throw invalidInput(node, itemIndex, field, `"${email}" is not a valid email address`);
	return email;
}

/**
 * A record ID that goes into a URL path and is documented as a positive integer (SPREAD and jtel record IDs).
 * `..` would turn `DELETE /customers/..` into a call on the API root, and `abc` or `1.5e3` would only come back
 * as a bare 404.
 */
export function readRecordId(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const node = context.getNode();
	const id = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (id === '') throw invalidInput(node, itemIndex, field, 'is required');
	if (!/^[1-9]\d{0,18}$/.test(id)) {
		throw invalidInput(node, itemIndex, field, `"${id}" is not an ID: it must be a whole number of 1 or more, digits only`);
	}
	return id;
}

/**
 * A free-form value that goes into a URL path as one segment (e.g. a merchant's own order number), as given:
 * refused when it is empty, a dot segment, or holds what could change the path (`/`, `\`, `?`, `#`, `%`
 * escapes, spaces or control characters). Encode it where it is put in a path.
 */
export function readPathSegment(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const node = context.getNode();
	const segment = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (segment === '') throw invalidInput(node, itemIndex, field, 'is required');
	// Control characters: code points below 0x20, and DEL.
	const hasControl = [...segment].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
	if (segment === '.' || segment === '..' || /[/\\?#%\s]/.test(segment) || hasControl) {
		throw invalidInput(node, itemIndex, field, `"${segment}" cannot be used in a URL path (no /, \\, ?, #, %, spaces, "." or "..")`);
	}
	return segment;
}

/** An ISO 3166-1 alpha-2 country code (any case, spaces around ignored), returned in capitals. */
export function readCountryCode(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const code = String(value ?? '').trim().toUpperCase();
	if (!isIsoCountryCode(code)) {
		throw invalidInput(context.getNode(), itemIndex, field, `"${String(value)}" is not an ISO 3166-1 alpha-2 country code`, 'Use two letters, e.g. FR, DE, US');
	}
	return code;
}

/**
 * `YYYY-MM-DD`, the calendar date as the user typed or picked it: no conversion through `Date`, which in an
 * instance running with a zone east of UTC would turn the picker's `2024-06-01T00:00:00` into the day before.
 * A Date or Luxon value from an expression is read in the workflow's time zone.
 */
export function readCalendarDate(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const date = calendarDateOf(value, context.getTimezone());
	if (date === undefined) throw invalidInput(context.getNode(), itemIndex, field, `"${String(value)}" is not a date`, 'Use the form YYYY-MM-DD, e.g. 2024-06-01');
	return date;
}

/**
 * The instant (ms) a date field names. A date without a zone (what n8n's picker gives) is a time in the workflow's
 * time zone, never in the zone of the machine n8n runs on; text with Z or an offset, a Date or a Luxon value is
 * the instant it names.
 */
export function readInstant(context: CheckContext, itemIndex: number, field: string, value: unknown): number {
	const instant = instantOfDateField(value, context.getTimezone());
	if (instant === undefined) throw invalidInput(context.getNode(), itemIndex, field, `"${String(value)}" is not a date`);
	return instant;
}

export interface ReturnAllAndLimit {
	returnAll: boolean;
	/** 0 when Return All is on. */
	limit: number;
}

/** Return All / Limit (returnAllAndLimitFields) of one item; Limit must be a whole number of 1 or more. */
export function readReturnAllAndLimit(context: Pick<IExecuteFunctions, 'getNode' | 'getNodeParameter'>, itemIndex: number): ReturnAllAndLimit {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex, 50) as number);
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw invalidInput(context.getNode(), itemIndex, 'Limit', `must be a whole number of 1 or more, got ${limit}`);
	}
	return { returnAll, limit };
}

/** Return All / Limit for APIs that answer the whole list at once: the node cuts it. */
export function limitRecords<T>(records: T[], { returnAll, limit }: ReturnAllAndLimit): T[] {
	return returnAll ? records : records.slice(0, limit);
}
