import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The Popsell document says the token is "an MD5 hash of: a static key, the customer ID" and fixes
 * neither the order nor a separator. The package's contract (vendor-apis.md, Decisions):
 * md5(staticKey + customerId) in lowercase hex, the reverse order selectable in the credential.
 */
export type TokenComposition = 'keyThenCustomerId' | 'customerIdThenKey';

export const DEFAULT_TOKEN_COMPOSITION: TokenComposition = 'keyThenCustomerId';

export interface PopsellSecret {
	staticKey: string;
	tokenComposition: TokenComposition;
}

export function readPopsellSecret(credentials: ICredentialDataDecryptedObject): PopsellSecret {
	const composition = credentials.hashOrder === 'customerIdThenKey' ? 'customerIdThenKey' : DEFAULT_TOKEN_COMPOSITION;
	return { staticKey: typeof credentials.staticSecret === 'string' ? credentials.staticSecret : '', tokenComposition: composition };
}

/** Why a static key cannot be used, or undefined when it can. */
export function staticKeyProblem(staticKey: string): string | undefined {
	if (staticKey === '') return 'The static key is empty: enter the key agreed with Popsell.';
	if (staticKey.trim() !== staticKey) return 'The static key starts or ends with a space: Popsell hashes it as typed, so remove the space unless it is really part of the key.';
	return undefined;
}

export function computePopsellToken(secret: PopsellSecret, customerId: string): string {
	const material = secret.tokenComposition === 'customerIdThenKey' ? customerId + secret.staticKey : secret.staticKey + customerId;
	return createHash('md5').update(material, 'utf8').digest('hex');
}

/** Compares a received token with the expected one in constant time; hex case does not matter. */
export function isValidPopsellToken(secret: PopsellSecret, customerId: string, receivedToken: string): boolean {
	const expected = Buffer.from(computePopsellToken(secret, customerId), 'utf8');
	const received = Buffer.from(receivedToken.trim().toLowerCase(), 'utf8');
	// timingSafeEqual needs equal lengths; an MD5 hex digest always has 32 characters, so the length says nothing secret.
	if (received.length !== expected.length) return false;
	return timingSafeEqual(received, expected);
}
