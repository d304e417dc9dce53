import { createHash } from 'node:crypto';

import { XMLBuilder } from 'fast-xml-parser';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { vendorApiError } from '../shared/errors';
import type { RequestContext, VendorClient } from '../shared/httpClient';
import { sendVendorRequest } from '../shared/httpClient';
import { collectSecrets } from '../shared/redaction';
import { timeoutFromCredentials } from '../shared/requestTimeout';

import { describePublitracFailure } from './errorHints';
import { tryReadXml, XmlSyntaxError } from './xmlReader';

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

/** Elements that may repeat: always read as lists, even when one comes back. */
const REPEATED_ELEMENTS: ReadonlySet<string> = new Set([
	'response.leads.lead',
	'response.campaign',
	'response.campaigns.campaign',
	'response.opportunities.opportunity',
	'response.errors.error',
]);

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

export class PublitracXmlError extends Error {}

/**
 * Parses a PUBLITRAC answer and returns its `<response>` element, values as strings as the API sends them
 * ("0012" postal codes keep their zeros). One strict pass (xmlReader.ts): refuses documents that are not
 * well-formed, hold a DOCTYPE anywhere (no entity expansion beyond XML's own) or are not a response.
 */
export function parsePublitracXml(text: string): IDataObject {
	const trimmed = text.trim();
	if (/^<!DOCTYPE\s+html/i.test(trimmed)) throw new PublitracXmlError(`an HTML page instead of XML: ${excerpt(trimmed)}`);
	const document = tryReadXml(trimmed, REPEATED_ELEMENTS);
	if (document instanceof XmlSyntaxError) {
		if (document.declaresDtd) throw new PublitracXmlError('an XML document with a DOCTYPE, which is refused (no entity expansion)');
		if (/^<html[\s>]/i.test(trimmed)) throw new PublitracXmlError(`an HTML page instead of XML: ${excerpt(trimmed)}`);
		throw new PublitracXmlError(`a body that is not valid XML (${document.message}): ${excerpt(trimmed)}`);
	}
	if (document.root !== 'response') {
		const looksHtml = document.root.toLowerCase() === 'html';
		throw new PublitracXmlError(`${looksHtml ? 'an HTML page' : 'an XML document without <response>'}: ${excerpt(trimmed)}`);
	}
	const response = document.value;
	return typeof response === 'object' && response !== null ? (response as IDataObject) : {};
}

function excerpt(text: string): string {
	return text.replace(/\s+/g, ' ').slice(0, 200);
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

/** The leads of a single-lead answer (getLead…): a success that carries none is an error, not an empty result. */
export function requireLeads(this: RequestContext, session: PublitracSession, method: string, answer: PublitracAnswer, itemIndex?: number): IDataObject[] {
	const leads = readLeads(answer.response);
	if (leads.length > 0) return leads;
	throw vendorApiError(
		this.getNode(),
		{
			code: answer.status,
			message: `${VENDOR} answered ${method} as a success but sent no lead`,
			description: 'The answer holds no <leads><lead>. Nothing was output for this item, so check the lead in PUBLITRAC.',
			httpCode: answer.httpCode,
			itemIndex,
		},
		session.client.secrets,
	);
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

export interface PublitracCall {
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
}

export interface PublitracSession {
	client: VendorClient;
	apiUrl: string;
}

export function apiUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const host = String(credentials.host ?? DEFAULT_API_URL);
	const url = host === 'custom' ? String(credentials.customUrl ?? '').trim() : host;
	return url.replace(/\/+$/, '');
}

/** Reads the credential once per execution: the API URL and the client the shared transport needs. */
export async function connect(context: RequestContext): Promise<PublitracSession> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const apiUrl = apiUrlOf(credentials);
	if (!/^https?:\/\/\S+$/i.test(apiUrl)) {
		throw new NodeOperationError(context.getNode(), `The PUBLITRAC credential's Custom URL "${apiUrl}" is not an http(s) URL`, {
			description: 'Edit the credential: choose a host, or give the full API URL, e.g. https://app.publitrac.com/api',
		});
	}
	// One throttle per PUBLITRAC account, shared by every item and execution in this process.
	const account = createHash('sha256').update(`${apiUrl}|${String(credentials.username)}|${String(credentials.apiKey)}`).digest('hex');
	return {
		apiUrl,
		client: {
			credentialType: CREDENTIAL_TYPE,
			vendor: VENDOR,
			secrets: collectSecrets(credentials, ['apiKey', 'password']),
			callsPerSecond: callsPerSecondOf(credentials),
			throttleKey: account,
			timeoutMs: timeoutFromCredentials(credentials),
		},
	};
}

