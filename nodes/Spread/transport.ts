import type { IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';

import { vendorApiError } from '../shared/errors';
import type { RequestContext, VendorClient } from '../shared/httpClient';
import { parseJsonBody, sendVendorRequest } from '../shared/httpClient';
import { paginate } from '../shared/pagination';
import { collectSecrets } from '../shared/redaction';
import { timeoutFromCredentials } from '../shared/requestTimeout';

/** The largest page SPREAD accepts (`maxResults`). */
export const SPREAD_MAX_PAGE_SIZE = 5000;

const DEFAULT_BASE_URL = 'https://social-sb.com/api/v2';

export interface SpreadCall {
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

export interface SpreadListOptions {
	returnAll: boolean;
	limit: number;
	itemIndex?: number;
	/** Page size to ask for; SPREAD_MAX_PAGE_SIZE unless a caller wants less. */
	pageSize?: number;
}

/**
 * The one door to SPREAD API v2. Its quirks live here: Basic auth through the credential,
 * JSON bodies wrapped by the caller, errors that come as `{"error": …}` or as an HTML page,
 * and paging computed from `startAt`/`maxResults` (nextPageUrl is `http://`: it only tells
 * whether more pages exist and is never followed, so the keys never travel in clear).
 */
export class SpreadConnection {
	constructor(
		private readonly context: RequestContext,
		readonly baseUrl: string,
		readonly client: VendorClient,
	) {}

	get secrets(): string[] {
		return this.client.secrets;
	}

	async call(call: SpreadCall): Promise<IDataObject> {
		const response = await sendVendorRequest.call(
			this.context,
			this.client,
			{
				method: call.method,
				url: `${this.baseUrl}${call.path}`,
				qs: call.qs,
				headers: call.body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
				body: call.body ? JSON.stringify(call.body) : undefined,
				idempotent: call.idempotent ?? call.method !== 'POST',
			},
			call.itemIndex,
		);
		const parsed = parseJsonBody(response.body);
		const value = parsed.ok ? parsed.value : undefined;
		const vendorError = parsed.ok ? readVendorError(value) : `SPREAD sent ${parsed.reason}`;
		if (response.statusCode >= 400 || vendorError !== undefined) {
			throw vendorApiError(
				this.context.getNode(),
				{
					code: response.statusCode,
					message: vendorError ?? `SPREAD answered HTTP ${response.statusCode}`,
					description: response.statusCode === 401 ? 'Check the public and private keys in the SPREAD credential.' : undefined,
					httpCode: response.statusCode,
					itemIndex: call.itemIndex,
				},
				this.secrets,
				(value && typeof value === 'object' ? value : { body: response.body.slice(0, 500) }) as JsonObject,
			);
		}
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
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
	async list(path: string, key: string, qs: IDataObject, options: SpreadListOptions): Promise<IDataObject[]> {
		return await paginate<IDataObject>({
			returnAll: options.returnAll,
			limit: options.limit,
			pageSize: Math.min(options.pageSize ?? SPREAD_MAX_PAGE_SIZE, SPREAD_MAX_PAGE_SIZE),
			fetchPage: async ({ offset, size }) => {
				const page = await this.call({ method: 'GET', path, qs: { ...qs, startAt: offset, maxResults: size }, itemIndex: options.itemIndex });
				const records = asRecordList(page[key]);
				const nextPageUrl = page.nextPageUrl;
				return { records, hasMore: typeof nextPageUrl === 'string' && nextPageUrl !== '' && records.length >= size };
			},
		});
	}
}

/** Reads the credential once per execution: the API root and the client the shared transport needs. */
export async function connect(context: RequestContext): Promise<SpreadConnection> {
	const credentials = await context.getCredentials('spreadApi');
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const secrets = collectSecrets(credentials, ['privateKey', 'publicKey'], ['publicKey', 'privateKey']);
	return new SpreadConnection(context, baseUrl, {
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

/** Output shape of a customer: `tags: ""` (no tag) becomes `[]`, and an empty PHP array of custom fields an object. */
export function normalizeCustomer(customer: IDataObject): IDataObject {
	// In place: every caller hands a record freshly parsed from an answer, and 50,000 copies would double the memory of a Return All.
	if (customer.tags === '' || customer.tags === null) customer.tags = [];
	if (Array.isArray(customer.custom_fields) && customer.custom_fields.length === 0) customer.custom_fields = {};
	return customer;
}

/** SPREAD dates: `2018-04-10T14:15:48+0000` (customers) or `2016-11-04 08:54:47` (UTC, other resources). */
export function parseSpreadDate(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	let text = value.trim().replace(' ', 'T');
	if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) text += 'Z';
	const time = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	return Number.isNaN(time) ? undefined : time;
}

/** A day, in ms. */
const DAY_MS = 86_400_000;

/**
 * The `…After` date (`YYYY-mm-dd`, the only form SPREAD's filters take) that returns every record stamped at
 * or after `time`, whichever way SPREAD reads a bare date: "after" may exclude the whole day, and the day may
 * be taken in any zone from UTC-12 to UTC+14. 36 hours back covers both; the caller drops what is older.
 */
export function afterDateCovering(time: number): string {
	return new Date(time - 1.5 * DAY_MS).toISOString().slice(0, 10);
}
