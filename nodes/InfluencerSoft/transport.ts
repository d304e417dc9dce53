import { createHash } from 'node:crypto';

import type { IDataObject, JsonObject } from 'n8n-workflow';

import { vendorApiError } from '../shared/errors';
import { parseJsonBody, VendorHttpClient } from '../shared/httpClient';
import type { RequestContext, VendorClient, VendorResponse } from '../shared/httpClient';
import { collectSecrets } from '../shared/redaction';
import { timeoutFromCredentials } from '../shared/requestTimeout';

import { encodePhpForm } from './phpForm';
import type { FormFields } from './phpForm';

export const CREDENTIAL_TYPE = 'influencerSoftApi';
const VENDOR = 'InfluencerSoft';

/** Plain-English hints for the documented error codes (help.influencersoft.com, "Service API Responses"). */
export const ERROR_HINTS: Record<number, string> = {
	1: 'The request carried no signature (hash).',
	2: 'The request carried no data.',
	3: 'The request carried wrong data: check the fields.',
	4: 'The signature did not match: check the API key and the account login in the credential.',
	5: 'The account login was not found: check it in the credential.',
	6: 'API access from this IP address is denied: allow it in the account’s API settings.',
	7: 'The InfluencerSoft account is disabled.',
	8: 'The API request limit for this address is used up, or the API is switched off for the account: every try was refused. Lower Requests in Parallel, or try again later.',
	100: 'The contact’s email is missing.',
	101: 'The contact could not be subscribed to the group.',
	102: 'The contact is already in every group given.',
	103: 'A group given does not exist: pick one from the list.',
	104: 'The contact cannot be added to this group.',
	200: 'No order has this number.',
	201: 'The order status is not valid.',
	202: 'The order payment failed.',
	203: 'The order number is missing.',
	302: 'No order has this number.',
	303: 'This order status does not exist.',
	400: 'No order has this number.',
	500: 'No contact has this email.',
	501: 'The contact is in no group.',
	600: 'The customer’s email is not valid.',
	601: 'This order already exists (its number is in the error details).',
	602: 'The order could not be created.',
	603: 'The order has no products.',
	604: 'A product given does not exist in your shop.',
	605: 'Delivery data is missing (address or name).',
	700: 'The shop has no products.',
	800: 'The contact group was not found.',
	801: 'No contact has this email.',
};

export function accountBaseUrl(login: string, customDomain: string): string {
	const domain = customDomain.trim();
	if (domain === '') return `https://${login.trim()}.influencersoft.com`;
	const withScheme = /^https?:\/\//i.test(domain) ? domain : `https://${domain}`;
	return withScheme.replace(/\/+$/, '');
}

/** Reads the credential once per execution: the account's URL and keys, and the client the shared transport needs. */
export async function connect(context: RequestContext): Promise<InfluencerSoftClient> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const login = String(credentials.login ?? '');
	const apiKey = String(credentials.apiKey ?? '');
	return new InfluencerSoftClient(context, accountBaseUrl(login, String(credentials.customDomain ?? '')), login, apiKey, {
		credentialType: CREDENTIAL_TYPE,
		vendor: VENDOR,
		secrets: collectSecrets(credentials, ['apiKey']),
		throttleKey: login,
		timeoutMs: timeoutFromCredentials(credentials),
		refusalCode: limitRefusal,
	});
}

/** Error 8, "request limit from this address exhausted": InfluencerSoft's 429, sent as a normal answer. */
const LIMIT_EXHAUSTED = 8;

/** Whether an answer may carry error 8: every answer is parsed once by `call`, so only these are parsed here too. */
const MAY_BE_LIMIT_EXHAUSTED = /"error_code"\s*:\s*"?\s*0*8\s*"?\s*[,}]/;

function limitRefusal(response: VendorResponse): string | undefined {
	if (!MAY_BE_LIMIT_EXHAUSTED.test(response.body)) return undefined;
	const parsed = parseJsonBody(response.body);
	const code = parsed.ok ? Number((parsed.value as IDataObject | undefined)?.error_code) : undefined;
	return code === LIMIT_EXHAUSTED ? String(LIMIT_EXHAUSTED) : undefined;
}

/** API 2.0 methods are lowercase (addupdatelead, createorder); the legacy ones are CamelCase. */
export function isLegacyMethod(method: string): boolean {
	return /^[A-Z]/.test(method);
}

export const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** Legacy request signature: md5(http_build_query(params) :: login :: key). */
export function signLegacyRequest(fields: FormFields, login: string, apiKey: string): string {
	return md5(`${encodePhpForm(fields)}::${login}::${apiKey}`);
}