/**
 * One API call. GET methods carry every parameter in the query string; POST methods carry `method`
 * (and the credential's auth parameters) in the query string and the rest as a form body.
 */
export async function sendPublitracRequest(
	this: RequestContext,
	session: PublitracSession,
	call: PublitracCall,
	itemIndex?: number,
): Promise<{ statusCode: number; body: string; attempts: number }> {
	const params: IDataObject = { ...(call.params ?? {}) };
	if (call.query) params.query = buildRequestXml(call.query);
	const isGet = call.httpMethod === 'GET';
	const form = new URLSearchParams();
	if (!isGet) for (const [key, value] of Object.entries(params)) if (value !== undefined) form.append(key, asText(value));
	const response = await sendVendorRequest.call(
		this,
		session.client,
		{
			method: call.httpMethod,
			url: call.url ?? session.apiUrl,
			qs: isGet ? { ...(call.method ? { method: call.method } : {}), ...params } : call.method ? { method: call.method } : {},
			headers: isGet ? { accept: 'application/xml, text/xml' } : { accept: 'application/xml, text/xml', 'content-type': 'application/x-www-form-urlencoded' },
			body: isGet ? undefined : form.toString(),
			idempotent: call.idempotent,
			authenticate: call.withAccountAuth !== false,
		},
		itemIndex,
	);
	return { statusCode: response.statusCode, body: response.body, attempts: response.attempts };
}

/** Calls the API and reads its answer: any status but the method's success, or an `<errors>` element, is a NodeApiError. */
export async function callPublitrac(
	this: RequestContext,
	session: PublitracSession,
	call: PublitracCall,
	itemIndex?: number,
): Promise<PublitracAnswer> {
	const { statusCode, body } = await sendPublitracRequest.call(this, session, call, itemIndex);
	const answer = readAnswer.call(this, session, call.method, statusCode, body, itemIndex);
	if (answer.failed) throw answerError.call(this, session, call.method, answer, itemIndex);
	return answer;
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

/** Reads an answer without judging it; only a body that is not a PUBLITRAC response throws. */
export function readAnswer(
	this: RequestContext,
	session: PublitracSession,
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
			this.getNode(),
			{
				code: statusCode >= 400 ? statusCode : undefined,
				message: `${VENDOR} ${method} answered HTTP ${statusCode} with ${reason}`,
				httpCode: statusCode,
				itemIndex,
			},
			session.client.secrets,
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
export function answerError(
	this: RequestContext,
	session: PublitracSession,
	method: string,
	answer: PublitracAnswer,
	itemIndex?: number,
	errorLines: string[] = answer.errors,
) {
	const expected = SUCCESS_STATUS[method];
	// A status that is neither the method's success nor a 9xxx error (a 503, another method's code) says so.
	const unexpected = expected && !expected.includes(answer.status) && !/^9\d{3}$/.test(answer.status) ? `${VENDOR} answered status ${answer.status || '(none)'} where ${method} succeeds with ${expected.join(' or ')}.` : undefined;
	return vendorApiError(
		this.getNode(),
		{
			code: answer.status || answer.httpCode,
			message: answer.message || `${VENDOR} ${method} failed`,
			description: [describePublitracFailure(answer.status, errorLines), unexpected].filter(Boolean).join('\n') || undefined,
			httpCode: answer.httpCode,
			itemIndex,
		},
		session.client.secrets,
		{ method, status: answer.status, message: answer.message, errors: errorLines } as unknown as JsonObject,
	);
}
