import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const REDACTED = '[redacted]';

/** Secrets shorter than this are not masked: masking "1" or "ab" would garble every message. */
const MIN_SECRET_LENGTH = 4;

/**
 * Every form a secret can take on the wire or in an echoed URL: as typed, URL-encoded (`%20` and `+`
 * flavours, upper- and lower-case hex), form-encoded (URLSearchParams and PHP's http_build_query, which
 * also encode `!'()*~`) and base64 (alone; the basic-auth pair is collected as a secret of its own).
 */
export function secretVariants(secrets: string[]): string[] {
	const variants = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
		const uri = encodeURIComponent(secret);
		const php = uri.replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
		const searchParams = new URLSearchParams({ s: secret }).toString().slice(2);
		for (const variant of [secret, uri, uri.replace(/%20/g, '+'), php, searchParams, Buffer.from(secret).toString('base64')]) {
			variants.add(variant);
			variants.add(variant.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
		}
	}
	return [...variants].sort((a, b) => b.length - a.length);
}

/** Collects the string values of the given credential fields, plus the base64 basic-auth pair when asked. */
export function collectSecrets(
	credentials: ICredentialDataDecryptedObject,
	secretFields: string[],
	basicAuthPair?: [string, string],
): string[] {
	const secrets: string[] = [];
	for (const field of secretFields) {
		const value = credentials[field];
		if (typeof value === 'string' && value !== '') secrets.push(value);
	}
	if (basicAuthPair) {
		const [user, password] = basicAuthPair.map((name) => String(credentials[name] ?? ''));
		if (user || password) secrets.push(Buffer.from(`${user}:${password}`).toString('base64'));
	}
	return secrets;
}

/**
 * Every form of one execution's secrets, computed once, and the masking done with them. Output is only walked
 * (no copy) to see whether it holds a secret; the rare value that does is copied with the secret masked, so
 * data shared with other nodes is never changed in place.
 */
export class SecretMask {
	readonly variants: string[];

	/** No string shorter than this can hold a variant: most fields (flags, codes, dates) are skipped on length alone. */
	private readonly shortest: number;

	/** The secrets this mask was made from, joined: tells whether a list changed since. */
	readonly source: string;

	constructor(secrets: string[]) {
		this.source = secrets.join('\u0000');
		this.variants = secretVariants(secrets);
		this.shortest = this.variants.length ? Math.min(...this.variants.map((variant) => variant.length)) : Infinity;
	}

	text(text: string): string {
		if (text.length < this.shortest) return text;
		let result = text;
		for (const variant of this.variants) {
			if (result.includes(variant)) result = result.split(variant).join(REDACTED);
		}
		return result;
	}

	private textHolds(text: string): boolean {
		if (text.length < this.shortest) return false;
		for (const variant of this.variants) if (text.includes(variant)) return true;
		return false;
	}

	/** Whether a secret appears in any string of a JSON-like value, keys included; allocates nothing. */
	holds(value: unknown): boolean {
		if (typeof value === 'string') return this.textHolds(value);
		if (value === null || typeof value !== 'object') return false;
		if (Array.isArray(value)) {
			for (const entry of value) if (this.holds(entry)) return true;
			return false;
		}
		for (const key in value) {
			if (this.textHolds(key) || this.holds((value as Record<string, unknown>)[key])) return true;
		}
		return false;
	}

	/** The value itself when it holds no secret, else a copy with every secret masked, in keys and values alike. */
	value<T>(value: T): T {
		if (this.variants.length === 0 || !this.holds(value)) return value;
		const copy = (node: unknown): unknown => {
			if (typeof node === 'string') return this.text(node);
			if (Array.isArray(node)) return node.map(copy);
			if (node !== null && typeof node === 'object') {
				const copied: Record<string, unknown> = {};
				for (const [key, child] of Object.entries(node)) copied[this.text(key)] = copy(child);
				return copied;
			}
			return node;
		};
		return copy(value) as T;
	}
}

const masks = new WeakMap<string[], SecretMask>();

/**
 * The mask for a list of secrets, made once per list: a connection collects its secrets once per execution,
 * so every item, page and error of that execution shares one.
 */
export function secretMask(secrets: string[]): SecretMask {
	let mask = masks.get(secrets);
	if (mask?.source !== secrets.join('\u0000')) {
		mask = new SecretMask(secrets);
		masks.set(secrets, mask);
	}
	return mask;
}

export function redactText(text: string, secrets: string[]): string {
	return secretMask(secrets).text(text);
}

/** The value with every secret masked, in keys and values alike: the value itself when it holds none. */
export function redactValue<T>(value: T, secrets: string[]): T {
	return secretMask(secrets).value(value);
}
