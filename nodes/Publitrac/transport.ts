import { createHash } from 'node:crypto';

import { XMLBuilder } from 'fast-xml-parser';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { vendorApiError } from '../shared/errors';
import type { RequestContext, VendorClient } from '../shared/httpClient';
import { VendorHttpClient } from '../shared/httpClient';
import { paginate } from '../shared/pagination';
import { collectSecrets } from '../shared/redaction';
import { timeoutFromCredentials } from '../shared/requestTimeout';

import { describePublitracFailure } from './errorHints';
import { parsePublitracXml, PublitracXmlError } from './xmlReader';

export const CREDENTIAL_TYPE = 'publitracApi';
export const DEFAULT_API_URL = 'https://app.publitrac.com/api';
const VENDOR = 'PUBLITRAC';

/** The document: "Les appels à l'API doivent être limités à 35 par seconde". The credential may lower it per process. */
export const CALLS_PER_SECOND = 35;

/** The credential's Calls per Second (35 when unset or not a positive number). */
export function callsPerSecondOf(credentials: ICredentialDataDecryptedObject): number {
	const value = Number(credentials.callsPerSecond);
	return Number.isFinite(value) && value > 0 ? value : CALLS_PER_SECOND;
}

/** addEmailCampaign: "Un maximum de 50 leads peut être exécuté par appel". */
export const EMAIL_CAMPAIGN_MAX_LEADS = 50;

/** Paged methods answer a fixed page size chosen by the server; the node only walks `page`. */
export const SERVER_PAGE_SIZE = 100;

const builder = new XMLBuilder({
	ignoreAttributes: true,
	cdataPropName: '__cdata',
	suppressEmptyNode: false,
	processEntities: true,
	format: false,
});

/** Marks a value to be sent as CDATA, as the document does for HTML bodies and form values. */
export function cdata(text: string): IDataObject {
	return { __cdata: text };
}

/** A request document: `<?xml …?><request>…</request>`, every value escaped. */
export function buildRequestXml(request: IDataObject): string {
	return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ request }) as string}`;
}

export interface Paging {
	page: number;
	items: number;
	offset: number;
	total: number;
}

export interface PublitracAnswer {
	status: string;
	message: string;
	/** Every `<error>` line, as sent. */
	errors: string[];
	response: IDataObject;
	/** Not the method's success status (SUCCESS_STATUS), or an `<errors>` element. */
	failed: boolean;
	httpCode: number;
}

function asList(value: unknown): IDataObject[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : [value]).filter((entry) => entry !== null && typeof entry === 'object') as IDataObject[];
}

function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** Leads as records; custom fields come back as ordinary lead properties. */
export function readLeads(response: IDataObject): IDataObject[] {
	const leads = response.leads;
	return leads && typeof leads === 'object' ? asList((leads as IDataObject).lead) : [];
}

/** getCampaigns answers bare `<campaign>` elements under `<response>`. */
export function readCampaigns(response: IDataObject): IDataObject[] {
	const wrapped = response.campaigns;
	return [...asList(response.campaign), ...(wrapped && typeof wrapped === 'object' ? asList((wrapped as IDataObject).campaign) : [])];
}

export function readOpportunities(response: IDataObject): IDataObject[] {
	const opportunities = response.opportunities;
	return opportunities && typeof opportunities === 'object' ? asList((opportunities as IDataObject).opportunity) : [];
}

export function readPaging(response: IDataObject): Paging | undefined {
	const paging = response.paging as IDataObject | undefined;
	if (!paging || typeof paging !== 'object') return undefined;
	const number = (key: string) => Number(String(paging[key] ?? '').trim());
	const result = { page: number('page'), items: number('items'), offset: number('offset'), total: number('total') };
	return Number.isFinite(result.total) ? result : undefined;
}

/** Whether more records follow, from `<paging><total>`: the walk stops once it holds them all. */
export function hasMoreRecords(paging: Paging | undefined, fetchedBefore: number, onThisPage: number): boolean | undefined {
	if (!paging) return undefined;
	return onThisPage > 0 && fetchedBefore + onThisPage < paging.total;
}

export interface PublitracRequest {
	/** The API method, e.g. `getLeads` ('' sends none). */
	method: string;
	httpMethod: IHttpRequestMethods;
	/** Plain parameters: `email`, `page`, `listName`… */
	params?: IDataObject;
	/** The XML `query` document, when the method takes one. */
	query?: IDataObject;
	/** Sending it twice does no harm (reads, upserts). */
	idempotent: boolean;
	/** Another URL than the credential's (the e-commerce endpoint). */
	url?: string;
	/** False: no API key, username or password (the e-commerce call authenticates with its own token). */
	withAccountAuth?: boolean;
	itemIndex?: number;
}

/** A paged GET method (getLeads, getList, getView, getCampaigns, getOpportunities), walked by `page`. */
export interface PublitracListRequest {
	method: string;
	params?: IDataObject;
	query?: IDataObject;
	/** The records of one page's answer (readLeads, readCampaigns…). */
	read: (response: IDataObject) => IDataObject[];
	returnAll: boolean;
	limit: number;
	itemIndex?: number;
	/** The page to start from (to resume a long export); 1 by default. */
	firstPage?: number;
	/** Filled in as pages are read: what `<paging>` said and where a next run should start. */
	report?: PagingReport;
}

export interface PagingReport {
	/** `<paging><total>` of the last page read: every record the search matches (undefined when not sent). */
	total?: number;
	/** The page holding the first record not output, or undefined when the walk reached the end. */
	nextPage?: number;
}

export function apiUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const host = String(credentials.host ?? DEFAULT_API_URL);
	const url = host === 'custom' ? String(credentials.customUrl ?? '').trim() : host;
	return url.replace(/\/+$/, '');
}

/** Reads the credential once per execution: the API URL and the client the shared transport needs. */
export async function connect(context: RequestContext): Promise<PublitracClient> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const apiUrl = apiUrlOf(credentials);
	if (!/^https?:\/\/\S+$/i.test(apiUrl)) {
		throw new NodeOperationError(context.getNode(), `The PUBLITRAC credential's Custom URL "${apiUrl}" is not an http(s) URL`, {
			description: 'Edit the credential: choose a host, or give the full API URL, e.g. https://app.publitrac.com/api',
		});
	}
	// One throttle per PUBLITRAC account, shared by every item and execution in this process.
	const account = createHash('sha256').update(`${apiUrl}|${String(credentials.username)}|${String(credentials.apiKey)}`).digest('hex');
	return new PublitracClient(context, apiUrl, {
		credentialType: CREDENTIAL_TYPE,
		vendor: VENDOR,
		secrets: collectSecrets(credentials, ['apiKey', 'password']),
		callsPerSecond: callsPerSecondOf(credentials),
		throttleKey: account,
		timeoutMs: timeoutFromCredentials(credentials),
	});
}

