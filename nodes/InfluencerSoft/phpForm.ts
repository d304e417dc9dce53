/**
 * Form encoding the way PHP writes and reads it: InfluencerSoft's legacy signature is an md5 of
 * PHP's `http_build_query` output, and its callbacks arrive as PHP-style nested fields
 * (`items[0][title]=…`). Both directions live here and nowhere else.
 */
export type FormValue = string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };
export type FormFields = { [key: string]: FormValue };

/**
 * PHP's urlencode(): letters, digits and `-_.` stay, a space becomes `+`, everything else is
 * %XX of its UTF-8 bytes. encodeURIComponent leaves `!'()*~` alone, so those are finished here.
 */
export function phpUrlEncode(text: string): string {
	return encodeURIComponent(text)
		.replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}

function scalarText(value: string | number | boolean): string {
	if (typeof value === 'boolean') return value ? '1' : '0';
	return String(value);
}

/** PHP's http_build_query(): nested keys as `a[b][0]`, null/undefined left out, true/false as 1/0. */
export function encodePhpForm(fields: FormFields): string {
	const pairs: string[] = [];
	const walk = (key: string, value: FormValue) => {
		if (value === null || value === undefined) return;
		if (Array.isArray(value)) {
			value.forEach((child, index) => walk(`${key}[${index}]`, child));
		} else if (typeof value === 'object') {
			for (const [childKey, child] of Object.entries(value)) walk(`${key}[${childKey}]`, child);
		} else {
			pairs.push(`${phpUrlEncode(key)}=${phpUrlEncode(scalarText(value))}`);
		}
	};
	for (const [key, value] of Object.entries(fields)) walk(key, value);
	return pairs.join('&');
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function decodeComponent(text: string): string {
	const spaced = text.replace(/\+/g, ' ');
	try {
		return decodeURIComponent(spaced);
	} catch {
		return spaced;
	}
}

/** Splits `items[0][title]` into `['items', '0', 'title']`; `[]` gives an empty segment (append). */
function keyPath(name: string): string[] {
	const open = name.indexOf('[');
	if (open <= 0 || !name.endsWith(']')) return [name];
	const path = [name.slice(0, open)];
	const rest = name.slice(open);
	const segments = rest.match(/\[([^\]]*)\]/g) ?? [];
	if (segments.join('') !== rest) return [name];
	for (const segment of segments) path.push(segment.slice(1, -1));
	return path;
}

type Nested = { [key: string]: unknown };

/** Turns objects whose keys are 0..n-1 in order into arrays, as PHP lists read back. */
function listsToArrays(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value as Nested).map(([key, child]) => [key, listsToArrays(child)] as const);
	const isList = entries.length > 0 && entries.every(([key], index) => key === String(index));
	return isList ? entries.map(([, child]) => child) : Object.fromEntries(entries);
}

/** Builds PHP's nested $_POST from name/value pairs (later duplicates win, `[]` appends). */
export function nestPhpFields(pairs: Array<[string, string]>): Nested {
	const root: Nested = {};
	for (const [name, value] of pairs) {
		const path = keyPath(name);
		if (path.some((segment) => FORBIDDEN_KEYS.has(segment))) continue;
		let node: Nested = root;
		for (let depth = 0; depth < path.length; depth++) {
			let segment = path[depth];
			if (segment === '') segment = String(Object.keys(node).length);
			if (depth === path.length - 1) {
				node[segment] = value;
			} else {
				const next = node[segment];
				if (next === null || typeof next !== 'object') node[segment] = {};
				node = node[segment] as Nested;
			}
		}
	}
	return listsToArrays(root) as Nested;
}

/** Parses an `application/x-www-form-urlencoded` body into PHP's nested shape. */
export function decodePhpForm(body: string): Nested {
	const pairs: Array<[string, string]> = [];
	for (const part of body.split('&')) {
		if (part === '') continue;
		const equals = part.indexOf('=');
		const name = decodeComponent(equals === -1 ? part : part.slice(0, equals));
		const value = equals === -1 ? '' : decodeComponent(part.slice(equals + 1));
		pairs.push([name, value]);
	}
	return nestPhpFields(pairs);
}

/** The same, from a body already split into flat keys (what n8n's own form parser gives). */
export function nestFlatForm(flat: { [key: string]: unknown }): Nested {
	const pairs: Array<[string, string]> = [];
	for (const [name, value] of Object.entries(flat)) {
		// A repeated plain key keeps its last value, as in PHP; a repeated `name[]` appends.
		if (Array.isArray(value)) {
			if (name.endsWith('[]')) for (const entry of value) pairs.push([name, String(entry)]);
			else if (value.length > 0) pairs.push([name, String(value[value.length - 1])]);
		} else if (value !== undefined && value !== null && typeof value !== 'object') pairs.push([name, String(value)]);
	}
	return nestPhpFields(pairs);
}
