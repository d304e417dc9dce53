import { createHash } from 'node:crypto';

import type { Sandbox } from './sandbox';

/**
 * Popsell is the caller: there is no Popsell server to run, only the static key both sides share, and
 * a client that calls the brand's web service the way Popsell does (GET ?id=&token=&date=, or the
 * customer ID as a path segment).
 */
export const POPSELL_SANDBOX_SECRET = 'popsell-sandbox-static-key-Ü&+/?';

export const POPSELL_SANDBOX_CREDENTIAL = {
	id: 'popsell-sandbox',
	name: 'Popsell sandbox',
	type: 'popsellApi',
	data: { staticSecret: POPSELL_SANDBOX_SECRET, hashOrder: 'keyThenCustomerId' },
};

export async function startSandbox(): Promise<Sandbox> {
	return { vendor: 'popsell', url: '', credentials: [POPSELL_SANDBOX_CREDENTIAL], close: async () => {} };
}

export type HashOrder = 'keyThenCustomerId' | 'customerIdThenKey';

/** The token as Popsell computes it: MD5 of the static key and the customer ID, lowercase hex. */
export function popsellToken(staticSecret: string, customerId: string, order: HashOrder = 'keyThenCustomerId'): string {
	const material = order === 'keyThenCustomerId' ? staticSecret + customerId : customerId + staticSecret;
	return createHash('md5').update(material, 'utf8').digest('hex');
}

export interface PopsellCall {
	/** The trigger's production URL (for a path with :customerId, the customer ID replaces that segment). */
	webhookUrl: string;
	customerId?: string;
	/** Defaults to the sandbox secret; the token is computed from it unless `token` is given. */
	staticSecret?: string;
	hashOrder?: HashOrder;
	token?: string | null;
	/** Sent as it is, e.g. "2015-12-05 10:12:54" or with Popsell's stray quotes. */
	date?: string;
	method?: 'GET' | 'POST';
}

export interface PopsellReply {
	status: number;
	contentType: string | null;
	text: string;
	/** The JSON body, or undefined when it is not JSON. */
	json: Record<string, unknown> | undefined;
}

/** Calls the brand's web service as Popsell does and reads the answer. */
export async function callAsPopsell(call: PopsellCall): Promise<PopsellReply> {
	const secret = call.staticSecret ?? POPSELL_SANDBOX_SECRET;
	const customerId = call.customerId;
	const token = call.token === undefined ? (customerId === undefined ? undefined : popsellToken(secret, customerId, call.hashOrder)) : call.token;
	const idInPath = call.webhookUrl.includes(':customerId');
	const url = new URL(idInPath ? call.webhookUrl.replace(':customerId', encodeURIComponent(customerId ?? '')) : call.webhookUrl);
	const params = new URLSearchParams();
	if (!idInPath && customerId !== undefined) params.set('id', customerId);
	if (token !== undefined && token !== null) params.set('token', token);
	if (call.date !== undefined) params.set('date', call.date);
	const method = call.method ?? 'GET';
	let response: Response;
	if (method === 'GET') {
		url.search = params.toString();
		response = await fetch(url, { method });
	} else {
		response = await fetch(url, { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() });
	}
	const text = await response.text();
	let json: Record<string, unknown> | undefined;
	try {
		json = JSON.parse(text) as Record<string, unknown>;
	} catch {
		json = undefined;
	}
	return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}