/** Legacy response signature: md5(error_code :: error_text :: key). */
export function expectedResponseHash(errorCode: unknown, errorText: unknown, apiKey: string): string {
	return md5(`${String(errorCode ?? '')}::${String(errorText ?? '')}::${apiKey}`);
}

export interface InfluencerSoftRequest {
	method: string;
	fields: FormFields;
	/** Whether sending it twice does no harm (reads, and add-or-update). */
	idempotent: boolean;
	/** Error codes that mean "nothing to return" for this call rather than a failure. */
	emptyOn?: number[];
	itemIndex?: number;
}

export interface InfluencerSoftAnswer {
	errorCode: number;
	errorText: string;
	result: unknown;
}

/** The one door to InfluencerSoft: signed form calls (legacy CamelCase methods and API 2.0), JSON answers checked and their signature verified. */
export class InfluencerSoftClient extends VendorHttpClient {
	constructor(
		context: RequestContext,
		readonly baseUrl: string,
		private readonly login: string,
		private readonly apiKey: string,
		http: VendorClient,
	) {
		super(context, http);
	}


	/** One call to InfluencerSoft: signs it, sends it form-encoded, checks the answer and its signature. */
	async call(request: InfluencerSoftRequest): Promise<InfluencerSoftAnswer> {
		const { itemIndex } = request;
		const call = request;
		const legacy = isLegacyMethod(call.method);
		const fields: FormFields = legacy
			? { ...call.fields, hash: signLegacyRequest(call.fields, this.login, this.apiKey) }
			: { rpsKey: this.apiKey, ...call.fields };
		const response = await this.sendRequest(
			{
				method: 'POST',
				url: `${this.baseUrl}/api/${call.method}`,
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
				body: encodePhpForm(fields),
				idempotent: call.idempotent,
			},
			itemIndex,
		);
		const node = this.context.getNode();
		const parsed = parseJsonBody(response.body);
		const isAnswer = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && 'error_code' in value;
		if (!parsed.ok || !isAnswer(parsed.value)) {
			const ok = response.statusCode >= 200 && response.statusCode < 300;
			throw vendorApiError(
				node,
				{
					code: ok ? undefined : response.statusCode,
					message: parsed.ok ? `${VENDOR} answered ${call.method} without an error_code` : `${VENDOR} sent ${parsed.reason}`,
					description: `HTTP ${response.statusCode} from ${call.method}. Check the account login or custom domain in the credential.`,
					httpCode: response.statusCode,
					itemIndex,
				},
				this.secrets,
			);
		}
		const body = parsed.value;
		const errorCode = Number(body.error_code);
		const errorText = String(body.error_text ?? '');
		// For API 2.0 the key signing the answer is unconfirmed, so only legacy answers are checked.
		const signatureOk = !legacy || String(body.hash ?? '').toLowerCase() === expectedResponseHash(body.error_code, body.error_text, this.apiKey);
		if (errorCode !== 0 && !(call.emptyOn ?? []).includes(errorCode)) {
			const hint = ERROR_HINTS[errorCode];
			const billId = (body.result as IDataObject | undefined)?.bill_id;
			const details = [
				hint,
				billId !== undefined ? `Existing order number: ${String(billId)}.` : undefined,
				signatureOk ? undefined : 'The answer’s signature did not match the API key either.',
			].filter(Boolean);
			throw vendorApiError(
				node,
				{ code: errorCode, message: errorText || hint || 'Unknown error', description: details.join(' ') || undefined, itemIndex },
				this.secrets,
				body as JsonObject,
			);
		}
		if (!signatureOk) {
			throw vendorApiError(
				node,
				{
					code: 'BAD_RESPONSE_HASH',
					message: `The signature of ${VENDOR}'s answer to ${call.method} does not match`,
					description: 'The answer was not signed with the API key in the credential: the key may be wrong, or something between n8n and InfluencerSoft altered the answer. Nothing from it was used.',
					itemIndex,
				},
				this.secrets,
			);
		}
		return { errorCode, errorText, result: errorCode === 0 ? body.result : undefined };
	}
}

/** A result that should be a list: arrays as they are, objects keyed by id as their values. */
export function resultList(result: unknown): IDataObject[] {
	if (Array.isArray(result)) return result.filter((entry) => entry !== null && typeof entry === 'object') as IDataObject[];
	if (result !== null && typeof result === 'object') return Object.values(result as IDataObject).filter((entry) => entry !== null && typeof entry === 'object') as IDataObject[];
	return [];
}
