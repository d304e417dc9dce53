// A local PUBLITRAC XML API (v1), as the vendor document and the Decisions of ../../../shared/vendor-apis.md
// describe it: auth in the query string, `query` XML (URL-encoded for GET, form body for POST), status codes
// in <status>, error lines in <errors>, page-numbered results with <paging>, 35 calls/s when asked.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { randomBytes, randomUUID } from 'node:crypto';

import type { Sandbox } from './sandbox';
import { startVendorServer } from './vendorServer';
import type { RecordedRequest, Reply, VendorServer } from './vendorServer';

export const NATIVE_LEAD_FIELDS = [
	'firstName', 'lastName', 'middleName', 'company', 'phone', 'email', 'mailingAddress', 'leadSource', 'originalSource',
	'originalSourceType', 'keyword', 'jobTitle', 'dateOfBirth', 'status', 'score', 'postalCode', 'country', 'city', 'state',
	'doNotCall', 'doNotCallReason', 'token', 'unsubscribed', 'unsubscribeCause', 'unsubscribeReason', 'fax', 'mobile',
	'isCustomer', 'isAnonymous', 'emailInvalid', 'emailInvalidCause', 'notes', 'suspended', 'suspendedReason', 'blacklisted',
	'blacklistedCause', 'customerId', 'website', 'language', 'nbrEmployees', 'revenue', 'crmLeadId',
];
const FLAG_FIELDS: Record<string, string> = {
	doNotCall: 'DoNotCall', unsubscribed: 'Unsubscribed', isCustomer: 'IsCustomer', isAnonymous: 'isAnonymous',
	emailInvalid: 'emailInvalid', suspended: 'Suspended', blacklisted: 'Blacklisted',
};
const INTEGER_FIELDS: Record<string, string> = { score: 'Score', nbrEmployees: 'NbrEmployees', revenue: 'Revenue' };
export const SALES_STAGES = [
	'Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis',
	'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost',
];
const GET_METHODS = new Set(['getLeads', 'getLead', 'getLeadByExternalId', 'getLeadByTokenId', 'getView', 'getList', 'getCampaigns', 'getOpportunities']);
const AUTH_PARAMETERS = ['method', 'apikey', 'apiKey', 'username', 'password'];
/**
 * The methods the document names only in its status tables, taught as the Decisions settle them: strictly,
 * so any parameter beyond these (and the auth ones) is refused.
 */
const INFERRED_METHOD_PARAMETERS: Record<string, string[]> = {
	getLeadByTokenId: ['tokenId'],
	addLead: ['query'],
	updateLead: ['query'],
	deleteLead: ['email'],
};
/** A PUBLITRAC tracking token: `_nl-<domain>-<digits>-<digits>`. */
const TRACKING_TOKEN = /^_nl-[A-Za-z0-9.-]+-\d+-\d+$/;
const LEADS_PER_PAGE = 100;
const CAMPAIGNS_PER_PAGE = 100;
const OPPORTUNITIES_PER_PAGE = 200;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export type Lead = Record<string, string> & { id: string; email: string };
export interface Campaign {
	id: string;
	Name: string;
	Type: string;
	Token: string;
	CampaignType: string;
	Created_Date: string;
	Last_Updated: string;
}
export interface Opportunity {
	id: string;
	fields: Record<string, string>;
	leadIds: string[];
}

export interface PublitracState {
	leads: Map<string, Lead>;
	/** Static lists: name → emails (lower case). */
	lists: Map<string, Set<string>>;
	/** Filtered lists (views): name → which leads they hold. */
	views: Map<string, (lead: Lead) => boolean>;
	campaigns: Campaign[];
	opportunities: Map<string, Opportunity>;
	forms: Set<string>;
	histories: Array<{ kind: string; email: string; entry: Record<string, unknown> }>;
	/** executeCampaign calls that took effect. */
	executions: Array<{ emails: string[]; campaigns: string[] }>;
	/** addEmailCampaign calls that took effect. */
	emailSends: Array<{ name: string; email: Record<string, unknown>; leads: string[] }>;
	transactions: Array<Record<string, unknown>>;
	accountToken: string;
	nextId: number;
	/** The zone the account's stamps are written in (createdDate, lastUpdated…): an IANA name, 'Etc/GMT+5' for UTC−5. */
	stampZone: string;
}

export interface PublitracAccount {
	apiKey: string;
	username: string;
	password: string;
}

export interface PublitracServer extends VendorServer {
	state: PublitracState;
	account: PublitracAccount;
	/** Credential data (publitracApi) pointing at this server. */
	credentials(overrides?: Partial<PublitracAccount>): Record<string, string>;
	/** The API method a recorded request called. */
	methodOf(request: RecordedRequest): string;
	/** A recorded request's parameters, from the query string and the form body together. */
	paramsOf(request: RecordedRequest): URLSearchParams;
	/** A recorded request's `query` XML, parsed (root `request`). */
	queryOf(request: RecordedRequest): Record<string, unknown>;
	/** Recorded requests of one API method. */
	calls(method: string): RecordedRequest[];
}

