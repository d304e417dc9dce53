import type { INode } from 'n8n-workflow';

import { isIsoCountryCode } from '../shared/countryCodes';
import { emailAddress } from '../shared/email';
import { invalidInput } from '../shared/errors';

const EMAIL_PATTERN = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;.]{2,}$/;

/** The forms the document accepts: "UTC + 03", "+03", "-01", "3", "-1" (whole hours, -12…+14). */
const UTC_PATTERN = /^(?:UTC\s*)?([+-]?)\s*(\d{1,2})$/i;

export function checkEmail(node: INode, itemIndex: number, field: string, value: string): string {
	return emailAddress(node, itemIndex, field, value, EMAIL_PATTERN);
}

export function checkCountryCode(node: INode, itemIndex: number, field: string, value: string): string {
	const code = value.trim().toUpperCase();
	if (!isIsoCountryCode(code)) {
		throw invalidInput(node, itemIndex, field, `"${value}" is not an ISO 3166-1 alpha-2 country code`, 'Use two letters such as US, CA, DE or FR.');
	}
	return code;
}

export function checkUtcOffset(node: INode, itemIndex: number, field: string, value: string): string {
	const text = value.trim();
	const match = UTC_PATTERN.exec(text);
	const hours = match ? Number(match[2]) * (match[1] === '-' ? -1 : 1) : NaN;
	if (!match || hours < -12 || hours > 14) {
		throw invalidInput(node, itemIndex, field, `"${value}" is not a time zone InfluencerSoft accepts`, 'Use one of the forms "UTC + 03", "+03", "-01", "3" or "-1" (whole hours from -12 to +14).');
	}
	return text;
}

/** Comma-separated lists are the API's format, so an entry may not contain a comma itself. */
export function checkListEntries(node: INode, itemIndex: number, field: string, values: string[]): string[] {
	const entries = values.map((value) => String(value).trim()).filter((value) => value !== '');
	const withComma = entries.find((entry) => entry.includes(','));
	if (withComma !== undefined) throw invalidInput(node, itemIndex, field, `"${withComma}" contains a comma, which the API uses to separate entries`);
	return entries;
}
