import { createHash } from 'node:crypto';

import type { Sandbox } from './sandbox';
import { startVendorServer } from './vendorServer';
import type { RecordedRequest, Reply, VendorServer } from './vendorServer';

/**
 * A local InfluencerSoft (help.influencersoft.com "API"): POST /api/{Method}, form-encoded, JSON
 * answers {error_code, error_text, result, hash}. API 2.0 (lowercase) methods need the rpsKey form
 * field; legacy (CamelCase) methods need hash = md5(http_build_query(params)::login::key), which this
 * server re-derives from what it parsed, the way PHP does. Every answer is signed md5(code::text::key).
 */

export const DEMO_LOGIN = 'demoshop';
export const DEMO_API_KEY = 'demo-Key*2024~secret';

type Php = string | Php[] | { [key: string]: Php };
type PhpObject = { [key: string]: Php };

// ---- PHP's side of the wire, written independently of the node's encoder ----

/** PHP urlencode(), byte by byte. */
function phpUrlencode(text: string): string {
	let out = '';
	for (const byte of Buffer.from(text, 'utf8')) {
		const char = String.fromCharCode(byte);
		if (/[A-Za-z0-9_.-]/.test(char)) out += char;
		else if (byte === 0x20) out += '+';
		else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/** http_build_query() over what PHP parsed: insertion order, nested keys as a[b][c]. */
export function httpBuildQuery(data: PhpObject): string {
	const parts: string[] = [];
	const add = (prefix: string, value: Php) => {
		if (typeof value === 'string') parts.push(`${phpUrlencode(prefix)}=${phpUrlencode(value)}`);
		else if (Array.isArray(value)) value.forEach((child, index) => add(`${prefix}[${index}]`, child));
		else for (const key of Object.keys(value)) add(`${prefix}[${key}]`, value[key]);
	};
	for (const key of Object.keys(data)) add(key, data[key]);
	return parts.join('&');
}

/** PHP's parse_str() as $_POST sees it. */
export function parsePhpBody(body: string): PhpObject {
	const root: PhpObject = {};
	for (const pair of body.split('&').filter(Boolean)) {
		const [rawKey, ...rest] = pair.split('=');
		const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
		const key = decode(rawKey);
		const value = decode(rest.join('='));
		const base = key.split('[')[0];
		const path = [base, ...[...key.slice(base.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1])];
		let node: { [key: string]: Php } = root;
		path.forEach((segment, depth) => {
			const name = segment === '' ? String(Object.keys(node).length) : segment;
			if (depth === path.length - 1) node[name] = value;
			else {
				if (typeof node[name] !== 'object') node[name] = {};
				node = node[name] as { [key: string]: Php };
			}
		});
	}
	return root;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

// ---- the account ----

export interface Group {
	rass_name: string;
	rass_title: string;
}

export interface Lead {
	email: string;
	fields: Record<string, string>;
	tags: Set<string>;
	groups: Map<string, { status: string; since: string }>;
}

export interface Good {
	good_id: string;
	good_name: string;
	good_title: string;
	good_sum: string;
	good_type: string;
}

export interface Order {
	bill_id: string;
	email: string;
	status: string;
	goods: Array<{ good_name: string; good_sum: string }>;
	fields: Record<string, string>;
	date?: string;
	rpo?: string;
}

export interface AccountState {
	groups: Group[];
	leads: Map<string, Lead>;
	goods: Good[];
	orders: Map<string, Order>;
	nextBillId: number;
}

export function demoState(): AccountState {
	const leads = new Map<string, Lead>();
	leads.set('ann@example.com', {
		email: 'ann@example.com',
		fields: { lead_first_name: 'Ann', lead_last_name: 'Lee' },
		tags: new Set(['vip']),
		groups: new Map([['1594725950.5982672784', { status: 'STATUS_SUBSCRIBE', since: '2024-03-01 10:00:00' }]]),
	});
	leads.set('loner@example.com', { email: 'loner@example.com', fields: {}, tags: new Set(), groups: new Map() });
	return {
		groups: [
			{ rass_name: '1594725950.5982672784', rass_title: 'Newsletter' },
			{ rass_name: '1605870811.1867176380', rass_title: 'Customers' },
			{ rass_name: '1534723950.5982672783', rass_title: 'Webinar leads' },
		],
		leads,
		goods: [
			{ good_id: '11', good_name: 'course-basic', good_title: 'Basic course', good_sum: '49.00', good_type: '0' },
			{ good_id: '12', good_name: 'course-pro', good_title: 'Pro course', good_sum: '199.50', good_type: '0' },
			{ good_id: '13', good_name: 'book-print', good_title: 'Printed book', good_sum: '25.00', good_type: '1' },
		],
		orders: new Map([['1000', { bill_id: '1000', email: 'ann@example.com', status: 'new', goods: [{ good_name: 'course-basic', good_sum: '49.00' }], fields: {} }]]),
		nextBillId: 1001,
	};
}

class ApiError extends Error {
	constructor(
		readonly code: number,
		text: string,
		readonly result: unknown = [],
	) {
		super(text);
	}
}

const str = (value: Php | undefined) => (typeof value === 'string' ? value : '');
const list = (value: Php | undefined): Php[] => (Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type MethodHandler = (fields: PhpObject, state: AccountState) => unknown;

function requireGroup(state: AccountState, id: string): Group {
	const group = state.groups.find((candidate) => candidate.rass_name === id);
	if (!group) throw new ApiError(103, 'A non-existent group was passed in the request');
	return group;
}

const METHODS: Record<string, MethodHandler> = {
	addupdatelead(fields, state) {
		const email = str(fields.lead_email);
		if (email !== '' && !EMAIL.test(email)) throw new ApiError(600, 'Invalid contact email');
		const key = email !== '' ? email : `no-email-${state.leads.size + 1}`;
		const splitList = (value: Php | undefined) => str(value).split(',').map((entry) => entry.trim()).filter(Boolean);
		const adding = splitList(fields.add_to_lists);
		const removing = splitList(fields.remove_from_lists);
		[...adding, ...removing].forEach((id) => requireGroup(state, id));
		const lead = state.leads.get(key) ?? { email, fields: {} as Record<string, string>, tags: new Set<string>(), groups: new Map() };
		for (const [name, value] of Object.entries(fields)) if (name.startsWith('lead_') && typeof value === 'string') lead.fields[name] = value;
		for (const id of adding) lead.groups.set(id, { status: 'STATUS_SUBSCRIBE', since: '2026-11-30 12:00:00' });
		for (const id of removing) lead.groups.delete(id);
		for (const tag of splitList(fields.add_tags)) lead.tags.add(tag);
		for (const tag of splitList(fields.remove_tags)) lead.tags.delete(tag);
		state.leads.set(key, lead);
		return [];
	},
	AddLeadToGroup(fields, state) {
		const email = str(fields.lead_email);
		if (email === '') throw new ApiError(100, 'No contact email in the parameters');
		const ids = list(fields.rid).map((id) => str(id));
		if (ids.length === 0) throw new ApiError(3, 'Wrong request parameters');
		ids.forEach((id) => requireGroup(state, id));
		const lead = state.leads.get(email) ?? { email, fields: {} as Record<string, string>, tags: new Set<string>(), groups: new Map() };
		if (ids.every((id) => lead.groups.has(id))) throw new ApiError(102, 'The contact is already in all the groups passed');
		for (const id of ids) lead.groups.set(id, { status: fields.activation === '1' ? 'STATUS_WAIT' : 'STATUS_SUBSCRIBE', since: '2026-11-30 12:00:00' });
		if (str(fields.lead_name)) lead.fields.lead_name = str(fields.lead_name);
		state.leads.set(email, lead);
		return [];
	},
	DeleteSubscribe(fields, state) {
		const lead = state.leads.get(str(fields.lead_email));
		if (!lead) throw new ApiError(801, 'The contact with this email was not found');
		const group = str(fields.rass_name);
		if (!state.groups.some((candidate) => candidate.rass_name === group)) throw new ApiError(800, 'The contact group was not found');
		lead.groups.delete(group);
		return [];
	},
	GetLeadGroupStatuses(fields, state) {
		const lead = state.leads.get(str(fields.email));
		if (!lead) throw new ApiError(500, 'No contact with this email exists');
		if (lead.groups.size === 0) throw new ApiError(501, 'The contact is not in any group');
		return [...lead.groups].map(([id, membership]) => ({
			rass_name: id,
			rass_title: state.groups.find((group) => group.rass_name === id)?.rass_title ?? id,
			rass_status: membership.status,
			subscription_time: membership.since,
		}));
	},
	GetAllGroups: (_fields, state) => state.groups.map((group) => ({ ...group })),
	GetCountSubscribe(fields, state) {
		const id = str(fields.group_name);
		if (id === 'all') return state.leads.size;
		if (id === 'unique') return [...state.leads.values()].filter((lead) => [...lead.groups.values()].some((m) => m.status === 'STATUS_SUBSCRIBE')).length;
		if (!state.groups.some((group) => group.rass_name === id)) throw new ApiError(800, 'The contact group was not found');
		return [...state.leads.values()].filter((lead) => lead.groups.has(id)).length;
	},
	createorder(fields, state) {
		const email = str(fields.customer_email);
		if (!EMAIL.test(email)) throw new ApiError(600, 'Invalid customer email');
		const goods = list(fields.goods).map((good) => (typeof good === 'object' && !Array.isArray(good) ? good : {}));
		if (goods.length === 0) throw new ApiError(603, 'There are no products in the order');
		const lines = goods.map((good) => {
			const known = state.goods.find((candidate) => candidate.good_name === str(good.good_name));
			if (!known) throw new ApiError(604, 'There is no product with this id in your shop', { good_name: str(good.good_name) });
			return { good_name: known.good_name, good_sum: str(good.good_sum) || known.good_sum };
		});
		const signature = JSON.stringify(lines);
		const existing = [...state.orders.values()].find((order) => order.email === email && order.status === 'new' && JSON.stringify(order.goods) === signature);
		if (existing) throw new ApiError(601, 'This order already exists', { bill_id: existing.bill_id });
		const billId = String(state.nextBillId++);
		const orderFields: Record<string, string> = {};
		for (const [name, value] of Object.entries(fields)) if (typeof value === 'string') orderFields[name] = value;
		state.orders.set(billId, { bill_id: billId, email, status: 'new', goods: lines, fields: orderFields });
		return { bill_id: billId };
	},
	UpdateOrderStatus(fields, state) {
		const billId = str(fields.bill_id);
		if (billId === '') throw new ApiError(203, 'No order number was passed');
		const order = state.orders.get(billId);
		if (!order) throw new ApiError(302, 'A non-existent order number was passed');
		const status = str(fields.status);
		if (!['sent', 'paid', 'return', 'cancel'].includes(status)) throw new ApiError(303, 'There is no such order status');
		if ((status === 'sent' || status === 'paid') && !/^\d+$/.test(str(fields.date))) throw new ApiError(3, 'Wrong request parameters');
		if (status === 'sent' && str(fields.rpo) === '') throw new ApiError(3, 'Wrong request parameters');
		Object.assign(order, { status, date: str(fields.date) || undefined, rpo: str(fields.rpo) || undefined });
		return [];
	},
	DeleteOrder(fields, state) {
		if (!state.orders.delete(str(fields.bill_id))) throw new ApiError(302, 'A non-existent order number was passed');
		return [];
	},
	GetAllGoods(_fields, state) {
		if (state.goods.length === 0) throw new ApiError(700, 'There are no products in the shop');
		return state.goods.map((good) => ({ ...good }));
	},
	// The answer's shape is not documented: this one only echoes the period with demo figures.
	GetPartnerStats(fields) {
		if (str(fields.partner) !== 'partner-ann') throw new ApiError(3, 'Wrong request parameters');
		const day = /^\d{4}-\d{2}-\d{2}$/;
		if (!day.test(str(fields.date_from)) || !day.test(str(fields.date_to))) throw new ApiError(3, 'Wrong request parameters');
		return { partner: 'partner-ann', date_from: str(fields.date_from), date_to: str(fields.date_to), orders: 3, paid: 2, fee: '39.90' };
	},
	DeleteGood(fields, state) {
		const index = state.goods.findIndex((good) => good.good_name === str(fields.good_name));
		if (index === -1) throw new ApiError(604, 'There is no product with this id in your shop');
		state.goods.splice(index, 1);
		return [];
	},
};

export interface InfluencerSoftServer extends VendorServer {
	state: AccountState;
	login: string;
	apiKey: string;
	/** The parsed form fields of each call to a method, in order. */
	fieldsOf(method: string): PhpObject[];
	/** Makes the next answers carry a wrong signature. */
	tamperResponses(times?: number): void;
	/** Refuses the next calls unprocessed with error 8, "request limit from this address exhausted". */
	refuseOverLimit(times?: number): void;
	/** Calls refused with error 8 since the last reset. */
	limitRefusals(): number;
}

export async function startInfluencerSoftServer(options: { login?: string; apiKey?: string; state?: AccountState } = {}): Promise<InfluencerSoftServer> {
	const login = options.login ?? DEMO_LOGIN;
	const apiKey = options.apiKey ?? DEMO_API_KEY;
	const state = options.state ?? demoState();
	const tamper = { remaining: 0 };
	const limit = { toRefuse: 0, refused: 0 };

	const answer = (code: number, text: string, result: unknown): Reply => {
		const hash = md5(`${code}::${text}::${apiKey}`);
		return { body: { error_code: code, error_text: text, result, hash: tamper.remaining-- > 0 ? md5(`forged${hash}`) : hash } };
	};

	const handle = (request: RecordedRequest): Reply => {
		const method = request.path.replace(/^\/api\//, '');
		const handler = request.path.startsWith('/api/') ? METHODS[method] : undefined;
		if (!handler || request.method !== 'POST') {
			return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>404 Not Found</h1></body></html>' };
		}
		if (!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
			return answer(2, 'No request parameters were passed', []);
		}
		if (limit.toRefuse > 0) {
			limit.toRefuse--;
			limit.refused++;
			return answer(8, 'Request limit from this IP address exhausted', []);
		}
		const fields = parsePhpBody(request.body);
		const legacy = /^[A-Z]/.test(method);
		if (legacy) {
			const { hash, ...params } = fields;
			if (typeof hash !== 'string' || hash === '') return answer(1, 'No request hash signature was passed', []);
			if (hash !== md5(`${httpBuildQuery(params)}::${login}::${apiKey}`)) return answer(4, 'The request hash signature is wrong', []);
		} else if (str(fields.rpsKey) !== apiKey || request.query.has('rpsKey')) {
			return answer(4, 'Wrong API key', []);
		}
		try {
			return answer(0, 'OK', handler(fields, state));
		} catch (error) {
			if (error instanceof ApiError) return answer(error.code, error.message, error.result);
			return { status: 500, body: `test server bug: ${(error as Error).message}` };
		}
	};

	const server = await startVendorServer(handle);
	const resetServer = server.reset.bind(server);
	return Object.assign(server, {
		reset: () => {
			resetServer();
			limit.toRefuse = 0;
			limit.refused = 0;
		},
		state,
		login,
		apiKey,
		fieldsOf: (method: string) => server.requestsTo(`/api/${method}`).map((request) => parsePhpBody(request.body)),
		tamperResponses: (times = 1) => {
			tamper.remaining = times;
		},
		refuseOverLimit: (times = 1) => {
			limit.toRefuse = times;
		},
		limitRefusals: () => limit.refused,
	});
}

/** The demo account for `npm start` and the real-n8n tests. */
export async function startSandbox(): Promise<Sandbox> {
	const server = await startInfluencerSoftServer();
	return {
		vendor: 'InfluencerSoft',
		url: server.url,
		credentials: [
			{
				id: 'influencersoft-sandbox',
				name: 'InfluencerSoft sandbox',
				type: 'influencerSoftApi',
				data: { login: server.login, apiKey: server.apiKey, customDomain: server.url },
			},
		],
		close: () => server.close(),
	};
}
