import type { IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';

import type { VendorErrorDetails } from '../shared/errors';
import { vendorApiError } from '../shared/errors';
import type { RequestContext, VendorClient } from '../shared/httpClient';
import { parseJsonBody, VendorHttpClient } from '../shared/httpClient';
import { paginate } from '../shared/pagination';
import { collectSecrets } from '../shared/redaction';
import { timeoutFromCredentials } from '../shared/requestTimeout';

/** The largest page SPREAD accepts (`maxResults`). */
export const SPREAD_MAX_PAGE_SIZE = 5000;

const DEFAULT_BASE_URL = 'https://social-sb.com/api/v2';

export interface SpreadRequest {
	method: IHttpRequestMethods;
	/** Path below the API root, e.g. `/customers/123`. */
	path: string;
	qs?: IDataObject;
	/** Sent as JSON with an explicit Content-Type (the vendor's own examples forget it). */
	body?: IDataObject;
	itemIndex?: number;
	/** Whether sending twice does no harm; by default GET, PUT and DELETE are, POST is not. */
	idempotent?: boolean;
}

export interface SpreadListRequest {
	/** Path below the API root, e.g. `/customers`. */
	path: string;
	/** Key of the records in the answer, e.g. `customers`. */
	key: string;
	qs?: IDataObject;
	returnAll: boolean;
	limit: number;
	itemIndex?: number;
	/** Page size to ask for; SPREAD_MAX_PAGE_SIZE unless a caller wants less. */
	pageSize?: number;
}

/** The APIv1 calls the node makes: the only documented way to write orders (v2 only reads them). */
export type SpreadApiV1Method = 'CreateOrder' | 'UpdateOrder';

export interface SpreadV1Request {
	method: SpreadApiV1Method;
	/** The fields, form-encoded as `data[…]` (and `request[…]`). */
	form: URLSearchParams;
	itemIndex?: number;
}

/** APIv1 error codes read like `ERR-9003` (bad keys). */
const V1_ERROR_CODE = /\bERR-\d+\b/;

/**
 * The one door to SPREAD: API v2 (`call`, `list`) and the APIv1 order calls (`callV1`). Its quirks live here:
 * Basic auth through the credential, JSON bodies wrapped by the caller, errors that come as `{"error": …}` or
 * as an HTML page, and paging computed from `startAt`/`maxResults` (nextPageUrl is `http://`: it only tells
 * whether more pages exist and is never followed, so the keys never travel in clear).
 */
export class SpreadClient extends VendorHttpClient {
	constructor(
		context: RequestContext,
		readonly baseUrl: string,
		http: VendorClient,
	) {
		super(context, http);
	}


	async call(request: SpreadRequest): Promise<IDataObject> {
		const response = await this.sendRequest(
			{
				method: request.method,
				url: `${this.baseUrl}${request.path}`,
				qs: request.qs,
				headers: request.body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
				body: request.body ? JSON.stringify(request.body) : undefined,
				idempotent: request.idempotent ?? request.method !== 'POST',
			},
			request.itemIndex,
		);
		const { body, raw, failure } = readJsonAnswer(response.statusCode, response.body);
		if (failure === undefined) return body;
		throw this.error(response.statusCode, raw ?? { body: response.body.slice(0, 500) }, {
			code: response.statusCode,
			message: failure,
			description: response.statusCode === 401 ? 'Check the public and private keys in the SPREAD credential.' : undefined,
			itemIndex: request.itemIndex,
		});
	}

	/**
	 * One APIv1 call: POST, Basic auth through the credential, a form body, a JSON answer. APIv1 lives one level
	 * above v2 (apiV1Root). Never resent once it may have reached SPREAD: an order created twice would count twice
	 * in the loyalty programme.
	 */
	async callV1(request: SpreadV1Request): Promise<IDataObject> {
		const response = await this.sendRequest(
			{
				method: 'POST',
				url: `${apiV1Root(this.baseUrl)}/${request.method}`,
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
				body: request.form.toString(),
				idempotent: false,
			},
			request.itemIndex,
		);
		const { body, json, failure } = readJsonAnswer(response.statusCode, response.body);
		const code = v1ErrorCode(body);
		if (failure === undefined && code === undefined) return body;
		const message = typeof body.message === 'string' && body.message !== '' ? body.message : failure;
		throw this.error(response.statusCode, json ? body : { body: response.body.slice(0, 500) }, {
			code: code ?? response.statusCode,
			message: `${request.method}: ${message ?? `SPREAD answered HTTP ${response.statusCode}`}`,
			description:
				code === 'ERR-9003' || response.statusCode === 401
					? 'SPREAD refused the keys: check the public and private keys in the SPREAD credential (APIv1 takes the same ones).'
					: undefined,
			itemIndex: request.itemIndex,
		});
	}

	/** The JSON error path both APIs share: the vendor's words, the raw answer (or its start) as the cause. */
	private error(statusCode: number, raw: unknown, details: Omit<VendorErrorDetails, 'httpCode'>) {
		return vendorApiError(this.context.getNode(), { ...details, httpCode: statusCode }, this.secrets, raw as JsonObject);
	}

	/**
	 * The record a single-record answer must carry (`{customer: {…}}`): a success without it is an error,
	 * never an item that silently vanishes.
	 */
	requireRecord(response: IDataObject, key: string, itemIndex?: number): IDataObject[] {
		const records = unwrapRecord(response, key);
		if (records.length > 0) return records;
		throw vendorApiError(
			this.context.getNode(),
			{
				message: `SPREAD answered without the ${key} record`,
				description: `The call was answered as a success, but the answer holds no "${key}". Check in SPREAD whether it took effect before running it again.`,
				itemIndex,
			},
			this.secrets,
			{ answer: JSON.stringify(response).slice(0, 500) },
		);
	}

	/** Every record (or up to `limit`) of a list endpoint answering `{<key>: [...], count, nextPageUrl}`. */
	async list(request: SpreadListRequest): Promise<IDataObject[]> {
		const { path, key, qs, itemIndex } = request;
		return await paginate<IDataObject>({
			returnAll: request.returnAll,
			limit: request.limit,
			pageSize: Math.min(request.pageSize ?? SPREAD_MAX_PAGE_SIZE, SPREAD_MAX_PAGE_SIZE),
			fetchPage: async ({ offset, size }) => {
				const page = await this.call({ method: 'GET', path, qs: { ...qs, startAt: offset, maxResults: size }, itemIndex });
				const records = asRecordList(page[key]);
				const nextPageUrl = page.nextPageUrl;
				return { records, hasMore: typeof nextPageUrl === 'string' && nextPageUrl !== '' && records.length >= size };
			},
		});
	}
}

/** Reads the credential once per execution: the API root and the client the shared transport needs. */
export async function connect(context: RequestContext): Promise<SpreadClient> {
	const credentials = await context.getCredentials('spreadApi');
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const secrets = collectSecrets(credentials, ['privateKey', 'publicKey'], ['publicKey', 'privateKey']);
	return new SpreadClient(context, baseUrl, {
		credentialType: 'spreadApi',
		vendor: 'SPREAD',
		secrets,
		throttleKey: String(credentials.publicKey ?? ''),
		timeoutMs: timeoutFromCredentials(credentials),
	});
}

/** SPREAD wraps single records as `{customer: {…}}`, and sometimes as a one-element array (`"campaign": [ {…} ]`). */
export function unwrapRecord(response: IDataObject, key: string): IDataObject[] {
	const value = response[key];
	if (Array.isArray(value)) return asRecordList(value);
	if (value && typeof value === 'object') return [value as IDataObject];
	return [];
}

function asRecordList(value: unknown): IDataObject[] {
	if (!Array.isArray(value)) return [];
	return value.filter((entry): entry is IDataObject => entry !== null && typeof entry === 'object');
}

/** The error text in a SPREAD answer, if it is one: `{"error": "…"}`, `{"error": {"message": …}}`, `{"errors": [...]}`. */
export function readVendorError(value: unknown): string | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const body = value as IDataObject;
	const error = body.error ?? body.errors;
	if (error === undefined || error === null || error === false || error === '') return undefined;
	if (typeof error === 'string') return error;
	if (Array.isArray(error)) return error.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))).join('; ');
	if (typeof error === 'object') {
		const message = (error as IDataObject).message ?? (error as IDataObject).error;
		return typeof message === 'string' ? message : JSON.stringify(error);
	}
	return String(error);
}

/**
 * An answer as JSON: the object it holds (`{}` for an empty body), what it parsed to (the error's cause), and why it is a failure, if it is one: an HTTP
 * error status, SPREAD's `{"error": …}` under any status, or a body that is not JSON.
 */
function readJsonAnswer(statusCode: number, text: string): { body: IDataObject; json: boolean; raw?: object; failure?: string } {
	const parsed = parseJsonBody(text);
	if (!parsed.ok) return { body: {}, json: false, failure: `SPREAD sent ${parsed.reason}` };
	const value = parsed.value;
	const raw = value && typeof value === 'object' ? value : undefined;
	const body = raw && !Array.isArray(raw) ? (raw as IDataObject) : {};
	const vendorError = readVendorError(value);
	if (vendorError !== undefined) return { body, json: true, raw, failure: vendorError };
	return { body, json: true, raw, failure: statusCode >= 400 ? `SPREAD answered HTTP ${statusCode}` : undefined };
}

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
