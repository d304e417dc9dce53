import type { INode } from 'n8n-workflow';

import { invalidInput } from './errors';

/**
 * An ID that goes into a URL path and is documented as a positive integer (SPREAD and jtel record IDs).
 * Checked before any request: `..` would turn `DELETE /customers/..` into a call on the API root, and
 * `abc` or `1.5e3` would only come back as a bare 404.
 */
export function positiveIntegerId(node: INode, itemIndex: number, field: string, value: unknown): string {
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
export function pathSegment(node: INode, itemIndex: number, field: string, value: unknown): string {
	const segment = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (segment === '') throw invalidInput(node, itemIndex, field, 'is required');
	// Control characters: code points below 0x20, and DEL.
	const hasControl = [...segment].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
	if (segment === '.' || segment === '..' || /[/\\?#%\s]/.test(segment) || hasControl) {
		throw invalidInput(node, itemIndex, field, `"${segment}" cannot be used in a URL path (no /, \\, ?, #, %, spaces, "." or "..")`);
	}
	return segment;
}