/**
 * The one door to PUBLITRAC: XML documents in, XML answers out, each method judged by its own success status
 * (SUCCESS_STATUS), errors with a hint per code (errorHints.ts), and paged methods walked by `page`.
 */
export class PublitracClient extends VendorHttpClient {
	constructor(
		context: RequestContext,
		readonly apiUrl: string,
		http: VendorClient,
	) {
		super(context, http);
	}


	/**
	 * One API call, its answer unread (for callers that judge it themselves). GET methods carry every parameter in
	 * the query string; POST methods carry `method` (and the credential's auth parameters) in the query string and
	 * the rest as a form body.
	 */
	async send(request: PublitracRequest): Promise<{ statusCode: number; body: string; attempts: number }> {
		const params: IDataObject = { ...(request.params ?? {}) };
		if (request.query) params.query = buildRequestXml(request.query);
		const isGet = request.httpMethod === 'GET';
		const form = new URLSearchParams();
		if (!isGet) for (const [key, value] of Object.entries(params)) if (value !== undefined) form.append(key, asText(value));
		const response = await this.sendRequest(
			{
				method: request.httpMethod,
				url: request.url ?? this.apiUrl,
				qs: isGet ? { ...(request.method ? { method: request.method } : {}), ...params } : request.method ? { method: request.method } : {},
				headers: isGet ? { accept: 'application/xml, text/xml' } : { accept: 'application/xml, text/xml', 'content-type': 'application/x-www-form-urlencoded' },
				body: isGet ? undefined : form.toString(),
				idempotent: request.idempotent,
				authenticate: request.withAccountAuth !== false,
			},
			request.itemIndex,
		);
		return { statusCode: response.statusCode, body: response.body, attempts: response.attempts };
	}

	/** Calls the API and reads its answer: any status but the method's success, or an `<errors>` element, is a NodeApiError. */
	async call(request: PublitracRequest): Promise<PublitracAnswer> {
		const { statusCode, body } = await this.send(request);
		const answer = this.readAnswer(request.method, statusCode, body, request.itemIndex);
		if (answer.failed) throw this.answerError(request.method, answer, request.itemIndex);
		return answer;
	}

	/** Every record (or up to `limit`) of a paged GET method, walking `page` until the limit or the last record. */
	async list(request: PublitracListRequest): Promise<IDataObject[]> {
		const { method, query, read, itemIndex, firstPage = 1, report } = request;
		let last: { page: number; found: number; hasMore: boolean; before: number } | undefined;
		const records = await paginate<IDataObject>({
			returnAll: request.returnAll,
			limit: request.limit,
			firstPage,
			pageSize: SERVER_PAGE_SIZE,
			fetchPage: async ({ page, offset }) => {
				const answer = await this.call({ method, query, httpMethod: 'GET', idempotent: true, params: { ...request.params, page }, itemIndex });
				const found = read(answer.response);
				const paging = readPaging(answer.response);
				// <paging><total> counts from page 1, and a page's size is PUBLITRAC's to choose: a walk that started
				// later cannot tell how many records came before, so it reads on until a page comes back empty.
				const hasMore = (firstPage === 1 ? hasMoreRecords(paging, offset, found.length) : undefined) ?? found.length > 0;
				if (report) report.total = paging?.total;
				last = { page, found: found.length, hasMore, before: offset };
				return { records: found, hasMore };
			},
		});
		if (report && last) {
			const outputFromLast = records.length - last.before;
			report.nextPage = outputFromLast < last.found ? last.page : last.hasMore ? last.page + 1 : undefined;
		}
		return records;
	}

