import { createHash, randomBytes } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { mapped } from '../engine/mapper';
import { nodeType } from '../engine/runner';
import { startInfluencerSoftServer } from '../servers/influencersoft';
import { startJtelServer } from '../servers/jtel';
import { startPublitracServer } from '../servers/publitrac';
import { startSpreadServer } from '../servers/spread';
import type { RecordedRequest, VendorServer } from '../servers/vendorServer';

/** A credential secret holding every character that encodes differently in URLs, forms and PHP. */
export const trickySecret = (label: string) => `${label}-K3y!'(x)*~ &+/=%${randomBytes(3).toString('hex')}`;

/** One of the calls a fault run drives: its node parameters for 20 items and how to spot an item's request. */
export interface FaultCall {
	label: string;
	parameters: INodeParameters;
	/** Whether the node may send it twice (reads, upserts); a non-idempotent one must reach the server at most once per item. */
	idempotent: boolean;
	/** The server requests of this call. */
	isCall: (request: RecordedRequest) => boolean;
	/**
	 * Items the node runs side by side for this call (overlapped reads, writes to different records): each may spend
	 * its own tries before the outage is known.
	 */
	itemsInFlight: number;
	/** The node version the call runs with (1 unless set): writes overlap only from version 2 on. */
	typeVersion?: number;
}

export interface FaultTarget {
	vendor: string;
	type: string;
	credentialType: string;
	server: VendorServer;
	credentials: Record<string, unknown>;
	/** Every credential secret, as the user typed it (and the Basic pair, where the vendor uses one). */
	secrets: string[];
	read: FaultCall;
	write: FaultCall;
	/** A vendor error in the vendor's own format under HTTP 200, echoing the credentials back in several forms. */
	errorUnderOk: () => { body: string; headers: Record<string, string>; code: string; message: RegExp };
	close: () => Promise<void>;
}

/** Items carry `i` and `run`; write parameters put `faultitem<i>x<run>` in a field so each item's requests can be told apart. */

/** The secret in the forms a server might echo: plain, URL-encoded, form-encoded (URLSearchParams and PHP's), base64. */
const echoed = (secret: string) =>
	[
		secret,
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
		encodeURIComponent(secret).replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+'),
		Buffer.from(secret).toString('base64'),
	].join(' | ');

/** The timeout the fault runs use, so a hang costs a second and not thirty. */
export const FAULT_TIMEOUT_SECONDS = 1;

/**
 * The timeout of runs whose writes the server holds until all of them wait side by side: the first waits for the
 * last to arrive, and a busy machine can stretch that past a second.
 */
export const SIDE_BY_SIDE_TIMEOUT_SECONDS = 5;

export async function startPublitracTarget(): Promise<FaultTarget> {
	const server = await startPublitracServer({ account: { apiKey: trickySecret('pt'), password: trickySecret('pw') } });
	const { apiKey, password } = server.account;
	const isMethod = (method: string) => (request: RecordedRequest) => server.methodOf(request) === method;
	return {
		vendor: 'PUBLITRAC',
		type: nodeType('publitrac'),
		credentialType: 'publitracApi',
		server,
		credentials: { ...server.credentials(), timeoutSeconds: FAULT_TIMEOUT_SECONDS },
		secrets: [apiKey, password],
		read: {
			label: 'Lead: Get Lead',
			parameters: { resource: 'lead', operation: 'getLead', email: 'claude@sage.com' },
			idempotent: true,
			isCall: isMethod('getLead'),
			itemsInFlight: 20,
		},
		write: {
			label: 'Lead: Sync Lead',
			parameters: { resource: 'lead', operation: 'syncLead', email: '={{ "faultitem" + $json.i + "x" + $json.run + "@example.com" }}' },
			idempotent: true,
			isCall: isMethod('syncLead'),
			itemsInFlight: 20,
		},
		errorUnderOk: () => ({
			headers: { 'content-type': 'text/xml' },
			body: `<?xml version="1.0"?><response><status>9018</status><message>Sync failed for ${escapeXml(echoed(apiKey))} / ${escapeXml(echoed(password))}</message></response>`,
			code: '9018',
			message: /^9018: Sync failed for \[redacted\]/,
		}),
		close: () => server.close(),
	};
}

