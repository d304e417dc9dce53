import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { vendorApiError } from '../shared/errors';
import { parseJsonBody, VendorHttpClient } from '../shared/httpClient';
import type { VendorClient } from '../shared/httpClient';
import { collectSecrets } from '../shared/redaction';
import { timeoutFromCredentials } from '../shared/requestTimeout';

/** The jtel REST API version this node speaks; every URL is `{base}/rest/v1.0/{ClientsID}/…`. */
export const JTEL_API_PREFIX = '/rest/v1.0';

/** GET /dialler/contacts has no paging and the jtel docs warn of large payloads: give it time. */
const LIST_TIMEOUT_MS = 120000;

export type JtelContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface JtelRequest {
	method: IHttpRequestMethods;
	/** Path below `/rest/v1.0/{ClientsID}`, e.g. `/dialler/campaigns`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Whether sending it twice does no harm: only then are 5xx and dropped connections retried. */
	idempotent: boolean;
	/** Calls that may return a very large body (the unpaged contact list). */
	large?: boolean;
	itemIndex?: number;
}

/** What a jtel call answers: `records` for lists and single records, `status` always. */
export interface JtelResponse extends IDataObject {
	records?: IDataObject[];
	count?: number;
	status?: number;
}

/**
 * Reads the credential once per execution: the API root URL and the client the shared transport needs. A bad
 * credential is no item's fault, so its errors name the credential field, not an item.
 */
export async function connect(context: JtelContext): Promise<JtelClient> {
	const credentials = await context.getCredentials('jtelApi');
	const secrets = collectSecrets(credentials, ['apiToken']);
	const rawBase = String(credentials.baseUrl ?? '').trim();
	const clientsId = String(credentials.clientsId ?? '').trim();
	// Users often paste the URL from the docs; accept it with or without the /rest/v1.0 suffix.
	const base = rawBase.replace(/\/+$/, '').replace(/\/rest\/v1\.0$/i, '');
	if (!/^https?:\/\/[^/\s]+/i.test(base)) {
		throw new NodeOperationError(context.getNode(), `Base URL: "${rawBase}" is not an http(s) URL`, {
			description: 'Set the jtel credential\'s Base URL to the server\'s scheme, host and port, e.g. https://acd.example.com:8443',
		});
	}
	if (clientsId === '') {
		throw new NodeOperationError(context.getNode(), 'Clients ID: is empty', {
			description: 'Set the ClientsID in the jtel credential: it is part of every jtel request URL.',
		});
	}
	return new JtelClient(context, `${base}${JTEL_API_PREFIX}/${encodeURIComponent(clientsId)}`, {
		credentialType: 'jtelApi',
		vendor: 'jtel',
		secrets,
		throttleKey: `${base}|${clientsId}`,
		timeoutMs: timeoutFromCredentials(credentials),
	});
}

/** The one door to jtel's Dialler REST API: JSON in and out, `{status, error}` answers (even under HTTP 200) as errors. */
export class JtelClient extends VendorHttpClient {
	constructor(
		context: JtelContext,
		readonly apiUrl: string,
		http: VendorClient,
	) {
		super(context, http);
	}

	/** Turns jtel's `{status, error}` answers into NodeApiError, and reads the JSON of the others. */
	async call(request: JtelRequest): Promise<JtelResponse> {
		const call = request;
		const itemIndex = request.itemIndex ?? 0;
		const client = this.http;
		const response = await this.sendRequest(
			{
				method: call.method,
				url: `${this.apiUrl}${call.path}`,
				qs: call.qs,
				headers: { Accept: 'application/json', ...(call.body ? { 'Content-Type': 'application/json' } : {}) },
				body: call.body ? JSON.stringify(call.body) : undefined,
				idempotent: call.idempotent,
				timeoutMs: call.large ? Math.max(LIST_TIMEOUT_MS, client.timeoutMs ?? 0) : undefined,
			},
			itemIndex,
		);
		const parsed = parseJsonBody(response.body);
		const status = response.statusCode;
		const fail = (message: string, description?: string, raw?: JsonObject) =>
			vendorApiError(this.context.getNode(), { code: status, message, description, httpCode: status, itemIndex }, client.secrets, raw);

		if (status >= 400) {
			if (status === 404 && response.body.trim() === '') {
				throw fail(
					`jtel has no endpoint ${call.method} ${JTEL_API_PREFIX}/{ClientsID}${call.path}`,
					'A 404 with an empty body means the URL does not exist: check the Base URL in the credential (scheme, host and port only) and that your jtel version offers the Dialler REST API.',
				);
			}
			if (!parsed.ok) throw fail(`jtel answered HTTP ${status} with ${parsed.reason}`);
			const body = (parsed.value ?? {}) as JsonObject;
			const vendorMessage = typeof body.error === 'string' && body.error !== '' ? body.error : undefined;
			throw fail(vendorMessage ?? `jtel answered HTTP ${status}`, describeStatus(status), body);
		}
		if (!parsed.ok) throw fail(`jtel sent ${parsed.reason}`);
		const body = (parsed.value ?? {}) as JtelResponse;
		if (typeof body !== 'object' || Array.isArray(body)) throw fail('jtel sent an unexpected answer (not a JSON object)');
		// jtel repeats the outcome in the body: an error there counts even under HTTP 200.
		const bodyStatus = Number(body.status);
		if (Number.isInteger(bodyStatus) && bodyStatus >= 400) {
			const vendorMessage = typeof body.error === 'string' && body.error !== '' ? body.error : `jtel answered status ${bodyStatus}`;
			throw vendorApiError(this.context.getNode(), { code: bodyStatus, message: vendorMessage, description: describeStatus(bodyStatus), httpCode: status, itemIndex }, client.secrets, body as JsonObject);
		}
		return body;
	}

	/** The records of a get-by-ID answer: a 200 without a record is reported as not found, never dropped silently. */
	foundRecords(response: JtelResponse, what: string, itemIndex: number): IDataObject[] {
		const records = recordsOf(response);
		if (records.length === 0) {
			throw vendorApiError(this.context.getNode(), { code: 404, message: `${what} not found (jtel answered without a record)`, itemIndex }, this.secrets, response as JsonObject);
		}
		return records;
	}
}

/** What to check, per jtel return code (wiki.jtel.de "Return Codes"). */
function describeStatus(status: number): string | undefined {
	switch (status) {
		case 400:
			return 'jtel says a parameter is missing or invalid.';
		case 401:
			return 'jtel refused the token or the ClientsID: check both in the credential (a regenerated token invalidates the old one at once).';
		case 404:
			return 'jtel could not find the record or campaign.';
		case 409:
			return 'jtel says the record already exists or a precondition failed. This call was not repeated.';
		case 500:
			return 'jtel had an internal error.';
		default:
			return undefined;
	}
}

/** The records of a jtel answer, always as a list. */
export function recordsOf(response: JtelResponse): IDataObject[] {
	return Array.isArray(response.records) ? response.records : [];
}