export interface PublitracServerOptions {
	rateLimitPerSecond?: number;
	/** Every answer leaves this long after its request arrived. */
	latencyMs?: number;
	account?: Partial<PublitracAccount>;
	/** Seed the demo data (leads, lists, views, campaigns, opportunities, forms). */
	seed?: boolean;
	/** Extra generated leads, for paging and benchmarks. */
	extraLeads?: number;
	extraCampaigns?: number;
	/** The zone the account stamps its leads in (no zone is written): UTC by default, e.g. 'Etc/GMT-14' for UTC+14. */
	stampZone?: string;
	/** The HTTP code of a refused login (its XML says 9000 whatever this is); 401 by default. */
	refusedLoginHttpStatus?: number;
}

/** A fresh account per server: the password holds characters that must be URL-encoded. */
export function newAccount(): PublitracAccount {
	return { apiKey: randomUUID(), username: 'sandbox-user', password: `S4nd box&Pass<${randomBytes(4).toString('hex')}>+` };
}

/** The tracking cookie PUBLITRAC sets in a visitor's browser. */
export function trackingCookie(domain: string, visit: string): string {
	return `_nl-${domain}-${visit}`;
}

const requestParser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	trimValues: false,
	processEntities: true,
	htmlEntities: false,
	isArray: (_name, jpath) =>
		['request.queries.query', 'request.leads.lead', 'request.campaigns.campaign', 'request.opportunity.leads.leadId'].includes(String(jpath)),
});
const responseBuilder = new XMLBuilder({ ignoreAttributes: true, format: true, indentBy: '    ', suppressEmptyNode: false, processEntities: true });

function stripLayout(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(stripLayout);
	if (node === null || typeof node !== 'object') return node;
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (key === '#text' && typeof value === 'string' && value.trim() === '') continue;
		copy[key] = stripLayout(value);
	}
	return copy;
}

export function parseRequestXml(xml: string): Record<string, unknown> {
	if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('DOCTYPE refused');
	const valid = XMLValidator.validate(xml);
	if (valid !== true) throw new Error(valid.err.msg);
	const document = requestParser.parse(xml) as Record<string, unknown>;
	if (!('request' in document)) throw new Error('root element must be <request>');
	const request = document.request;
	return (typeof request === 'object' && request !== null ? stripLayout(request) : {}) as Record<string, unknown>;
}

function xmlResponse(body: Record<string, unknown>, httpStatus = 200): Reply {
	return {
		status: httpStatus,
		headers: { 'content-type': 'text/xml; charset=utf-8' },
		body: `<?xml version="1.0" encoding="UTF-8"?>\n${responseBuilder.build({ response: body }) as string}`,
	};
}

function failure(status: number, message: string, errors: string[] = [], httpStatus = 200): Reply {
	return xmlResponse({ status, message, ...(errors.length ? { errors: { error: errors } } : {}) }, httpStatus);
}

/**
 * A PUBLITRAC stamp (`yyyy-mm-dd hh:mm:ss`, no zone) for an instant, as a clock in `timeZone` shows it (UTC unless
 * the server was started with another `stampZone`). "Now" is Date.now(), so a test's fake clock moves it.
 */
