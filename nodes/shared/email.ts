import type { INode } from 'n8n-workflow';

import { invalidInput } from './errors';

/** RFC 5321: a forward path holds at most 254 characters; a longer "email" is a mistake, not an address. */
export const MAX_EMAIL_LENGTH = 254;

const SIMPLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address checked before any request: required, at most 254 characters, of the vendor's accepted shape. */
export function emailAddress(node: INode, itemIndex: number, field: string, value: unknown, pattern: RegExp = SIMPLE_EMAIL): string {
	const email = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (email === '') throw invalidInput(node, itemIndex, field, 'is required');
	if (email.length > MAX_EMAIL_LENGTH) {
		throw invalidInput(node, itemIndex, field, `is ${email.length} characters long: an email address has at most ${MAX_EMAIL_LENGTH}`);
	}
	if (!pattern.test(email)) throw invalidInput(node, itemIndex, field, `"${email}" is not a valid email address`);
	return email;
}
