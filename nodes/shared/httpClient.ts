import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IHookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { asNodeError, vendorApiError } from './errors';
import type { InFlightLimit } from './inFlightLimit';
import { redactText } from './redaction';
import { DEFAULT_TIMEOUT_MS } from './requestTimeout';
import { getCallSpacer } from './throttle';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export interface RetryPolicy {
	/** Tries in all, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** No retry is started once this much time has gone by since the first try. */
	maxTotalMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 8000, maxTotalMs: 60000 };

/** Why a vendor was given up on: every later call through the same client fails at once with these words. */
export interface VendorOutage {
	code?: string;
	/** As shown, code prefix included. */
	message: string;
	description: string;
	itemIndex?: number;
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	headers?: IDataObject;
	/** A string is sent as it is; set its Content-Type in `headers`. */
	body?: string;
	/**
	 * Whether sending the call twice does no harm. A call that is not idempotent is retried
	 * only when it certainly did not reach the server (connection refused, 429).
	 */
	idempotent: boolean;
	timeoutMs?: number;
	/**
	 * False sends the call without the credential's authentication: for an endpoint that takes its own
	 * token and must not receive the account's keys (PUBLITRAC's e-commerce call, at a URL the user types).
	 */
	authenticate?: boolean;
}

export interface VendorClient {
	credentialType: string;
	/** Every credential value to mask in errors and output. */
	secrets: string[];
	/** Calls per second allowed for this credential, if the vendor sets a limit. */
	callsPerSecond?: number;
	/** Key that identifies the credential for the throttle (several credentials may share a vendor). */
	throttleKey?: string;
	retry?: RetryPolicy;
	/** Vendor name shown in error messages. */
	vendor: string;
	/** How long one try waits for an answer (the credential's Timeout); DEFAULT_TIMEOUT_MS if unset. */
	timeoutMs?: number;
	/**
	 * Set by sendVendorRequest once the vendor is known unreachable in this run (a client lives for one
	 * execution of a node): the remaining items fail at once instead of each waiting the whole retry budget.
	 */
	outage?: VendorOutage;
	/** Tries in a row that got no answer at all (refused, reset, timed out); any answer sets it back to 0. */
	unansweredInARow?: number;
	/** Calls out at once in a run of the item loop (set by the router): each try waits for a place; a 429 halves it. */
	inFlight?: InFlightLimit;
	/**
	 * For a vendor that refuses calls over its limit inside a normal answer (InfluencerSoft's error 8 under HTTP 200):
	 * its code when the answer is such a refusal. The call was not processed, so it is handled as a 429.
	 */
	refusalCode?: (response: VendorResponse) => string | undefined;
}

export interface VendorResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	/** The body as text, whatever its type: each vendor transport parses its own format. */
	body: string;
	attempts: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Network faults after which the request may or may not have reached the server. */
const AMBIGUOUS_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'ERR_BAD_RESPONSE']);

/** Network faults that prove the request never reached the server: safe to retry anything. */
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Two tries in a row without any answer, retries spent: the vendor counts as unreachable for the rest of the run. */
const UNANSWERED_TRIES_FOR_OUTAGE = 2;

function networkErrorCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

