/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Minimal local stand-ins for the two vendor calls the HTTP Request baselines make (PUBLITRAC syncLead,
// SPREAD GET /customers), built on the test server framework. They speak just enough of each protocol for
// the baseline; when the vendor branches' own test/servers are present, index.ts prefers those.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { startVendorServer, type VendorServer } from '../../test/servers/vendorServer';

// Loaded at run time (optional modules, or after the environment is set): a require bound to this file.
const loadModule = createRequire(__filename);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const xmlReply = (status: number, message: string) => ({
	headers: { 'content-type': 'text/xml; charset=utf-8' },
	body: `${XML_HEAD}<response><status>${status}</status><message>${message}</message></response>`,
});

export const PUBLITRAC_AUTH = { apikey: 'bench-api-key', username: 'bench-user', password: 'bench-password' };

/** PUBLITRAC `?method=syncLead`: auth in the query string, `query` (lead XML) in a form body; 429 above the limit. */
export function startPublitracSyncServer(callsPerSecond?: number): Promise<VendorServer> {
	return startVendorServer(
		(request) => {
			const apiKey = request.query.get('apikey') ?? request.query.get('apiKey');
			if (apiKey !== PUBLITRAC_AUTH.apikey || request.query.get('password') !== PUBLITRAC_AUTH.password) {
				return xmlReply(9000, 'Authentication failed.');
			}
			if (request.query.get('method') !== 'syncLead') return xmlReply(9000, 'Unknown method.');
			const xml = new URLSearchParams(request.body).get('query') ?? '';
			if (!/^\s*(<\?xml[^>]*\?>)?\s*<request>[\s\S]*<\/request>\s*$/.test(xml)) return xmlReply(9011, 'Invalid XML.');
			if (!/<email>[^<@]+@[^<]+<\/email>/.test(xml)) return xmlReply(9001, 'Email is required.');
			return xmlReply(2006, 'Lead synchronization success.');
		},
		{ rateLimitPerSecond: callsPerSecond },
	);
}

export interface SyncLeadServer {
	server: VendorServer;
	/** The PUBLITRAC API URL (`…/api`). */
	apiUrl: string;
	auth: { apikey: string; username: string; password: string };
	/** Which server answered: the PUBLITRAC vendor's own test server or the stand-in above. */
	source: string;
}

/** PUBLITRAC with a calls-per-second limit: the vendor's own test server (test/servers/publitrac.ts) when present. */
export async function startPublitracSync(callsPerSecond: number): Promise<SyncLeadServer> {
	const vendorServer = join(__dirname, '../../test/servers/publitrac.ts');
	if (existsSync(vendorServer)) {
		const { startPublitracServer } = loadModule(vendorServer) as {
			startPublitracServer?: (options: { rateLimitPerSecond: number }) => Promise<VendorServer & { account: { apiKey: string; username: string; password: string } }>;
		};
		if (startPublitracServer) {
			const server = await startPublitracServer({ rateLimitPerSecond: callsPerSecond });
			const { apiKey, username, password } = server.account;
			return { server, apiUrl: `${server.url}/api`, auth: { apikey: apiKey, username, password }, source: 'test/servers/publitrac.ts' };
		}
	}
	const server = await startPublitracSyncServer(callsPerSecond);
	return { server, apiUrl: `${server.url}/api`, auth: PUBLITRAC_AUTH, source: 'scripts/bench/servers.ts stand-in' };
}

export const SPREAD_AUTH = { user: 'bench-public-key', password: 'bench-private-key' };
const SPREAD_MAX_RESULTS = 5000;

function spreadCustomer(index: number) {
	const id = String(100000 + index);
	return {
		id,
		lastName: `Nom${index}`,
		firstName: `Prénom${index}`,
		email: `client${index}@example.com`,
		country: null,
		city: 'Lyon',
		address: `${index} rue de la République`,
		address2: null,
		address3: null,
		zip: '69002',
		phone: '0235000000',
		mobile: '0600000000',
		lang: 'fr',
		birthday: null,
		gender: index % 2 ? 'male' : 'female',
		createdAt: '2017-04-12T08:10:19+0000',
		updatedAt: '2017-04-12T10:10:35+0000',
		isFan: '0',
		isFollow: '0',
		isFanLinkedin: '0',
		isBuyer: String(index % 3 === 0 ? 1 : 0),
		actionCount: '0',
		lastActionDt: null,
		lastOrderDt: null,
		cagnotteAmount: null,
		externalId: null,
		company: '',
		fonction: '',
		tags: index % 4 ? ['tag1', 'tag2'] : '',
	};
}

/** SPREAD `GET /api/v2/customers?startAt=&maxResults=` (≤5000) over `total` generated customers, HTTP Basic. */
export function startSpreadCustomersServer(total: number): Promise<VendorServer> {
	return startVendorServer((request) => {
		const expected = `Basic ${Buffer.from(`${SPREAD_AUTH.user}:${SPREAD_AUTH.password}`).toString('base64')}`;
		if (request.headers.authorization !== expected) return { status: 401, body: { error: 'Invalid credentials' } };
		if (request.method !== 'GET' || !request.path.endsWith('/api/v2/customers')) return { status: 404, body: { error: 'Not found' } };
		const startAt = Math.max(0, Number(request.query.get('startAt') ?? 0));
		const maxResults = Math.min(SPREAD_MAX_RESULTS, Math.max(1, Number(request.query.get('maxResults') ?? 25)));
		const end = Math.min(total, startAt + maxResults);
		const customers = [];
		for (let index = startAt; index < end; index++) customers.push(spreadCustomer(index));
		const nextPageUrl = end < total ? `http://social-sb.com/api/v2/customers?maxResults=${maxResults}&startAt=${end}` : null;
		return { body: { customers, count: customers.length, nextPageUrl } };
	});
}

export interface CustomersServer {
	server: VendorServer;
	/** The API root: `<url>/api/v2`. */
	apiRoot: string;
	auth: { user: string; password: string };
	/** Which server answered: the SPREAD vendor's own test server or the stand-in above. */
	source: string;
}

/** SPREAD with `total` customers: the vendor's own test server (test/servers/spread.ts) when present, else the stand-in. */
export async function startSpreadCustomers(total: number): Promise<CustomersServer> {
	const vendorServer = join(__dirname, '../../test/servers/spread.ts');
	if (existsSync(vendorServer)) {
		const { startSpreadServer } = loadModule(vendorServer) as {
			startSpreadServer?: (options: { customers: number; publicKey: string; privateKey: string }) => Promise<VendorServer & { baseUrl: string }>;
		};
		if (startSpreadServer) {
			const server = await startSpreadServer({ customers: total, publicKey: SPREAD_AUTH.user, privateKey: SPREAD_AUTH.password });
			return { server, apiRoot: server.baseUrl, auth: SPREAD_AUTH, source: 'test/servers/spread.ts' };
		}
	}
	const server = await startSpreadCustomersServer(total);
	return { server, apiRoot: `${server.url}/api/v2`, auth: SPREAD_AUTH, source: 'scripts/bench/servers.ts stand-in' };
}