	/** Reads an answer without judging it; only a body that is not a PUBLITRAC response throws. */
	readAnswer(
		method: string,
		statusCode: number,
		body: string,
		itemIndex?: number,
	): PublitracAnswer {
		let response: IDataObject;
		try {
			response = parsePublitracXml(body);
		} catch (error) {
			const reason = error instanceof PublitracXmlError ? error.message : String(error);
			throw vendorApiError(
				this.context.getNode(),
				{
					code: statusCode >= 400 ? statusCode : undefined,
					message: `${VENDOR} ${method} answered HTTP ${statusCode} with ${reason}`,
					httpCode: statusCode,
					itemIndex,
				},
				this.secrets,
			);
		}
		const status = asText(response.status).trim();
		const message = asText(response.message).trim();
		const errorsElement = response.errors;
		const errors =
			errorsElement !== undefined && errorsElement !== null && typeof errorsElement === 'object'
				? ([] as unknown[]).concat((errorsElement as IDataObject).error ?? []).map((line) => asText(line).trim())
				: [];
		const expected = SUCCESS_STATUS[method];
		// HTTP status alone decides nothing: a known method succeeds only with its own success status.
		const failed =
			errorsElement !== undefined ||
			(expected ? !expected.includes(status) : /^9\d{3}$/.test(status) || (status === '' && statusCode >= 400));
		return { status, message, errors, response, failed, httpCode: statusCode };
	}

	/** The NodeApiError for a failed answer: the vendor's status and message; every `<error>` line and a hint per code in the description. */
	answerError(
		method: string,
		answer: PublitracAnswer,
		itemIndex?: number,
		errorLines: string[] = answer.errors,
	) {
		const expected = SUCCESS_STATUS[method];
		// A status that is neither the method's success nor a 9xxx error (a 503, another method's code) says so.
		const unexpected = expected && !expected.includes(answer.status) && !/^9\d{3}$/.test(answer.status) ? `${VENDOR} answered status ${answer.status || '(none)'} where ${method} succeeds with ${expected.join(' or ')}.` : undefined;
		return vendorApiError(
			this.context.getNode(),
			{
				code: answer.status || answer.httpCode,
				message: answer.message || `${VENDOR} ${method} failed`,
				description: [describePublitracFailure(answer.status, errorLines), unexpected].filter(Boolean).join('\n') || undefined,
				httpCode: answer.httpCode,
				itemIndex,
			},
			this.secrets,
			{ method, status: answer.status, message: answer.message, errors: errorLines } as unknown as JsonObject,
		);
	}

	/** The leads of a single-lead answer (getLead…): a success that carries none is an error, not an empty result. */
	requireLeads(method: string, answer: PublitracAnswer, itemIndex?: number): IDataObject[] {
		const leads = readLeads(answer.response);
		if (leads.length > 0) return leads;
		throw vendorApiError(
			this.context.getNode(),
			{
				code: answer.status,
				message: `${VENDOR} answered ${method} as a success but sent no lead`,
				description: 'The answer holds no <leads><lead>. Nothing was output for this item, so check the lead in PUBLITRAC.',
				httpCode: answer.httpCode,
				itemIndex,
			},
			this.secrets,
		);
	}
}

/**
 * The status each method answers on success (the document's STATUS_* table and its examples). Any other
 * status, whatever the HTTP code (a `<status>503</status>` once retries are spent, an empty one), is an error.
 */
export const SUCCESS_STATUS: Record<string, string[]> = {
	getLeads: ['2001'],
	getView: ['2001'],
	getList: ['2001'],
	addEmailCampaign: ['2001'],
	getLead: ['2002'],
	getLeadByTokenId: ['2002'],
	addLead: ['2003'],
	updateLead: ['2004'],
	deleteLead: ['2005'],
	syncLead: ['2006'],
	removeLeadFromList: ['2008'],
	addLeadsToList: ['2009'],
	getLeadByExternalId: ['2010'],
	addWebVisitHistory: ['3002'],
	addClickLinkHistory: ['3003'],
	addFillFormHistory: ['3004'],
	getCampaigns: ['5001'],
	getOpportunities: ['5001'],
	syncOpportunity: ['5002'],
	executeCampaign: ['1100'],
};
