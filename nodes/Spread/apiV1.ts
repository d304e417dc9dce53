import type { IDataObject, JsonObject } from 'n8n-workflow';

import { vendorApiError } from '../shared/errors';
import type { RequestContext } from '../shared/httpClient';
import { parseJsonBody, sendVendorRequest } from '../shared/httpClient';

import type { SpreadConnection } from './transport';
import { readVendorError } from './transport';

/** The APIv1 calls the node makes: the only documented way to write orders (v2 only reads them). */
export type SpreadApiV1Method = 'CreateOrder' | 'UpdateOrder';

/** APIv1 error codes read like `ERR-9003` (bad keys). */
const V1_ERROR_CODE = /\bERR-\d+\b/;

/**
 * APIv1 lives one level above v2: `https://social-sb.com/api/CreateOrder` for the credential's
 * `https://social-sb.com/api/v2`. A base URL without `/v2` is taken as the API root itself.
 */
export function apiV1Root(baseUrl: string): string {
	return baseUrl.replace(/\/+$/, '').replace(/\/v2$/i, '');
}

function v1ErrorCode(body: IDataObject): string | undefined {
	for (const key of ['error', 'code', 'status', 'result']) {
		const value = body[key];
		const match = typeof value === 'string' ? V1_ERROR_CODE.exec(value) : null;
		if (match) return match[0];
	}
	return undefined;
}

/**
 * One APIv1 call: POST, Basic auth through the credential, the fields form-encoded as `data[…]`
 * (and `request[…]`), a JSON answer. Never resent once it may have reached SPREAD: an order
 * created twice would count twice in the loyalty programme.
 */
export async function callSpreadApiV1(
	this: RequestContext,
	spread: SpreadConnection,
	method: SpreadApiV1Method,
	form: URLSearchParams,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await sendVendorRequest.call(
		this,
		spread.client,
		{
			method: 'POST',
			url: `${apiV1Root(spread.baseUrl)}/${method}`,
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
			body: form.toString(),
			idempotent: false,
		},
		itemIndex,
	);
	const parsed = parseJsonBody(response.body);
	const body = parsed.ok && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as IDataObject) : {};
	const code = v1ErrorCode(body);
	const vendorError = parsed.ok ? readVendorError(body) : `SPREAD sent ${parsed.reason}`;
	if (response.statusCode >= 400 || code !== undefined || vendorError !== undefined) {
		const message = typeof body.message === 'string' && body.message !== '' ? body.message : vendorError;
		throw vendorApiError(
			this.getNode(),
			{
				code: code ?? response.statusCode,
				message: `${method}: ${message ?? `SPREAD answered HTTP ${response.statusCode}`}`,
				description:
					code === 'ERR-9003' || response.statusCode === 401
						? 'SPREAD refused the keys: check the public and private keys in the SPREAD credential (APIv1 takes the same ones).'
						: undefined,
				httpCode: response.statusCode,
				itemIndex,
			},
			spread.secrets,
			(parsed.ok ? body : { body: response.body.slice(0, 500) }) as JsonObject,
		);
	}
	return body;
}
