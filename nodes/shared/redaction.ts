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

export function redactText(text: string, secrets: string[]): string {
	return maskVariants(text, secretVariants(secrets));
}

function maskVariants(text: string, variants: string[]): string {
	let result = text;
	for (const variant of variants) {
		if (result.includes(variant)) result = result.split(variant).join(REDACTED);
	}
	return result;
}

/** Deep copy of a JSON-like value with every secret masked, in keys and values alike. */
export function redactValue<T>(value: T, secrets: string[]): T {
	// Computed once per value, not per string: a 50,000-record output has millions of strings.
	const variants = secretVariants(secrets);
	if (variants.length === 0) return value;
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return maskVariants(node, variants);
		if (Array.isArray(node)) return node.map(walk);
		if (node !== null && typeof node === 'object') {
			const copy: Record<string, unknown> = {};
			for (const [key, child] of Object.entries(node)) copy[maskVariants(key, variants)] = walk(child);
			return copy;
		}
		return node;
	};
	return walk(value) as T;
}