export function stampOf(time: number, timeZone = 'UTC'): string {
	if (timeZone === 'UTC') return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
	// Swedish writes dates as ISO does.
	return new Intl.DateTimeFormat('sv-SE', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
		.format(new Date(time));
}

function str(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

function asArray<T>(value: T | T[] | undefined | ''): T[] {
	if (value === undefined || value === '') return [];
	return Array.isArray(value) ? value : [value];
}

function likeToRegExp(pattern: string): RegExp {
	const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
	return new RegExp(`^${escaped}$`, 'is');
}

function compare(left: string, operator: string, right: string): boolean | undefined {
	const numeric = left !== '' && right !== '' && !Number.isNaN(Number(left)) && !Number.isNaN(Number(right));
	const [a, b] = numeric ? [Number(left), Number(right)] : [left.toLowerCase(), right.toLowerCase()];
	switch (operator.trim().toLowerCase()) {
		case 'like':
			return likeToRegExp(right).test(left);
		case 'not like':
			return !likeToRegExp(right).test(left);
		case '=':
			return a === b;
		case '!=':
		case '<>':
			return a !== b;
		case '>':
			return a > b;
		case '<':
			return a < b;
		case '>=':
			return a >= b;
		case '<=':
			return a <= b;
		default:
			return undefined;
	}
}

export function emptyState(): PublitracState {
	return {
		leads: new Map(),
		lists: new Map(),
		views: new Map(),
		campaigns: [],
		opportunities: new Map(),
		forms: new Set(),
		histories: [],
		executions: [],
		emailSends: [],
		transactions: [],
		accountToken: 'acct-token-sandbox',
		nextId: 470,
		stampZone: 'UTC',
	};
}

function blankLead(state: PublitracState, id: string, email: string): Lead {
	const lead = { id } as Lead;
	for (const field of NATIVE_LEAD_FIELDS) lead[field] = '';
	lead.email = email;
	lead.status = 'Active';
	lead.score = '0';
	for (const flag of Object.keys(FLAG_FIELDS)) lead[flag] = '0';
	lead.createdDate = stampOf(Date.now(), state.stampZone);
	lead.lastUpdated = lead.createdDate;
	return lead;
}

export function addLead(state: PublitracState, fields: Record<string, string>): Lead {
	const lead = blankLead(state, String(state.nextId++), fields.email);
	Object.assign(lead, fields);
	state.leads.set(lead.email.toLowerCase(), lead);
	return lead;
}

/** Creates or changes an opportunity as a PUBLITRAC user would (Last_Updated moves to now, or to `at`). */
export function upsertOpportunity(state: PublitracState, id: string, fields: Record<string, string> = {}, at = Date.now()): Opportunity {
	const existing = state.opportunities.get(id);
	const opportunity: Opportunity = existing ?? {
		id,
		fields: {
			Name: `Opportunity ${id}`, Description: '', Opportunity_Type: 'Web', Account_Name: 'ACME', Campaign_Name: '', Lead_Source: '', Amount: '1000',
			Date_Closed: '', Sales_Stage: 'Prospecting', Probability: '10', External_id: id, Account: '1', Created_Date: stampOf(at), Last_Updated: stampOf(at),
		},
		leadIds: [],
	};
	Object.assign(opportunity.fields, fields, { Last_Updated: stampOf(at) });
	state.opportunities.set(id, opportunity);
	return opportunity;
}

export function addCampaign(state: PublitracState, name: string, type = 'Paid Search', campaignType = 'CAMPAIGNTRACKING'): Campaign {
	const campaign: Campaign = {
		id: String(2000 + state.campaigns.length + 71),
		Name: name,
		Type: type,
		Token: `CMP-${(0x4d7147b0dd389 + state.campaigns.length).toString(16)}`,
		CampaignType: campaignType,
		Created_Date: '2011-03-04 20:12:32',
		Last_Updated: '2011-12-08 01:10:14',
	};
	state.campaigns.push(campaign);
	return campaign;
}

/** The demo account: the document's own examples, plus a few leads with accents, emoji and markup. */
export function seedDemoData(state: PublitracState, extraLeads = 0, extraCampaigns = 0): void {
	addLead(state, {
		firstName: 'John', lastName: 'Smith', company: 'PUBLIPAGE', phone: '555-555-2149', email: 'johnsmith@publipage.com',
		originalSource: 'Google', originalSourceType: 'Organic Search', keyword: 'marketing automation',
		token: trackingCookie('publipage.com', '1282527313351-84730'), crmLeadId: '5564344', someCustomField: 'my custom field', score: '80',
	});
	addLead(state, {
		firstName: 'John', lastName: 'Smith', company: 'PUBLITRAC', phone: '514-555-2149', email: 'johnsmith@publitrac.com',
		mailingAddress: '123 Street', postalCode: 'J4W 1Z1', country: 'Canada', city: 'Montreal', state: 'Quebec',
		originalSource: 'New Lead', originalSourceType: 'Manual', crmLeadId: '123ABC', someCustomField: 'custom value',
	});
	addLead(state, { firstName: 'Hélène', lastName: 'Côté', company: 'Crème & Brûlée <Inc>', email: 'helene@exemple.ca', city: 'Québec', notes: 'Aime les 🚀 et ]]> les CDATA', score: '65' });
	addLead(state, { firstName: 'Claude', lastName: 'Sage', email: 'claude@sage.com', phone: '555-666-7777', postalCode: '01234', score: '12' });
	addLead(state, { firstName: 'John', lastName: 'Carmack', company: 'id Software', email: 'jcarmack@idsoftware.ca', GamePreferences: 'Strategy', GamePlayed: '23' });
	addLead(state, { firstName: 'Test', lastName: 'Exemple', email: 'test@exemple.com', crmLeadId: 'ae555ecc-e998-85b9-4c9f-4c8d13581a9b' });
	for (let index = 0; index < extraLeads; index++) {
		addLead(state, { firstName: `Lead${index}`, lastName: 'Demo', email: `lead${index}@demo.example`, score: String(index % 100), crmLeadId: `DEMO-${index}` });
	}
	// The demo leads date from the document's era, a minute apart: older than anything a trigger test creates.
	let minute = 0;
	for (const lead of state.leads.values()) {
		lead.createdDate = stampOf(Date.UTC(2012, 7, 20, 10, minute++));
		lead.lastUpdated = lead.createdDate;
	}
	state.lists.set('Newsletter', new Set(['johnsmith@publipage.com', 'helene@exemple.ca', 'claude@sage.com']));
	state.lists.set('Imported2012', new Set(['johnsmith@publitrac.com']));
	state.views.set('PromoABC_Email_Open', (lead) => Number(lead.score) >= 50);
	addCampaign(state, 'AdCenter - Drip Marketing');
	addCampaign(state, 'AdCenter - Internet Marketing Software');
	addCampaign(state, 'Trade Show May', 'Event', 'AUTOMATED');
	addCampaign(state, 'Webinar', 'Event', 'AUTOMATED');
	for (let index = 0; index < extraCampaigns; index++) addCampaign(state, `Campaign ${index}`, 'Email', 'AUTOMATED');
	state.opportunities.set('1', {
		id: '1',
		fields: {
			Name: 'PUBLITRAC', Description: 'Marketing Automation Solution', Opportunity_Type: 'Web', Account_Name: 'PUBLITRAC',
			Campaign_Name: 'Marketing Automation', Lead_Source: '', Amount: '9000', Date_Closed: '2010-10-10', Sales_Stage: 'Closed Won',
			Probability: '100', External_id: 'My ID', Account: '1', Created_Date: '0000-00-00 00:00:00', Last_Updated: '0000-00-00 00:00:00',
		},
		leadIds: ['123ABC'],
	});
	state.forms.add('Infolettre');
	state.forms.add('Registration Form');
}

function leadElement(lead: Lead): Record<string, string> {
	const { id, ...rest } = lead;
	const ordered: Record<string, string> = { id };
	for (const field of NATIVE_LEAD_FIELDS) ordered[field] = rest[field] ?? '';
	for (const [key, value] of Object.entries(rest)) if (!(key in ordered)) ordered[key] = value;
	return ordered;
}

function pageOf<T>(records: T[], pageParam: string | null, perPage: number) {
	const page = Math.max(1, Number.parseInt(pageParam ?? '1', 10) || 1);
	const slice = records.slice((page - 1) * perPage, page * perPage);
	return { slice, paging: { page, items: slice.length, offset: perPage, total: records.length } };
}

/** Request-handling logic, separate from HTTP so it reads like the document. */
function createHandler(state: PublitracState) {
	const leadByEmail = (email: string) => state.leads.get(email.trim().toLowerCase());

	const leadsAnswer = (leads: Lead[], page: string | null, message: string, status = 2001) => {
		const { slice, paging } = pageOf(leads, page, LEADS_PER_PAGE);
		return xmlResponse({ leads: slice.length ? { lead: slice.map(leadElement) } : '', paging, status, message });
	};

	const validateLead = (xml: Record<string, unknown>, email: string): string[] => {
		const problems: string[] = [];
		const who = email ? `xml lead->email (${email})` : xml.crmLeadId ? `xml lead->crmId (${str(xml.crmLeadId)})` : '(lead no email no crm id)';
		if (!email) problems.push(`9001 - Email is required for ${who}`);
		else if (!EMAIL.test(email)) problems.push(`9002 - Email address is invalid for ${who}`);
		for (const [field, label] of Object.entries(INTEGER_FIELDS)) {
			const value = str(xml[field]);
			if (value !== '' && !/^-?\d+$/.test(value)) problems.push(`9006 - ${label} (${value}) must be a valid integer for ${who}`);
		}
		for (const [field, label] of Object.entries(FLAG_FIELDS)) {
			const value = str(xml[field]);
			if (value !== '' && value !== '0' && value !== '1') problems.push(`9007 - ${label} (${value}) must be 0 or 1 for ${who}`);
		}
		const date = str(xml.dateOfBirth);
		if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push(`9017 - dateOfBirth (${date}) must be yyyy-mm-dd for ${who}`);
		for (const key of Object.keys(xml)) {
			if (key !== 'customFields' && !NATIVE_LEAD_FIELDS.includes(key)) problems.push(`9008 - Unsupported tag <${key}> for ${who}`);
		}
		return problems;
	};

	const syncOneLead = (request: Record<string, unknown>): Reply => {
		const xml = request.lead;
		if (xml === undefined || typeof xml !== 'object' || Array.isArray(xml)) {
			return failure(9018, 'Sync lead have errors.', ['lead is required (one <lead> per call)']);
		}
		const fields = xml as Record<string, unknown>;
		const email = str(fields.email).trim();
		const problems = validateLead(fields, email);
		const useToken = str(request.useToken).trim() === 'true' || str(request.useToken).trim() === '1';
		const mergeAnonymous = str(request.mergeAnonymous).trim() === 'true' || str(request.mergeAnonymous).trim() === '1';
		const token = str(fields.token).trim();
		if ((useToken || mergeAnonymous) && !token) problems.push('9018 - Token is required with useToken or mergeAnonymous');
		const unicityKeys = str(request.customUnicityKeys).split(',').map((key) => key.trim()).filter(Boolean);
		for (const key of unicityKeys) if (str(fields[key]).trim() === '') problems.push(`9018 - Unicity key ${key} has no value`);
		if (problems.length) return failure(9018, 'Sync lead have errors.', problems);

		let matches: Lead[];
		if (unicityKeys.length) matches = [...state.leads.values()].filter((lead) => unicityKeys.every((key) => (lead[key] ?? '') === str(fields[key])));
		else if (useToken) matches = [...state.leads.values()].filter((lead) => lead.token === token);
		else matches = [leadByEmail(email)].filter((lead): lead is Lead => lead !== undefined);
		if (matches.length > 1) return failure(9018, 'Sync lead have errors.', [`9004 - ${matches.length} leads match the unicity key`]);

		const lead = matches[0] ?? blankLead(state, String(state.nextId++), email);
		if (matches[0] && lead.email.toLowerCase() !== email.toLowerCase()) state.leads.delete(lead.email.toLowerCase());
		for (const [key, value] of Object.entries(fields)) {
			if (key === 'customFields') {
				if (value && typeof value === 'object') for (const [name, custom] of Object.entries(value)) lead[name] = str(custom);
			} else lead[key] = str(value);
		}
		lead.email = email;
		lead.lastUpdated = stampOf(Date.now(), state.stampZone);
		state.leads.set(email.toLowerCase(), lead);
		return xmlResponse({ status: 2006, message: 'Leads synchronization successfull.' });
	};

	/** addLead creates only (9016, 9004 when the email exists); updateLead updates only (9017, 9005 when it does not). */
	const writeOneLead = (method: 'addLead' | 'updateLead', request: Record<string, unknown>): Reply => {
		const adding = method === 'addLead';
		const [failStatus, failMessage] = adding ? [9016, 'Create new lead have errors.'] : [9017, 'Update Lead contain error'];
		const xml = request.lead;
		const extra = Object.keys(request).filter((key) => key !== 'lead');
		if (extra.length) return failure(failStatus, failMessage, extra.map((key) => `9008 - Unsupported tag <${key}> (syncLead only)`));
		if (xml === undefined || typeof xml !== 'object' || Array.isArray(xml)) return failure(failStatus, failMessage, ['lead is required']);
		const fields = xml as Record<string, unknown>;
		const email = str(fields.email).trim();
		const problems = validateLead(fields, email);
		if (problems.length) return failure(failStatus, failMessage, problems);
		const existing = leadByEmail(email);
		if (adding && existing) {
			return failure(failStatus, failMessage, [`9004 - Lead with email address ${email} already exists, please use the updateLead() call.`]);
		}
		if (!adding && !existing) return failure(failStatus, failMessage, [`9005 - Lead (${email}) does not exist.`]);
		const lead = existing ?? blankLead(state, String(state.nextId++), email);
		for (const [key, value] of Object.entries(fields)) {
			if (key === 'customFields') {
				if (value && typeof value === 'object') for (const [name, custom] of Object.entries(value)) lead[name] = str(custom);
			} else lead[key] = str(value);
		}
		lead.lastUpdated = stampOf(Date.now(), state.stampZone);
		state.leads.set(email.toLowerCase(), lead);
		return xmlResponse(adding ? { status: 2003, message: 'Create new lead success.' } : { status: 2004, message: 'Leads updated successfully.' });
	};

	const historyEntry = (kind: string, element: string, email: string, request: Record<string, unknown>): Reply => {
		if (!email) return failure(9001, 'Email is required.');
		if (email.length >= 50) return failure(9002, 'Email must be shorter than 50 characters.');
		if (!leadByEmail(email)) return failure(9005, 'Lead does not exist.', [`9005 - Lead (${email}) does not exist.`]);
		const entry = request[element];
		if (entry === undefined) return failure(9011, 'Invalid XML.', [`<${element}> is required`]);
		const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
		if (kind === 'fillform') {
			const formName = str(fields.formName).trim();
			if (!state.forms.has(formName)) return failure(9011, 'Add fill form history failed.', [`Form (${formName}) does not exist.`]);
		}
		state.histories.push({ kind, email, entry: fields });
		const answers: Record<string, [number, string]> = {
			webvisit: [3002, 'Add web page history success.'],
			clicklink: [3003, 'Add click link history success.'],
			fillform: [3004, 'Add fill form history success.'],
		};
		return xmlResponse({ status: answers[kind][0], message: answers[kind][1] });
	};

	const emailsOf = (request: Record<string, unknown>) =>
		asArray((request.leads as { lead?: unknown } | undefined)?.lead as Array<Record<string, unknown>> | undefined).map((lead) => str(lead?.email).trim());

	return (method: string, params: URLSearchParams, request: Record<string, unknown> | undefined): Reply => {
		const query = request ?? {};
		switch (method) {
			case 'getLeads': {
				const queries = asArray((query.queries as { query?: unknown } | undefined)?.query as Array<Record<string, unknown>> | undefined);
				let leads = [...state.leads.values()];
				for (const condition of queries) {
					const field = str(condition.field).trim();
					const operator = str(condition.operator) || 'like';
					const value = str(condition.value);
					if (compare('', operator, '') === undefined) return failure(9011, 'Invalid XML.', [`Unsupported operator (${operator})`]);
					leads = leads.filter((lead) => compare(lead[field] ?? '', operator, value));
				}
				return leadsAnswer(leads, params.get('page'), 'Get leads success.');
			}
			case 'getLead': {
				const email = (params.get('email') ?? '').trim();
				if (!email) return failure(9001, 'Email is required.');
				const lead = leadByEmail(email);
				if (!lead) return failure(9005, 'Lead does not exist.', [`9005 - Lead (${email}) does not exist.`]);
				return xmlResponse({ leads: { lead: [leadElement(lead)] }, status: 2002, message: 'Get lead success.' });
			}
			case 'getLeadByExternalId': {
				const externalId = (params.get('externalId') ?? '').trim();
				if (!externalId) return failure(9003, 'External id is not defined.');
				const leads = [...state.leads.values()].filter((lead) => lead.crmLeadId === externalId);
				if (!leads.length) return failure(9005, 'Lead does not exist.', [`9005 - Lead (${externalId}) does not exist.`]);
				return xmlResponse({ leads: { lead: leads.map(leadElement) }, status: 2010, message: 'getLeadByExternalId success.' });
			}
			case 'getView': {
				const name = params.get('viewName') ?? '';
				const view = state.views.get(name);
				if (!view) return failure(9010, 'View does not exist.', [`9010 - View (${name}) does not exist.`]);
				return leadsAnswer([...state.leads.values()].filter(view), params.get('page'), 'Get leads success.');
			}
			case 'getList': {
				const name = params.get('listName') ?? '';
				const list = state.lists.get(name);
				if (!list) return failure(9009, 'List does not exist.', [`9009 - List (${name}) does not exist.`]);
				const leads = [...list].map((email) => state.leads.get(email)).filter((lead): lead is Lead => lead !== undefined);
				return leadsAnswer(leads, params.get('page'), 'Get list success.');
			}
			case 'syncLead':
				return syncOneLead(query);
			case 'getLeadByTokenId': {
				const tokenId = (params.get('tokenId') ?? '').trim();
				const failed = (line: string) => failure(9015, 'getLeadByTokenId failed.', [line]);
				if (!tokenId) return failed('Tok Id is required');
				if (!TRACKING_TOKEN.test(tokenId)) return failed('Tok Id is invalid');
				const leads = [...state.leads.values()].filter((lead) => lead.token === tokenId);
				if (!leads.length) return failed('9005 - lead not found');
				return xmlResponse({ leads: { lead: leads.map(leadElement) }, status: 2002, message: 'getLeadByTokenId success.' });
			}
			case 'addLead':
			case 'updateLead':
				return writeOneLead(method, query);
			case 'deleteLead': {
				const email = (params.get('email') ?? '').trim();
				if (!email) return failure(9001, 'Email is required.');
				const lead = leadByEmail(email);
				if (!lead) return failure(9005, 'Lead does not exist.', [`9005 - Lead (${email}) does not exist.`]);
				state.leads.delete(lead.email.toLowerCase());
				return xmlResponse({ status: 2005, message: 'Lead deleted successfully.' });
			}
			case 'addLeadsToList':
			case 'removeLeadFromList': {
				const adding = method === 'addLeadsToList';
				const [okStatus, failStatus] = adding ? [2009, 9013] : [2008, 9014];
				const failMessage = adding ? 'Add Leads To List failed.' : 'Remove lead from list failed.';
				const name = str((query.list as { name?: unknown } | undefined)?.name).trim();
				if (!name) return failure(failStatus, failMessage, ['9009 - List name is required']);
				if ([...name].length >= 50) return failure(failStatus, failMessage, [`9009 - List name (${name}) must be shorter than 50 characters`]);
				if (state.views.has(name)) {
					return failure(failStatus, failMessage, ['9012 - You are trying to insert a lead inside a filtered list, this operation is only permitted on static lists.']);
				}
				if (!adding && !state.lists.has(name)) return failure(failStatus, failMessage, ['9009 - List does not exist.']);
				const emails = emailsOf(query);
				if (!emails.length) return failure(failStatus, failMessage, ['9005 - Lead email address is required']);
				const list = state.lists.get(name) ?? new Set<string>();
				state.lists.set(name, list);
				const missing: string[] = [];
				for (const email of emails) {
					if (!leadByEmail(email)) missing.push(email);
					else if (adding) list.add(email.toLowerCase());
					else list.delete(email.toLowerCase());
				}
				if (missing.length) return failure(failStatus, failMessage, missing.map((email) => `9005 - (${email}) Leads not found.`));
				return xmlResponse({ status: okStatus, message: adding ? 'Add leads to list success.' : 'Remove lead from list success.' });
			}
			case 'addWebVisitHistory':
				return historyEntry('webvisit', 'webvisitleadhistory', (params.get('email') ?? '').trim(), query);
			case 'addClickLinkHistory':
				return historyEntry('clicklink', 'clicklinkleadhistory', (params.get('email') ?? '').trim(), query);
			case 'addFillFormHistory':
				return historyEntry('fillform', 'fillformleadhistory', (params.get('email') ?? '').trim(), query);
			case 'getCampaigns': {
				const { slice } = pageOf(state.campaigns, params.get('page'), CAMPAIGNS_PER_PAGE);
				// As in the document: bare <campaign> elements under <response>, no <paging>.
				return xmlResponse({ campaign: slice, status: 5001, message: 'Get campaigns success.' });
			}
			case 'getOpportunities': {
				const all = [...state.opportunities.values()].map((opportunity) => ({ id: opportunity.id, ...opportunity.fields }));
				const { slice, paging } = pageOf(all, params.get('page'), OPPORTUNITIES_PER_PAGE);
				return xmlResponse({ opportunities: slice.length ? { opportunity: slice } : '', paging, status: 5001, message: 'Get opportunities success.' });
			}
			case 'syncOpportunity': {
				const xml = (query.opportunity ?? {}) as Record<string, unknown>;
				const problems: string[] = [];
				const id = str(xml.id).trim();
				if (!id) problems.push('Opportunity id is required');
				if (!str(xml.name).trim()) problems.push('Opportunity name is required');
				const stage = str(xml.salesStage);
				if (!SALES_STAGES.includes(stage)) problems.push(`Sales stage (${stage}) is invalid`);
				if (!/^-?\d+$/.test(str(xml.amount))) problems.push(`Amount (${str(xml.amount)}) must be an integer`);
				const probability = Number(str(xml.probability));
				if (!Number.isInteger(probability) || probability < 1 || probability > 100) problems.push(`Probability (${str(xml.probability)}) must be between 1 and 100`);
				const dateClosed = str(xml.dateClosed);
				if (dateClosed && !/^\d{4}-\d{2}-\d{2}$/.test(dateClosed)) problems.push(`Date closed (${dateClosed}) must be yyyy-mm-dd`);
				if (stage.startsWith('Closed') && !dateClosed) problems.push('Date closed is required for a closed opportunity');
				const leadIds = asArray((xml.leads as { leadId?: unknown } | undefined)?.leadId as string[] | undefined).map(str);
				// The annex lists the leads among the mandatory fields.
				if (!leadIds.some((leadId) => leadId.trim() !== '')) problems.push('At least one lead id is required');
				for (const leadId of leadIds) {
					if (![...state.leads.values()].some((lead) => lead.crmLeadId === leadId)) problems.push(`9005 - Lead (${leadId}) does not exist.`);
				}
				if (problems.length) return failure(9011, 'Opportunity not synchronized.', problems);
				state.opportunities.set(id, {
					id,
					fields: {
						Name: str(xml.name), Description: str(xml.description), Opportunity_Type: str(xml.type), Account_Name: str(xml.accountName),
						Campaign_Name: str(xml.campaignName), Lead_Source: str(xml.leadSource), Amount: str(xml.amount), Date_Closed: dateClosed,
						Sales_Stage: stage, Probability: String(probability), External_id: id, Account: '1', Created_Date: stampOf(Date.now(), state.stampZone), Last_Updated: stampOf(Date.now(), state.stampZone),
					},
					leadIds,
				});
				return xmlResponse({ status: 5002, message: 'Opportunity synchronized.' });
			}
			case 'executeCampaign': {
				const emails = emailsOf(query);
				const names = asArray((query.campaigns as { campaign?: unknown } | undefined)?.campaign as Array<Record<string, unknown>> | undefined).map((campaign) =>
					str(campaign?.name).trim(),
				);
				const problems = [
					...(emails.length ? [] : ['9001 - At least one lead email is required']),
					// "Le courriel du lead doit contenir moins de 50 caractères": one longer address fails the whole call.
					...emails.filter((email) => email.length >= 50).map((email) => `9002 - Email (${email}) must be shorter than 50 characters`),
					...(names.length ? [] : ['At least one campaign is required']),
					...emails.filter((email) => !leadByEmail(email)).map((email) => `9005 - Lead (${email}) does not exist.`),
					...names.filter((name) => !state.campaigns.some((campaign) => campaign.Name === name)).map((name) => `Campaign (${name}) does not exist.`),
				];
				// All or nothing, as the document says.
				if (problems.length) return failure(9005, 'Execute campaigns on leads failed.', problems);
				const unique = [...new Set(emails.map((email) => email.toLowerCase()))];
				state.executions.push({ emails: unique, campaigns: names });
				return xmlResponse({ status: 1100, message: 'Execute campaigns on leads success.' });
			}
			case 'addEmailCampaign': {
				const name = str((query.information as { name?: unknown } | undefined)?.name).trim();
				const email = (query.email ?? {}) as Record<string, unknown>;
				const leads = asArray((query.leads as { lead?: unknown } | undefined)?.lead as Array<Record<string, unknown>> | undefined);
				const problems: string[] = [];
				if (!name || [...name].length >= 50) problems.push(`Campaign name (${name}) must be 1 to 49 characters`);
				if (!str(email.subject).trim()) problems.push('Email subject is required');
				if (!EMAIL.test(str(email.fromEmail).trim())) problems.push(`9002 - fromEmail (${str(email.fromEmail)}) is invalid`);
				if (leads.length === 0) problems.push('9001 - At least one lead is required');
				if (leads.length > 50) problems.push(`A maximum of 50 leads per call (got ${leads.length})`);
				for (const lead of leads) if (!EMAIL.test(str(lead.email).trim())) problems.push(`9002 - Email address is invalid for xml lead->email (${str(lead.email)})`);
				if (problems.length) return failure(9016, 'Lead emails synchronization failed.', problems);
				if (!state.campaigns.some((campaign) => campaign.Name === name)) addCampaign(state, name, 'Email', 'EMAIL');
				for (const lead of leads) {
					const { customFields, ...fields } = lead;
					const known = leadByEmail(str(fields.email)) ?? addLead(state, { email: str(fields.email).trim() });
					for (const [key, value] of Object.entries(fields)) known[key] = str(value);
					if (customFields && typeof customFields === 'object') for (const [key, value] of Object.entries(customFields)) known[key] = str(value);
				}
				state.emailSends.push({ name, email, leads: leads.map((lead) => str(lead.email).trim()) });
				return xmlResponse({ status: 2001, message: 'Lead emails synchronization successfull.' });
			}
			default:
				return failure(9000, `Unknown method (${method}).`);
		}
	};
}

/** Starts the server. Its state is live: tests read and change it directly. */
export async function startPublitracServer(options: PublitracServerOptions = {}): Promise<PublitracServer> {
	const account = { ...newAccount(), ...options.account };
	const state = emptyState();
	state.stampZone = options.stampZone ?? 'UTC';
	if (options.seed !== false) seedDemoData(state, options.extraLeads ?? 0, options.extraCampaigns ?? 0);
	const handle = createHandler(state);

	const paramsOf = (request: RecordedRequest) => {
		const params = new URLSearchParams(request.query);
		if (request.method !== 'GET' && request.body) for (const [key, value] of new URLSearchParams(request.body)) params.append(key, value);
		return params;
	};

	const server = await startVendorServer((request) => {
		const params = paramsOf(request);
		// The e-commerce call (its endpoint is undocumented; the sandbox serves it at the API URL, with no method).
		if (request.method === 'POST' && !request.query.has('method') && params.has('transaction')) return transaction(params);
		const apiKey = request.query.get('apikey') ?? request.query.get('apiKey');
		if (apiKey !== account.apiKey || request.query.get('username') !== account.username || request.query.get('password') !== account.password) {
			// The document does not say how a refused login is answered; the sandbox says it with HTTP 401 and a 9xxx status.
			return failure(9000, 'Authentication failed: invalid API key, username or password.', [], options.refusedLoginHttpStatus ?? 401);
		}
		const method = request.query.get('method') ?? '';
		const verbOk = GET_METHODS.has(method) ? request.method === 'GET' : method === 'addEmailCampaign' || request.method === 'POST';
		if (method && !verbOk) return failure(9000, `Method ${method} does not support ${request.method}.`, [], 405);
		const allowed = INFERRED_METHOD_PARAMETERS[method];
		const unexpected = allowed ? [...new Set(params.keys())].filter((key) => !AUTH_PARAMETERS.includes(key) && !allowed.includes(key)) : [];
		if (unexpected.length) return failure(9000, `Unexpected parameter(s) for ${method}: ${unexpected.join(', ')}.`, [], 400);
		let parsed: Record<string, unknown> | undefined;
		const queryXml = params.get('query');
		if (queryXml !== null) {
			try {
				parsed = parseRequestXml(queryXml);
			} catch (error) {
				return failure(9011, 'Invalid XML.', [`9011 - ${(error as Error).message}`]);
			}
		}
		return handle(method, params, parsed);
	}, { rateLimitPerSecond: options.rateLimitPerSecond, latencyMs: options.latencyMs });

	/**
	 * Strict to the document: `transaction` (JSON), `token` (the account token) and `email`, nothing else (an
	 * API key or password here is refused). It answers in plain text: "200 OK", or the error's own words.
	 */
	const transaction = (params: URLSearchParams): Reply => {
		const plain = (status: number, text: string): Reply => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
		const unexpected = [...new Set(params.keys())].filter((key) => !['transaction', 'token', 'email'].includes(key));
		if (unexpected.length) return plain(400, `400 Bad Request: unexpected parameter(s) ${unexpected.join(', ')}`);
		if (params.get('token') !== state.accountToken) return plain(401, '401 Unauthorized: invalid account token');
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(params.get('transaction') ?? '') as Record<string, unknown>;
		} catch {
			return plain(400, '400 Bad Request: transaction is not valid JSON');
		}
		const missing = ['id', 'token', 'email', 'type', 'total', 'currency', 'items'].filter((key) => body[key] === undefined || body[key] === '');
		if (missing.length) return plain(400, `400 Bad Request: ${missing.join(', ')} required`);
		if (body.token !== state.accountToken) return plain(401, '401 Unauthorized: invalid account token');
		if (str(body.email).toLowerCase() !== str(params.get('email')).toLowerCase()) return plain(400, '400 Bad Request: email does not match the transaction');
		state.transactions.push(body);
		return plain(200, '200 OK');
	};

	const methodOf = (request: RecordedRequest) => request.query.get('method') ?? '';
	return Object.assign(server, {
		state,
		account,
		credentials: (overrides: Partial<PublitracAccount> = {}) => ({ ...account, ...overrides, host: 'custom', customUrl: `${server.url}/api` }),
		methodOf,
		paramsOf,
		queryOf: (request: RecordedRequest) => parseRequestXml(paramsOf(request).get('query') ?? ''),
		calls: (method: string) => server.requests.filter((request) => methodOf(request) === method),
	});
}

export const SANDBOX_CREDENTIAL = { id: 'publitrac-sandbox', name: 'PUBLITRAC sandbox', type: 'publitracApi' };

/** The demo PUBLITRAC account for `npm start` and the real-n8n tests. */
export async function startSandbox(): Promise<Sandbox> {
	const server = await startPublitracServer({ seed: true, extraLeads: 140, rateLimitPerSecond: 35 });
	return {
		vendor: 'PUBLITRAC',
		url: `${server.url}/api`,
		credentials: [{ ...SANDBOX_CREDENTIAL, data: server.credentials() }],
		server,
		close: () => server.close(),
	};
}