function headerValue(headers: VendorResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Retry-After in milliseconds, from seconds or an HTTP date. */
export function retryAfterMs(headers: VendorResponse['headers'], now = Date.now()): number | undefined {
	const raw = headerValue(headers, 'retry-after');
	if (raw === undefined || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(raw);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function bodyToText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

/**
 * The one door every vendor transport goes through: authentication by the credential type,
 * the throttle, retries with backoff where safe, and errors without secrets.
 * HTTP error statuses are returned, not thrown, once retries are spent: the vendor transport
 * knows how to read its own error bodies.
 */
export async function sendVendorRequest(
	this: RequestContext,
	client: VendorClient,
	request: VendorRequest,
	itemIndex?: number,
): Promise<VendorResponse> {
	const policy = client.retry ?? DEFAULT_RETRY;
	const spacer = client.callsPerSecond
		? getCallSpacer(`${client.credentialType}:${client.throttleKey ?? ''}`, client.callsPerSecond)
		: undefined;
	if (client.outage) throw outageError(this, client, itemIndex);
	const startedAt = Date.now();
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: request.headers,
		body: request.body,
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// n8n's helper would follow a 3xx and replay a POST as a GET: a redirect is reported instead (see redirectError).
		disableFollowRedirect: true,
		timeout: request.timeoutMs ?? client.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};

	// 429s cost time, not tries: the throttle (a vendor with a rate limit) or the run's in-flight limit (one without)
	// slows down until they stop. Only one of the two listens, so a refusal never slows a run down twice.
	const inFlight = spacer ? undefined : client.inFlight;
	let refusedByLimit = 0;
	for (let attempt = 1; ; attempt++) {
		const endCall = spacer ? await spacer.acquire(options.timeout as number) : undefined;
		const release = spacer ? undefined : await inFlight?.acquire();
		// Given up on while this item's first call waited for its place: it is not sent (tries already under way go on).
		if (attempt === 1 && release && client.outage) {
			release();
			throw outageError(this, client, itemIndex);
		}
		let waitMs: number | undefined;
		try {
			const response = (
				request.authenticate === false
					? await this.helpers.httpRequest(options)
					: await this.helpers.httpRequestWithAuthentication.call(this, client.credentialType, options)
			) as { statusCode: number; headers: VendorResponse['headers']; body: unknown };
			const result: VendorResponse = {
				statusCode: response.statusCode,
				headers: response.headers ?? {},
				body: bodyToText(response.body),
				attempts: attempt,
			};
			// A refusal: a 429, or the vendor's own code for one inside a normal answer.
			const refusalInBody = response.statusCode === 429 ? undefined : client.refusalCode?.(result);
			const refused = response.statusCode === 429 || refusalInBody !== undefined;
			if ((spacer || inFlight) && refused) refusedByLimit++;
			endCall?.(refused ? 'refused' : 'answered');
			release?.(refused);
			client.unansweredInARow = 0;
			if (result.statusCode >= 300 && result.statusCode < 400) throw redirectError(this, client, request, result, itemIndex);
			// A refusal means the server did not process the call: safe to resend even a write.
			const retryable = refused || (request.idempotent && RETRYABLE_STATUS.has(response.statusCode));
			if (!retryable) return result;
			waitMs = retryAfterMs(result.headers) ?? backoffDelayMs(attempt, policy);
			if (!canRetry(attempt - refusedByLimit, waitMs, startedAt, policy)) {
				// Still refusing after every retry: the rest of the run would only wait the same budget again.
				if (attempt > 1) client.outage = statusOutage(client, result, attempt, itemIndex, refusalInBody);
				return result;
			}
		} catch (error) {
			// The throttle bounds when the call reached the server by when it ended, answered or not (a call already
			// ended by its answer stays as it was). The in-flight limit frees its place.
			endCall?.('unanswered');
			release?.();
			const code = networkErrorCode(error);
			if (error instanceof NodeApiError && code === undefined) throw asNodeError(this.getNode(), error, itemIndex ?? 0);
			client.unansweredInARow = (client.unansweredInARow ?? 0) + 1;
			const safe = code !== undefined && (NOT_SENT_NETWORK_CODES.has(code) || (request.idempotent && AMBIGUOUS_NETWORK_CODES.has(code)));
			waitMs = backoffDelayMs(attempt, policy);
			if (!safe || !canRetry(attempt, waitMs, startedAt, policy)) {
				const failure = networkFailure(this, client, error, code, attempt, request.idempotent, itemIndex);
				if (client.unansweredInARow >= UNANSWERED_TRIES_FOR_OUTAGE) {
					client.outage = { code, message: failure.message, description: failure.description ?? '', itemIndex };
				}
				throw failure;
			}
		}
		await sleep(waitMs);
	}
}

/** The error of every call made after the vendor was given up on: nothing is sent. */
function outageError(context: RequestContext, client: VendorClient, itemIndex?: number): NodeApiError {
	const outage = client.outage as VendorOutage;
	const where = outage.itemIndex !== undefined ? `item ${outage.itemIndex}` : 'an earlier call';
	return vendorApiError(
		context.getNode(),
		{
			// The message already carries the code: the same words as the item that failed first.
			message: outage.message,
			description: `Not sent: ${client.vendor} was given up on for the rest of this run after ${where} failed (${outage.description}). Run the workflow again once ${client.vendor} answers.`,
			itemIndex,
		},
		client.secrets,
		{ code: outage.code ?? null, givenUpAt: outage.itemIndex ?? null } as JsonObject,
	);
}

function statusOutage(client: VendorClient, result: VendorResponse, attempts: number, itemIndex?: number, refusalInBody?: string): VendorOutage {
	return {
		code: refusalInBody ?? String(result.statusCode),
		message: refusalInBody
			? `${refusalInBody}: ${client.vendor} refused every try (its request limit)`
			: `${result.statusCode}: ${client.vendor} answered HTTP ${result.statusCode} to every try`,
		description: `tried ${attempts} times`,
		itemIndex,
	};
}

/**
 * A 3xx is never followed: n8n's helper would replay a POST as a GET (a create that silently lists records)
 * and could carry the credentials to another host. The user moves the credential's URL instead.
 */
function redirectError(
	context: RequestContext,
	client: VendorClient,
	request: VendorRequest,
	response: VendorResponse,
	itemIndex?: number,
): NodeApiError {
	const location = headerValue(response.headers, 'location') ?? '(no Location header)';
	return vendorApiError(
		context.getNode(),
		{
			code: response.statusCode,
			message: `${client.vendor} answered ${request.method} with a redirect (HTTP ${response.statusCode}) to ${location}`,
			description: `Redirects are not followed, so nothing was ${request.method === 'GET' ? 'read' : 'sent'} there and no credential left for another address. If ${client.vendor} moved, put the new address in the credential's URL.`,
			httpCode: response.statusCode,
			itemIndex,
		},
		client.secrets,
	);
}

function canRetry(attempt: number, waitMs: number, startedAt: number, policy: RetryPolicy): boolean {
	return attempt < policy.maxAttempts && Date.now() - startedAt + waitMs <= policy.maxTotalMs;
}

function networkFailure(
	context: RequestContext,
	client: VendorClient,
	error: { message?: string },
	code: string | undefined,
	attempts: number,
	idempotent: boolean,
	itemIndex?: number,
) {
	const reason = redactText(String(error?.message ?? error), client.secrets);
	const notRetried = !idempotent && code !== undefined && AMBIGUOUS_NETWORK_CODES.has(code);
	return vendorApiError(
		context.getNode(),
		{
			code,
			message: `Could not reach ${client.vendor}: ${reason}`,
			description: notRetried
				? `The request may have reached ${client.vendor} before the connection failed. It was not sent again because this call is not safe to repeat: check in ${client.vendor} whether it took effect before running it again.`
				: `Tried ${attempts} time(s). Check the base URL in the credential and that the server is reachable.`,
			itemIndex,
		},
		client.secrets,
		{ code: code ?? null, attempts } as JsonObject,
	);
}

/**
 * What every vendor's client (`<Vendor>Client` in its transport.ts) is built on: the execution's context and the
 * VendorClient the shared transport needs, the secrets to mask, the run's in-flight limit, and one way to send.
 */
export abstract class VendorHttpClient {
	constructor(
		protected readonly context: RequestContext,
		protected readonly http: VendorClient,
	) {}

	get secrets(): string[] {
		return this.http.secrets;
	}

	/** The run's limit on calls out at once (the router sets it for the item loop; a 429 lowers it). */
	get inFlight(): InFlightLimit | undefined {
		return this.http.inFlight;
	}

	set inFlight(limit: InFlightLimit | undefined) {
		this.http.inFlight = limit;
	}

	protected async sendRequest(request: VendorRequest, itemIndex?: number): Promise<VendorResponse> {
		return await sendVendorRequest.call(this.context, this.http, request, itemIndex);
	}
}

/** Parses a JSON body, or explains what came instead (an HTML page, a cut-off body). */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		const looksHtml = /^\s*</.test(text);
		const excerpt = text.replace(/\s+/g, ' ').slice(0, 200);
		return {
			ok: false,
			reason: looksHtml ? `an HTML page instead of JSON: ${excerpt}` : `a body that is not valid JSON (cut off?): ${excerpt}`,
		};
	}
}
