import type { Sandbox } from './sandbox';
import type { RecordedRequest, Reply, VendorServer } from './vendorServer';
import { startVendorServer } from './vendorServer';

/**
 * A local SPREAD API v2 (https://social-sb.com/api/v2), as the vendor documents it: Basic auth with the
 * public and private keys, `{"customer": {…}}` bodies, flags and counts as strings, `tags` an array or "",
 * lists paged by `startAt` / `maxResults` (default 25, at most 5000) with an `http://` nextPageUrl, and the
 * customer filters of the document (note `createBefore`). Errors come as `{"error": "…"}` with a 4xx status.
 */
export type SpreadRecord = Record<string, unknown>;

export interface SpreadServerOptions {
	publicKey?: string;
	privateKey?: string;
	/** How many generated customers to start with. */
	customers?: number;
	/** The server's clock (ms), so tests can move time on. */
	now?: () => number;
	/**
	 * Customers' createdAt / updatedAt (and the other resources' stamps) written without an offset (`2024-06-01 10:00:00`), as a clock in this zone
	 * shows them (e.g. 'Etc/GMT+5' for UTC−5), and the date filters read in it: a SPREAD whose zone is not the one
	 * a client assumes. Absent: `+0000` stamps, as documented.
	 */
	stampZone?: string;
	/** Whether orders show their createdAt / updatedAt (the order document lists neither; the filters still use them). */
	orderStamps?: boolean;
}

export interface SpreadServer extends VendorServer {
	/** The API root to put in the credential: `<url>/api/v2`. */
	baseUrl: string;
	publicKey: string;
	privateKey: string;
	customers: Map<string, SpreadRecord>;
	campaigns: SpreadRecord[];
	orders: SpreadRecord[];
	sponsorships: SpreadRecord[];
	cagnotteLines: SpreadRecord[];
	customEvents: Array<{ customerId: string; event: SpreadRecord }>;
	/** APIv1 order calls that took effect, with the fields as received. */
	ordersWritten: Array<{ method: string; data: Record<string, string>; customFields: Record<string, string> }>;
	/** Adds a customer as SPREAD would create it; returns it. */
	addCustomer(fields: SpreadRecord): SpreadRecord;
	/** Changes a customer as a SPREAD user would in the back office (updatedAt moves to now). */
	touchCustomer(id: string, fields?: SpreadRecord): SpreadRecord;
	/** Adds an order as a shop would (stamped now); returns it. */
	addOrder(fields: SpreadRecord): SpreadRecord;
	/** Changes an order (updatedAt moves to now). */
	touchOrder(orderId: string, fields: SpreadRecord): SpreadRecord;
	/** Adds a sponsorship (stamped now); returns it. */
	addSponsorship(fields: SpreadRecord): SpreadRecord;
	/** Moves the server's clock (used when `now` was not given). */
	advanceClock(ms: number): void;
}

export const SPREAD_API_PATH = '/api/v2';
/** APIv1 sits one level up: `/api/CreateOrder`. */
export const SPREAD_API_V1_PATH = '/api';
const API_V1_METHODS = new Set(['CreateOrder', 'UpdateOrder']);
/** The `data[…]` fields of an APIv1 order call (the customer fields of the public client, and the order's). */
const API_V1_ORDER_FIELDS = new Set([
	'customer_email', 'customer_firstname', 'customer_name', 'customer_birthday', 'customer_gender', 'customer_isoptin', 'customer_address',
	'customer_cp', 'customer_city', 'customer_country', 'customer_tel', 'customer_mobile', 'customer_company', 'customer_fonction', 'group',
	'add_tag', 'customer_cookie', 'action', 'order_amount', 'order_idorder', 'date', 'order_state',
]);
const MAX_RESULTS = 5000;