export async function startSpreadTarget(): Promise<FaultTarget> {
	const server = await startSpreadServer({ customers: 3, publicKey: trickySecret('pub'), privateKey: trickySecret('priv') });
	const basic = Buffer.from(`${server.publicKey}:${server.privateKey}`).toString('base64');
	return {
		vendor: 'SPREAD',
		type: nodeType('spread'),
		credentialType: 'spreadApi',
		server,
		credentials: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl, timeoutSeconds: FAULT_TIMEOUT_SECONDS },
		secrets: [server.publicKey, server.privateKey, basic],
		read: {
			label: 'Customer: Get',
			parameters: { resource: 'customer', operation: 'get', customerId: '123456' },
			idempotent: true,
			isCall: (request) => request.method === 'GET' && request.path.endsWith('/customers/123456'),
			itemsInFlight: 20,
		},
		write: {
			label: 'Customer: Create',
			parameters: { resource: 'customer', operation: 'create', columns: mapped({ email: '={{ "faultitem" + $json.i + "x" + $json.run + "@example.com" }}' }) },
			typeVersion: 2,
			idempotent: false,
			isCall: (request) => request.method === 'POST' && request.path.endsWith('/customers'),
			itemsInFlight: 20,
		},
		errorUnderOk: () => ({
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ error: { message: `Keys refused: ${echoed(server.privateKey)} (Basic ${basic})` } }),
			code: '200',
			message: /^200: Keys refused: \[redacted\]/,
		}),
		close: () => server.close(),
	};
}

export async function startInfluencerSoftTarget(): Promise<FaultTarget> {
	const apiKey = trickySecret('is');
	const server = await startInfluencerSoftServer({ apiKey });
	return {
		vendor: 'InfluencerSoft',
		type: nodeType('influencerSoft'),
		credentialType: 'influencerSoftApi',
		server,
		credentials: { login: server.login, apiKey, customDomain: server.url, timeoutSeconds: FAULT_TIMEOUT_SECONDS },
		secrets: [apiKey],
		read: {
			label: 'Contact: Get Group Statuses',
			parameters: { resource: 'contact', operation: 'getGroupStatuses', email: 'ann@example.com' },
			idempotent: true,
			isCall: (request) => request.path === '/api/GetLeadGroupStatuses',
			itemsInFlight: 20,
		},
		write: {
			label: 'Contact: Add or Update (with a group)',
			parameters: {
				resource: 'contact',
				operation: 'addOrUpdate',
				columns: mapped({ email: '={{ "faultitem" + $json.i + "x" + $json.run + "@example.com" }}' }),
				addToLists: ['1594725950.5982672784'],
			},
			typeVersion: 2,
			idempotent: false,
			isCall: (request) => request.path === '/api/addupdatelead',
			itemsInFlight: 20,
		},
		errorUnderOk: () => {
			const text = `Wrong data, rpsKey=${echoed(apiKey)}`;
			const hash = createHash('md5').update(`3::${text}::${apiKey}`).digest('hex');
			return {
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ error_code: 3, error_text: text, result: [], hash }),
				code: '3',
				message: /^3: Wrong data, rpsKey=\[redacted\]/,
			};
		},
		close: () => server.close(),
	};
}

export async function startJtelTarget(): Promise<FaultTarget> {
	const token = trickySecret('jt');
	const server = await startJtelServer({
		token,
		contacts: [{ DiallerCampaignsID: 538, Name: 'Mustermann', PhoneNumber1: '+49 89 1234567', UserData: 'crm-0001' }],
	});
	const contactId = String(server.contacts[0].ID);
	return {
		vendor: 'jtel',
		type: nodeType('jtelDialler'),
		credentialType: 'jtelApi',
		server,
		credentials: { ...server.credentials(), timeoutSeconds: FAULT_TIMEOUT_SECONDS },
		secrets: [token],
		read: {
			label: 'Contact: Get',
			parameters: { resource: 'contact', operation: 'get', contactId },
			idempotent: true,
			isCall: (request) => request.method === 'GET' && request.path.endsWith(`/dialler/contacts/${contactId}`),
			itemsInFlight: 20,
		},
		write: {
			label: 'Contact: Import (no overwrite)',
			parameters: {
				resource: 'contact',
				operation: 'import',
				campaign: { __rl: true, mode: 'list', value: '538' },
				// One number per item: imports of one number run one after another (its record key), these side by side.
				columns: mapped({ Name: '={{ "faultitem" + $json.i + "x" + $json.run }}', PhoneNumber1: '={{ "+49 89 1234" + (100 + $json.i) }}' }),
			},
			typeVersion: 2,
			idempotent: false,
			isCall: (request) => request.method === 'POST' && request.path.endsWith('/dialler/contacts/import'),
			itemsInFlight: 20,
		},
		errorUnderOk: () => ({
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ status: 500, error: `Internal error for token ${echoed(token)}` }),
			code: '500',
			message: /^500: Internal error for token \[redacted\]/,
		}),
		close: () => server.close(),
	};
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