const PAGING = ['startAt', 'maxResults'];
const DATE_PARAMETERS = ['createdAfter', 'createBefore', 'modifiedAfter', 'modifiedBefore'];
/** The query parameters each list documents; any other is refused (400), as a strict SPREAD would. */
const LIST_PARAMETERS: Record<string, string[]> = {
	customers: [
		...PAGING, ...DATE_PARAMETERS, 'email', 'lastName', 'firstName', 'zipcode', 'city', 'country', 'phoneNumber', 'mobilePhoneNumber',
		'caseInsensitive', 'showCustomFields', 'externalId', 'ids',
	],
	// The campaign list documents paging only.
	campaigns: PAGING,
	// As spelled by the document: operartionId.
	sponsorships: [...PAGING, ...DATE_PARAMETERS, 'operartionId', 'url'],
	cagnottes: PAGING,
	orders: [...PAGING, ...DATE_PARAMETERS],
};
const DEFAULT_MAX_RESULTS = 25;

/** SPREAD's customer timestamps: `2018-04-10T14:15:48+0000`. */
export function spreadTimestamp(time: number): string {
	return new Date(Math.floor(time / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** Other resources use `2018-01-08 08:22:58`, in a zone the document does not name (UTC, or stampZone). */
function plainTimestamp(time: number): string {
	return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

/** A zone-less `YYYY-MM-DD HH:MM:SS` for an instant, as a clock in `timeZone` shows it. */
function wallClockStamp(time: number, timeZone: string): string {
	// Swedish writes dates as ISO does.
	return new Intl.DateTimeFormat('sv-SE', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
		.format(new Date(Math.floor(time / 1000) * 1000));
}

/** The instant a stamp names; one without an offset is a clock in `timeZone`. */
function parseTimestamp(value: unknown, timeZone = 'UTC'): number {
	const text = String(value).trim().replace(' ', 'T');
	if (/(Z|[+-]\d{2}:?\d{2})$/.test(text)) return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	const asUtc = Date.parse(`${text}Z`);
	return asUtc - (Date.parse(`${wallClockStamp(asUtc, timeZone).replace(' ', 'T')}Z`) - asUtc);
}

const FIRST_NAMES = ['Jean', 'Marie', 'Luc', 'Chloé', 'Hélène', 'Noël', 'Zoé', 'François', 'Inès', 'Mathis'];
const LAST_NAMES = ['Dupont', 'Martin', 'Lefèvre', "D'Arcy", 'Garçon', 'Moreau', 'Bernard', 'Petit', 'Roux', 'Fournier'];
const CITIES: Array<[string, string, string]> = [
	['Paris', '75011', 'FR'],
	['Lyon', '69003', 'FR'],
	['Bruxelles', '1000', 'BE'],
	['Genève', '1201', 'CH'],
	['Lille', '59000', 'FR'],
];

const CUSTOMER_FIELDS = [
	'lastName', 'firstName', 'email', 'country', 'city', 'address', 'address2', 'address3', 'zip', 'phone', 'mobile', 'lang',
	'birthday', 'gender', 'isFan', 'isFollow', 'isFanLinkedin', 'isBuyer', 'externalId', 'company', 'fonction',
];

export async function startSpreadServer(options: SpreadServerOptions = {}): Promise<SpreadServer> {
	const publicKey = options.publicKey ?? 'pub-0123456789abcdef';
	const privateKey = options.privateKey ?? 'priv-S3cr3t/Key+&=';
	let clockOffset = 0;
	const now = options.now ?? (() => Date.now() + clockOffset);
	const stampZone = options.stampZone;
	const customerStamp = (time: number) => (stampZone ? wallClockStamp(time, stampZone) : spreadTimestamp(time));
	const stampPlain = (time: number) => (stampZone ? wallClockStamp(time, stampZone) : plainTimestamp(time));
	const customers = new Map<string, SpreadRecord>();
	const customFieldsById = new Map<string, Record<string, string>>();
	let nextCustomerId = 123456;
	const expectedAuth = `Basic ${Buffer.from(`${publicKey}:${privateKey}`).toString('base64')}`;

	const campaigns: SpreadRecord[] = [
		{ id: '12345', operationId: '54321', name: 'Instant gagnant hiver', backofficeName: 'Instant gagnant', url: 'instant-gagnant', type: 'instantwinner', lang: 'fr', createdAt: '2018-01-08 08:22:58', updatedAt: '2018-06-14 12:39:46', dateStart: null },
		{ id: '12346', operationId: '5431', name: 'Concours photos', backofficeName: 'Concours photo numéro 2', url: 'concours-photos', type: 'contest', lang: 'fr', createdAt: '2018-01-08 08:23:32', updatedAt: '2018-06-14 12:39:41', dateStart: null },
		{ id: '12347', operationId: '54321', name: 'Parrainage printemps', backofficeName: 'Parrainage', url: 'parrainage', type: 'sponsorship', lang: 'fr', createdAt: '2019-03-01 09:00:00', updatedAt: '2019-03-02 10:00:00', dateStart: '2019-03-05 00:00:00' },
	];
	const orders: SpreadRecord[] = [];
	const sponsorships: SpreadRecord[] = [];
	const cagnotteLines: SpreadRecord[] = [];
	const customEvents: Array<{ customerId: string; event: SpreadRecord }> = [];
	const ordersWritten: SpreadServer['ordersWritten'] = [];

	const presentCustomer = (customer: SpreadRecord, showCustomFields: boolean): SpreadRecord => {
		const shown = { ...customer };
		const tags = customer.tags as string[];
		shown.tags = tags.length ? [...tags] : '';
		if (showCustomFields) shown.custom_fields = { ...(customFieldsById.get(String(customer.id)) ?? {}) };
		return shown;
	};

	const addCustomer = (fields: SpreadRecord): SpreadRecord => {
		const id = String(fields.id ?? nextCustomerId++);
		const stamp = customerStamp(now());
		const customer: SpreadRecord = {
			id,
			lastName: null, firstName: null, email: null, country: null, city: null, address: null, address2: null, address3: null,
			zip: null, phone: null, mobile: null, lang: 'fr', birthday: null, gender: null,
			createdAt: stamp, updatedAt: stamp,
			isFan: '0', isFollow: '0', isFanLinkedin: '0', isBuyer: '0', actionCount: '0', lastActionDt: null, lastOrderDt: null,
			cagnotteAmount: null, externalId: null, company: '', fonction: '', tags: [], status: 'Statut bronze',
		};
		applyFields(customer, fields);
		for (const key of ['createdAt', 'updatedAt'] as const) if (fields[key]) customer[key] = fields[key];
		customers.set(id, customer);
		return customer;
	};

	const applyFields = (customer: SpreadRecord, fields: SpreadRecord) => {
		for (const key of CUSTOMER_FIELDS) if (fields[key] !== undefined) customer[key] = fields[key];
		if (Array.isArray(fields.tags)) customer.tags = [...new Set([...(customer.tags as string[]), ...fields.tags.map(String)])];
		if (fields.custom_fields && typeof fields.custom_fields === 'object') {
			const id = String(customer.id);
			customFieldsById.set(id, { ...(customFieldsById.get(id) ?? {}), ...(fields.custom_fields as Record<string, string>) });
		}
	};

	const touchCustomer = (id: string, fields: SpreadRecord = {}) => {
		const customer = customers.get(id);
		if (!customer) throw new Error(`no customer ${id}`);
		applyFields(customer, fields);
		customer.updatedAt = customerStamp(now());
		return customer;
	};

	// Generated demo customers: created one minute apart, ending an hour ago.
	const generated = options.customers ?? 0;
	const start = now() - 3600_000 - generated * 60_000;
	for (let index = 0; index < generated; index++) {
		const [city, zip, country] = CITIES[index % CITIES.length];
		const firstName = FIRST_NAMES[index % FIRST_NAMES.length];
		const lastName = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
		const created = customerStamp(start + index * 60_000);
		const customer = addCustomer({
			firstName, lastName, city, zip, country,
			email: `customer${index + 1}@example.com`,
			phone: `0235${String(index).padStart(6, '0')}`,
			mobile: `06${String(index).padStart(8, '0')}`,
			gender: index % 2 ? 'male' : 'female',
			isBuyer: index % 3 === 0 ? '1' : '0',
			externalId: `EXT-${index + 1}`,
			tags: index % 4 === 0 ? ['vip'] : [],
			createdAt: created,
			updatedAt: created,
		});
		if (index % 5 === 0) customFieldsById.set(String(customer.id), { '34567': 'Sport:Basket', '56789': 'Logement:Appartement' });
	}
	for (let index = 0; index < Math.min(generated, 30); index++) {
		const customerId = String(123456 + index);
		const ordered = stampPlain(start + index * 60_000);
		orders.push({ id: String(9000 + index), amount: String(20 + index), customerId, orderId: `CMD-${1000 + index}`, status: '10', tags: [], attributes: {}, createdAt: ordered, updatedAt: ordered });
		if (index > 0) {
			sponsorships.push({
				id: String(671487 + index), campaignId: index % 2 ? '12347' : '12345', godfatherId: '123456', godsonId: customerId,
				sponsorshipValidated: index % 2 ? '1' : '0', createdAt: stampPlain(Date.UTC(2020, 0, index)), updatedAt: stampPlain(Date.UTC(2020, 0, index, 12)), validatedAt: null,
			});
		}
	}

	const error = (status: number, message: string): Reply => ({ status, body: { error: message } });

	const presentOrder = (order: SpreadRecord): SpreadRecord => {
		if (options.orderStamps !== false) return order;
		const shown = { ...order };
		delete shown.createdAt;
		delete shown.updatedAt;
		return shown;
	};
	let nextOrderId = 9500;
	const addOrder = (fields: SpreadRecord): SpreadRecord => {
		const stamp = stampPlain(now());
		const order: SpreadRecord = { id: String(nextOrderId++), amount: '10', customerId: '123456', orderId: `SHOP-${nextOrderId}`, status: '10', tags: [], attributes: {}, createdAt: stamp, updatedAt: stamp, ...fields };
		orders.push(order);
		return order;
	};
	const touchOrder = (orderId: string, fields: SpreadRecord): SpreadRecord => {
		const order = orders.find((entry) => entry.orderId === orderId);
		if (!order) throw new Error(`no order ${orderId}`);
		return Object.assign(order, fields, { updatedAt: stampPlain(now()) });
	};
	let nextSponsorshipId = 680000;
	const addSponsorship = (fields: SpreadRecord): SpreadRecord => {
		const stamp = stampPlain(now());
		const sponsorship: SpreadRecord = {
			id: String(nextSponsorshipId++), campaignId: '12347', godfatherId: '123456', godsonId: '123457', sponsorshipValidated: '0',
			createdAt: stamp, updatedAt: stamp, validatedAt: null, ...fields,
		};
		sponsorships.push(sponsorship);
		return sponsorship;
	};

	const route = (request: RecordedRequest): Reply => {
		const v1Method = request.path.slice(SPREAD_API_V1_PATH.length + 1);
		if (request.path.startsWith(`${SPREAD_API_V1_PATH}/`) && API_V1_METHODS.has(v1Method)) return apiV1(request, v1Method);
		if (request.headers.authorization !== expectedAuth) return error(401, 'Authentication failed: invalid public or private key.');
		if (!request.path.startsWith(SPREAD_API_PATH)) return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>404 Not Found</h1></body></html>' };
		const path = request.path.slice(SPREAD_API_PATH.length).replace(/\/+$/, '') || '/';
		const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
		let body: SpreadRecord = {};
		if (request.body !== '') {
			if (!String(request.headers['content-type'] ?? '').includes('application/json')) return error(400, 'Invalid payload: JSON expected.');
			try {
				body = JSON.parse(request.body) as SpreadRecord;
			} catch {
				return error(400, 'Invalid payload: JSON expected.');
			}
		}
		const [resource, id, extra] = segments;
		const method = request.method;

		if (resource === 'customers') {
			if (method === 'GET' && id === undefined) return listCustomers(request.query);
			if (method === 'GET' && extra === undefined) {
				const customer = customers.get(id);
				return customer ? { body: { customer: presentCustomer(customer, true) } } : error(404, 'Customer not found.');
			}
			if (method === 'POST' && id === undefined) return createCustomer(body.customer as SpreadRecord | undefined);
			if (method === 'PUT' && id === 'email' && extra === 'update') return updateEmail(body.customer as SpreadRecord | undefined);
			if (method === 'PUT' && extra === undefined) return updateCustomer(id, body.customer as SpreadRecord | undefined);
			if (method === 'DELETE' && extra === undefined) {
				if (!customers.delete(id)) return error(404, 'Customer not found.');
				return { body: { response: 'Customer deleted.' } };
			}
		}
		if (method === 'GET' && id === undefined && resource in LIST_PARAMETERS) {
			const unknown = [...request.query.keys()].find((param) => !LIST_PARAMETERS[resource].includes(param));
			if (unknown !== undefined) return error(400, `Unknown parameter "${unknown}" for /${resource}.`);
		}
		if (resource === 'campaigns' && method === 'GET') {
			if (id === undefined) return listOf('campaigns', campaigns, request.query);
			const campaign = campaigns.find((entry) => entry.id === id);
			// The document shows a single campaign wrapped in an array.
			return campaign ? { body: { campaign: [campaign] } } : error(404, 'Campaign not found.');
		}
		if (resource === 'orders' && method === 'GET') {
			if (id === undefined) return listOf('orders', filterByDates(orders, request.query).map(presentOrder), request.query);
			const order = orders.find((entry) => entry.orderId === id);
			return order ? { body: { order: presentOrder(order) } } : error(404, 'Order not found.');
		}
		if (resource === 'sponsorships' && method === 'GET' && id === undefined) {
			const operationId = request.query.get('operartionId');
			const wanted = filterByDates(sponsorships, request.query).filter((sponsorship) => {
				const campaign = campaigns.find((entry) => entry.id === sponsorship.campaignId);
				return (!operationId || campaign?.operationId === operationId) && (!request.query.get('url') || campaign?.url === request.query.get('url'));
			});
			return listOf('sponsorships', wanted, request.query);
		}
		if (resource === 'cagnottes' && id === undefined) {
			if (method === 'GET') return listOf('cagnottes', cagnotteLines, request.query);
			if (method === 'POST') return addToCagnotte(body);
		}
		if (resource === 'customers-custom-events' && method === 'POST' && id !== undefined && extra === undefined) {
			if (!customers.has(id)) return error(404, 'Customer not found.');
			const event = body.customerCustomEvent as SpreadRecord | undefined;
			if (!event || typeof event.type !== 'string' || event.type === '') return error(400, 'customerCustomEvent.type is required.');
			const stored = { id: String(customEvents.length + 1), customerId: id, type: event.type, date: event.date ?? stampPlain(now()), metadata: event.metadata ?? {} };
			customEvents.push({ customerId: id, event: stored });
			return { body: { customerCustomEvent: stored } };
		}
		return error(404, `No route for ${method} ${path}.`);
	};

	const pageParams = (query: URLSearchParams): { startAt: number; maxResults: number } | { failed: Reply } => {
		const startAt = Number(query.get('startAt') ?? 0);
		const maxResults = Number(query.get('maxResults') ?? DEFAULT_MAX_RESULTS);
		if (!Number.isInteger(startAt) || startAt < 0) return { failed: error(400, 'startAt must be a positive integer.') };
		if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS) {
			return { failed: error(400, `maxResults must be between 1 and ${MAX_RESULTS}.`) };
		}
		return { startAt, maxResults };
	};

	const listOf = (key: string, records: SpreadRecord[], query: URLSearchParams): Reply => {
		const paging = pageParams(query);
		if ('failed' in paging) return paging.failed;
		const page = records.slice(paging.startAt, paging.startAt + paging.maxResults);
		const next = paging.startAt + page.length;
		return {
			body: {
				[key]: page,
				count: page.length,
				// Always http:// and on the vendor's host, as the real API sends it.
				nextPageUrl: next < records.length ? `http://social-sb.com/api/v2/${key}?maxResults=${paging.maxResults}&startAt=${next}` : null,
			},
		};
	};

	const dateFilters: Array<[param: string, field: string, after: boolean]> = [
		['createdAfter', 'createdAt', true],
		['createBefore', 'createdAt', false],
		['modifiedAfter', 'updatedAt', true],
		['modifiedBefore', 'updatedAt', false],
	];

	function filterByDates(records: SpreadRecord[], query: URLSearchParams): SpreadRecord[] {
		let result = records;
		for (const [param, field, after] of dateFilters) {
			const raw = query.get(param);
			if (raw === null) continue;
			// The Decisions: dates go out as YYYY-mm-dd. Read strictly, and "after" a day as from the next day on (UTC, or stampZone).
			const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parseTimestamp(`${raw} 00:00:00`, stampZone) : NaN;
			if (Number.isNaN(day)) throw new DateFilterError(param, raw);
			result = result.filter((record) => {
				const time = parseTimestamp(record[field], stampZone);
				return after ? time >= day + 86_400_000 : time < day;
			});
		}
		return result;
	}

	const textFilters: Array<[param: string, field: string]> = [
		['email', 'email'], ['lastName', 'lastName'], ['firstName', 'firstName'], ['zipcode', 'zip'], ['city', 'city'], ['country', 'country'],
		['phoneNumber', 'phone'], ['mobilePhoneNumber', 'mobile'], ['externalId', 'externalId'],
	];

	function listCustomers(query: URLSearchParams): Reply {
		let records = filterByDates([...customers.values()], query);
		const caseInsensitive = query.get('caseInsensitive') === '1';
		const same = (a: unknown, b: string) => (caseInsensitive ? String(a ?? '').toLowerCase() === b.toLowerCase() : String(a ?? '') === b);
		for (const [param, field] of textFilters) {
			const wanted = query.get(param);
			if (wanted !== null) records = records.filter((customer) => same(customer[field], wanted));
		}
		const ids = query.get('ids');
		if (ids !== null) {
			const wanted = new Set(ids.split(','));
			records = records.filter((customer) => wanted.has(String(customer.id)));
		}
		const reply = listOf('customers', records, query);
		const showCustomFields = query.get('showCustomFields') === '1';
		const page = (reply.body as { customers?: SpreadRecord[] }).customers;
		if (page) (reply.body as { customers: SpreadRecord[] }).customers = page.map((customer) => presentCustomer(customer, showCustomFields));
		return reply;
	}

	function validateCustomerFields(fields: SpreadRecord): Reply | undefined {
		if (fields.gender !== undefined && fields.gender !== null && fields.gender !== 'male' && fields.gender !== 'female') return error(400, 'gender must be "male" or "female".');
		if (fields.birthday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(fields.birthday))) return error(400, 'birthday must be YYYY-mm-dd.');
		for (const flag of ['isFan', 'isFollow', 'isFanLinkedin', 'isBuyer']) {
			if (fields[flag] !== undefined && fields[flag] !== '1' && fields[flag] !== '0') return error(400, `${flag} must be 1 or 0.`);
		}
		if (fields.tags !== undefined && !Array.isArray(fields.tags)) return error(400, 'tags must be an array.');
		return undefined;
	}

	function createCustomer(fields: SpreadRecord | undefined): Reply {
		if (!fields || typeof fields.email !== 'string' || fields.email === '') return error(400, 'email is required.');
		const invalid = validateCustomerFields(fields);
		if (invalid) return invalid;
		const email = fields.email.toLowerCase();
		if ([...customers.values()].some((customer) => String(customer.email).toLowerCase() === email)) return error(409, 'A customer with this email already exists.');
		const writable = Object.fromEntries(Object.entries(fields).filter(([key]) => !['id', 'createdAt', 'updatedAt'].includes(key)));
		return { body: { customer: presentCustomer(addCustomer(writable), false) } };
	}

	function updateCustomer(id: string, fields: SpreadRecord | undefined): Reply {
		const customer = customers.get(id);
		if (!customer) return error(404, 'Customer not found.');
		if (!fields || typeof fields.email !== 'string' || fields.email === '') return error(400, 'email is required.');
		const invalid = validateCustomerFields(fields);
		if (invalid) return invalid;
		// The email identifies the profile here; changing it goes through /customers/email/update.
		const changes = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'email'));
		return { body: { customer: presentCustomer(touchCustomer(id, changes), false) } };
	}

	function updateEmail(fields: SpreadRecord | undefined): Reply {
		if (!fields?.old_email || !fields?.new_email) return error(400, 'old_email and new_email are required.');
		const customer = [...customers.values()].find((entry) => String(entry.email).toLowerCase() === String(fields.old_email).toLowerCase());
		if (!customer) return error(404, 'Customer not found.');
		return { body: { customer: presentCustomer(touchCustomer(String(customer.id), { email: fields.new_email }), false) } };
	}

	/**
	 * APIv1 CreateOrder / UpdateOrder, as the public PrestaShop client and the package's Decisions describe them:
	 * POST, Basic auth, a form body of `data[…]` fields (and `request[order_idorder]`), a JSON answer; bad keys
	 * answer `ERR-9003`. Unknown fields, a JSON body or another verb are refused, so the node's form is checked.
	 */
	function apiV1(request: RecordedRequest, method: string): Reply {
		if (request.method !== 'POST') return error(405, `${method} takes POST.`);
		if (request.headers.authorization !== expectedAuth) return { body: { error: 'ERR-9003', message: 'Invalid public or private key.' } };
		if (!String(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return error(400, 'Form data expected.');
		const data: Record<string, string> = {};
		const customFields: Record<string, string> = {};
		let requestOrderId: string | undefined;
		for (const [name, value] of new URLSearchParams(request.body)) {
			if (name === 'request[order_idorder]') {
				requestOrderId = value;
				continue;
			}
			const match = /^data\[([a-z_]+)\](?:\[(\d+)\])?$/.exec(name);
			if (match && match[1] === 'custom_fields' && match[2] !== undefined) customFields[match[2]] = value;
			else if (match && match[2] === undefined && API_V1_ORDER_FIELDS.has(match[1])) data[match[1]] = value;
			else return error(400, `Unknown parameter ${name}.`);
		}
		const problems = [
			...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(data.customer_email ?? '') ? [] : ['data[customer_email] must be an email address']),
			...((data.order_idorder ?? '') !== '' ? [] : ['data[order_idorder] is required']),
			...(/^\d+(\.\d+)?$/.test(data.order_amount ?? '') ? [] : ['data[order_amount] must be an amount']),
			...(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(data.date ?? '') ? [] : ['data[date] must be YYYY-mm-dd hh:mm:ss']),
			...(/^\d+$/.test(data.order_state ?? '') ? [] : ['data[order_state] must be a number']),
			...(requestOrderId === undefined || requestOrderId === data.order_idorder ? [] : ['request[order_idorder] differs from data[order_idorder]']),
			...(data.customer_birthday === undefined || /^\d{4}-\d{2}-\d{2}$/.test(data.customer_birthday) ? [] : ['data[customer_birthday] must be YYYY-mm-dd']),
			...(data.customer_gender === undefined || ['male', 'female'].includes(data.customer_gender) ? [] : ['data[customer_gender] must be male or female']),
			...(data.customer_isoptin === undefined || ['0', '1'].includes(data.customer_isoptin) ? [] : ['data[customer_isoptin] must be 1 or 0']),
			...(data.customer_country === undefined || /^[A-Z]{2}$/.test(data.customer_country) ? [] : ['data[customer_country] must be an ISO alpha-2 code']),
		];
		if (problems.length) return error(400, problems.join('; '));
		const existing = orders.find((order) => order.orderId === data.order_idorder);
		if (method === 'CreateOrder' && existing) return error(409, `Order ${data.order_idorder} already exists.`);
		if (method === 'UpdateOrder' && !existing) return error(404, `Order ${data.order_idorder} not found.`);
		const email = data.customer_email.toLowerCase();
		const profile: SpreadRecord = {
			firstName: data.customer_firstname, lastName: data.customer_name, birthday: data.customer_birthday, gender: data.customer_gender,
			address: data.customer_address, zip: data.customer_cp, city: data.customer_city, country: data.customer_country, phone: data.customer_tel,
			mobile: data.customer_mobile, company: data.customer_company, fonction: data.customer_fonction,
			tags: data.add_tag === undefined ? undefined : data.add_tag.split(',').map((tag) => tag.trim()).filter(Boolean),
			custom_fields: Object.keys(customFields).length ? customFields : undefined,
		};
		const known = [...customers.values()].find((customer) => String(customer.email).toLowerCase() === email);
		const customer = known ? touchCustomer(String(known.id), profile) : addCustomer({ ...profile, email: data.customer_email });
		// An order makes the customer a buyer: what SPREAD's loyalty features count.
		customer.isBuyer = '1';
		customer.lastOrderDt = data.date;
		const stamp = stampPlain(now());
		const order: SpreadRecord = existing ?? { id: String(9000 + orders.length), tags: [], attributes: {}, createdAt: stamp };
		Object.assign(order, { amount: data.order_amount, customerId: String(customer.id), orderId: data.order_idorder, status: data.order_state, date: data.date, updatedAt: stamp });
		if (!existing) orders.push(order);
		ordersWritten.push({ method, data: { ...data }, customFields: { ...customFields } });
		return { body: { response: method === 'CreateOrder' ? 'Order created.' : 'Order updated.', order } };
	}

	function addToCagnotte(body: SpreadRecord): Reply {
		const amount = Number((body.cagnotte as SpreadRecord | undefined)?.amount);
		if (!Number.isFinite(amount)) return error(400, 'cagnotte.amount is required.');
		const email = (body.customer as SpreadRecord | undefined)?.email;
		const customer = body.customerId !== undefined
			? customers.get(String(body.customerId))
			: [...customers.values()].find((entry) => email !== undefined && String(entry.email).toLowerCase() === String(email).toLowerCase());
		if (!customer) return error(404, 'Customer not found.');
		const total = Number(customer.cagnotteAmount ?? 0) + amount;
		customer.cagnotteAmount = String(total);
		const line = {
			cagnotteId: '987', cagnotteLineId: String(146964 + cagnotteLines.length), customerId: customer.id, campaignId: null,
			cagnotteLineDate: stampPlain(now()), cagnotteLineValidationDate: stampPlain(now()), amount: String(amount), code: '',
		};
		cagnotteLines.push(line);
		return { body: { customer: { id: customer.id, cagnotteAmount: customer.cagnotteAmount }, cagnotte: line } };
	}

	const handler = (request: RecordedRequest): Reply => {
		try {
			return route(request);
		} catch (failure) {
			// A bad date filter is the client's fault (400); anything else is a bug of this server (500).
			return failure instanceof DateFilterError ? error(400, failure.message) : error(500, `SPREAD test server failed: ${(failure as Error).message}`);
		}
	};

	const server = await startVendorServer(handler);
	return Object.assign(server, {
		baseUrl: `${server.url}${SPREAD_API_PATH}`,
		publicKey,
		privateKey,
		customers,
		campaigns,
		orders,
		sponsorships,
		cagnotteLines,
		customEvents,
		ordersWritten,
		addCustomer,
		touchCustomer,
		addOrder,
		touchOrder,
		addSponsorship,
		advanceClock: (ms: number) => {
			clockOffset += ms;
		},
	});
}

class DateFilterError extends Error {
	constructor(param: string, value: string) {
		super(`${param}: invalid date "${value}", expected YYYY-mm-dd.`);
	}
}

/** The sandbox `npm start` and the real-n8n tests use: 40 demo customers. */
export async function startSandbox(): Promise<Sandbox> {
	const server = await startSpreadServer({ customers: 40, publicKey: 'sandbox-public-key', privateKey: 'sandbox-private-key' });
	return {
		vendor: 'SPREAD',
		url: server.baseUrl,
		credentials: [
			{
				id: 'spread-sandbox',
				name: 'SPREAD sandbox',
				type: 'spreadApi',
				data: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl },
			},
		],
		server,
		close: () => server.close(),
	};
}
