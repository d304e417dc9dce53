import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../engine/runner';
import type { SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const SPREAD = nodeType('spread');

describe('SPREAD node: customers', () => {
	let server: SpreadServer;
	const credentials = () => ({ spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } });
	const run = (parameters: INodeParameters, input: Array<Record<string, unknown>> = [{}], continueOnFail = false) =>
		runNode({ type: SPREAD, parameters: { resource: 'customer', ...parameters }, credentials: credentials(), input: input as never, continueOnFail });
	const basicAuth = () => `Basic ${Buffer.from(`${server.publicKey}:${server.privateKey}`).toString('base64')}`;

	beforeAll(async () => {
		server = await startSpreadServer({ customers: 30 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('gets a customer by SPREAD ID with Basic auth: without Simplify, the answer exactly as SPREAD sent it', async () => {
		server.customers.get('123457')!.tags = [];
		const result = await run({ operation: 'get', customerId: '={{ $json.id }}' }, [{ id: '123456' }, { id: '123457' }]);
		expect(result.nodeError).toBeUndefined();
		expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/v2/customers/123456', 'GET /api/v2/customers/123457']);
		expect(server.requests[0].headers.authorization).toBe(basicAuth());
		expect(result.items.map((item) => item.json.email)).toEqual(['customer1@example.com', 'customer2@example.com']);
		expect(result.items[0].json.tags).toEqual(['vip']);
		expect(result.items[1].json.tags).toBe('');
		expect(result.items[0].json).toMatchObject({ isBuyer: '1', isFan: '0', actionCount: '0' });
		expect(result.items[0].json.custom_fields).toEqual({ '34567': 'Sport:Basket', '56789': 'Logement:Appartement' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Simplify types the values, on get and get many: flags as booleans, counts as numbers, tags a list, custom fields by name', async () => {
		server.customers.get('123456')!.cagnotteAmount = '12.5';
		const one = await run({ operation: 'get', customerId: '123456', simplify: true });
		expect(one.items[0].json).toMatchObject({
			id: '123456',
			email: 'customer1@example.com',
			isBuyer: true,
			isFan: false,
			isFollow: false,
			isFanLinkedin: false,
			actionCount: 0,
			cagnotteAmount: 12.5,
			tags: ['vip'],
			custom_fields: { Sport: 'Basket', Logement: 'Appartement' },
			createdAt: expect.stringMatching(/\+0000$/),
		});
		const many = await run({ operation: 'getAll', returnAll: false, limit: 2, simplify: true, options: { showCustomFields: true } });
		expect(many.items.map((item) => item.json.isBuyer)).toEqual([true, false]);
		expect(many.items[1].json.tags).toEqual([]);
		expect(many.items[1].json.cagnotteAmount).toBeNull();
		expect(many.items[0].json.custom_fields).toEqual({ Sport: 'Basket', Logement: 'Appartement' });
		expect(many.items[1].json.custom_fields).toEqual({});
		expect(Object.keys(many.items[1].json).sort()).toEqual(Object.keys(server.customers.get('123457')!).concat('custom_fields').sort());
	});

	it('Simplify: a custom field without a label keeps its ID, and a label seen twice gets its ID added', async () => {
		server.touchCustomer('123458', { custom_fields: { '1': 'Sport:Tennis', '2': 'Sport:Golf', '3': '42' } });
		const result = await run({ operation: 'get', customerId: '123458', simplify: true });
		expect(result.items[0].json.custom_fields).toEqual({ Sport: 'Tennis', 'Sport (2)': 'Golf', '3': '42' });
	});

	it('a missing customer is a NodeApiError with the vendor message and HTTP code', async () => {
		const result = await run({ operation: 'get', customerId: '999' });
		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe('404: Customer not found.');
		expect((result.nodeError as unknown as { httpCode: string }).httpCode).toBe('404');
	});

	it('get many: Limit asks for no more than needed and every filter reaches the query string exactly (dates as the day typed)', async () => {
		const result = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: {
				createdAfter: '2020-01-02T03:04:05Z',
				createdBefore: '2030-01-01T00:00:00.000Z',
				modifiedAfter: '2020-01-01T00:00:00Z',
				modifiedBefore: '2031-06-30T12:00:00+02:00',
				email: 'customer1@example.com',
				firstName: 'Jean',
				lastName: 'Dupont',
				zipCode: '75011',
				city: 'paris',
				country: 'fr',
				phone: '0235000000',
				mobile: '0600000000',
				externalId: 'EXT-1',
				ids: '123456, 123457',
			},
			options: { caseInsensitive: true, showCustomFields: true },
		});
		expect(result.nodeError).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		expect(Object.fromEntries(server.requests[0].query)).toEqual({
			createdAfter: '2020-01-02',
			createBefore: '2030-01-01',
			modifiedAfter: '2020-01-01',
			modifiedBefore: '2031-06-30',
			email: 'customer1@example.com',
			firstName: 'Jean',
			lastName: 'Dupont',
			zipcode: '75011',
			city: 'paris',
			country: 'FR',
			phoneNumber: '0235000000',
			mobilePhoneNumber: '0600000000',
			externalId: 'EXT-1',
			ids: '123456,123457',
			caseInsensitive: '1',
			showCustomFields: '1',
			startAt: '0',
			maxResults: '3',
		});
		expect(result.items.map((item) => item.json.id)).toEqual(['123456']);
		expect(result.items[0].json.custom_fields).toEqual({ '34567': 'Sport:Basket', '56789': 'Logement:Appartement' });
	});

	it('get many: text filters are case sensitive unless asked, and Limit cuts the list', async () => {
		const sensitive = await run({ operation: 'getAll', returnAll: false, limit: 50, filters: { city: 'paris' } });
		expect(sensitive.items).toHaveLength(0);
		const insensitive = await run({ operation: 'getAll', returnAll: false, limit: 4, filters: { city: 'paris' }, options: { caseInsensitive: true } });
		expect(insensitive.items.map((item) => item.json.city)).toEqual(['Paris', 'Paris', 'Paris', 'Paris']);
		expect(insensitive.items.every((item) => item.json.custom_fields === undefined)).toBe(true);
	});

	it('Return All over 12,000 customers makes 3 calls of at most 5,000, computed by the node (nextPageUrl is never followed)', async () => {
		const big = await startSpreadServer({ customers: 12000 });
		try {
			const result = await runNode({
				type: SPREAD,
				parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
				credentials: { spreadApi: { publicKey: big.publicKey, privateKey: big.privateKey, baseUrl: big.baseUrl } },
			});
			expect(result.nodeError).toBeUndefined();
			expect(result.items).toHaveLength(12000);
			expect(new Set(result.items.map((item) => item.json.id)).size).toBe(12000);
			expect(big.requests.map((request) => [request.query.get('startAt'), request.query.get('maxResults')])).toEqual([
				['0', '5000'],
				['5000', '5000'],
				['10000', '5000'],
			]);
			expect(big.requests.every((request) => request.path === '/api/v2/customers')).toBe(true);
		} finally {
			await big.close();
		}
	});

	it('creates a customer with every field typed: flags "1"/"0", birthday YYYY-mm-dd, tags array, custom fields by ID', async () => {
		const result = await run({
			operation: 'create',
			email: 'élodie.o\'brien+test@example.com',
			additionalFields: {
				firstName: 'Élodie',
				lastName: "O'Brien & Fils <test>",
				country: 'be',
				city: 'Liège',
				address: '12 rue de l\'Église',
				address2: 'Bâtiment B',
				address3: '3e étage',
				zip: '4000',
				phone: '+32 4 000 00 00',
				mobile: '+32 470 00 00 00',
				lang: 'fr',
				birthday: '1990-04-25T00:00:00',
				gender: 'female',
				isFan: true,
				isFollow: false,
				isFanLinkedin: true,
				isBuyer: false,
				externalId: 'CRM-42',
				company: 'ACME "SA"',
				fonction: 'Directrice',
				tags: ['newsletter', 'vip'],
				customFields: { field: [{ fieldId: '1234', value: '1' }, { fieldId: '1239', value: '={{ ["valeur1", "valeur7"] }}' }] },
			},
		});
		expect(result.nodeError).toBeUndefined();
		const request = server.requests[0];
		expect(`${request.method} ${request.path}`).toBe('POST /api/v2/customers');
		expect(request.headers['content-type']).toBe('application/json');
		expect(JSON.parse(request.body)).toEqual({
			customer: {
				email: "élodie.o'brien+test@example.com",
				firstName: 'Élodie',
				lastName: "O'Brien & Fils <test>",
				country: 'BE',
				city: 'Liège',
				address: "12 rue de l'Église",
				address2: 'Bâtiment B',
				address3: '3e étage',
				zip: '4000',
				phone: '+32 4 000 00 00',
				mobile: '+32 470 00 00 00',
				lang: 'fr',
				birthday: '1990-04-25',
				gender: 'female',
				isFan: '1',
				isFollow: '0',
				isFanLinkedin: '1',
				isBuyer: '0',
				externalId: 'CRM-42',
				company: 'ACME "SA"',
				fonction: 'Directrice',
				tags: ['newsletter', 'vip'],
				custom_fields: { '1234': '1', '1239': 'valeur1|valeur7' },
			},
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ email: "élodie.o'brien+test@example.com", lastName: "O'Brien & Fils <test>", tags: ['newsletter', 'vip'] });
	});

	it('create answers with tags [] when SPREAD says ""', async () => {
		const result = await run({ operation: 'create', email: 'plain@example.com' });
		expect(JSON.parse(server.requests[0].body)).toEqual({ customer: { email: 'plain@example.com' } });
		expect(result.items[0].json.tags).toEqual([]);
	});

	it('tags given by an expression as one comma-separated string become a list', async () => {
		await run({ operation: 'create', email: 'tags@example.com', additionalFields: { tags: '={{ "salon, vip ,, relance" }}' } });
		expect(JSON.parse(server.requests[0].body).customer.tags).toEqual(['salon', 'vip', 'relance']);
	});

	it('updates a customer: PUT /customers/{id} carrying the email and only the changed fields', async () => {
		const result = await run({ operation: 'update', customerId: '123458', email: 'customer3@example.com', updateFields: { city: 'Nantes', isBuyer: true, tags: ['relance'] } });
		expect(result.nodeError).toBeUndefined();
		expect(`${server.requests[0].method} ${server.requests[0].path}`).toBe('PUT /api/v2/customers/123458');
		expect(JSON.parse(server.requests[0].body)).toEqual({ customer: { email: 'customer3@example.com', city: 'Nantes', isBuyer: '1', tags: ['relance'] } });
		expect(result.items[0].json).toMatchObject({ id: '123458', city: 'Nantes', isBuyer: '1' });
	});

	it('changes an email: PUT /customers/email/update with old_email and new_email', async () => {
		const result = await run({ operation: 'updateEmail', oldEmail: 'customer4@example.com', newEmail: 'nouveau.4@example.com' });
		expect(result.nodeError).toBeUndefined();
		expect(`${server.requests[0].method} ${server.requests[0].path}`).toBe('PUT /api/v2/customers/email/update');
		expect(JSON.parse(server.requests[0].body)).toEqual({ customer: { old_email: 'customer4@example.com', new_email: 'nouveau.4@example.com' } });
		expect(result.items[0].json).toMatchObject({ id: '123459', email: 'nouveau.4@example.com' });
		expect(server.customers.get('123459')!.email).toBe('nouveau.4@example.com');
	});

	it('updateEmail is not resent after a reset connection (it may have been applied)', async () => {
		server.injectFault({ kind: 'reset' });
		const result = await run({ operation: 'updateEmail', oldEmail: 'customer5@example.com', newEmail: 'other5@example.com' });
		expect(server.requests).toHaveLength(1);
		expect(result.nodeError?.description).toMatch(/not sent again/);
	});

	it('deletes a customer', async () => {
		server.addCustomer({ id: '777777', email: 'to-delete@example.com' });
		const result = await run({ operation: 'delete', customerId: '777777' });
		expect(`${server.requests[0].method} ${server.requests[0].path}`).toBe('DELETE /api/v2/customers/777777');
		expect(result.items[0].json).toEqual({ id: '777777', deleted: true, response: 'Customer deleted.' });
		expect(server.customers.has('777777')).toBe(false);
	});

	describe('bad input is caught before any request, naming the field and item', () => {
		const cases: Array<[string, INodeParameters, RegExp]> = [
			['an invalid email', { operation: 'create', email: 'not-an-email' }, /^Email: "not-an-email" is not a valid email address \(item 0\)/],
			['a gender other than male or female', { operation: 'create', email: 'a@b.fr', additionalFields: { gender: '={{ "other" }}' } }, /^Gender: must be male or female/],
			['a birthday that is not a date', { operation: 'create', email: 'a@b.fr', additionalFields: { birthday: '1990-02-30' } }, /^Birthday: "1990-02-30" is not a date/],
			['a country that is not ISO alpha-2', { operation: 'create', email: 'a@b.fr', additionalFields: { country: 'France' } }, /^Country: "France" is not an ISO 3166-1 alpha-2/],
			['an unknown two-letter country', { operation: 'update', customerId: '1', email: 'a@b.fr', updateFields: { country: 'XX' } }, /^Country: "XX"/],
			['an update with nothing to change', { operation: 'update', customerId: '123456', email: 'a@b.fr', updateFields: {} }, /^Update Fields: nothing to change/],
			['a filter country that is not ISO alpha-2', { operation: 'getAll', returnAll: true, filters: { country: 'FRA' } }, /^Filters > Country/],
			['a filter date that is not a date', { operation: 'getAll', returnAll: true, filters: { createdAfter: '={{ "yesterday-ish" }}' } }, /^Filters > Created After: "yesterday-ish" is not a date/],
			['an ID that is not one', { operation: 'get', customerId: '12/../34' }, /^Customer ID: "12\/..\/34" is not a valid ID/],
			['the same email twice', { operation: 'updateEmail', oldEmail: 'A@b.fr', newEmail: 'a@b.fr' }, /^New Email: is the same/],
		];
		it.each(cases)('%s', async (_label, parameters, message) => {
			const result = await run(parameters);
			expect(server.requests).toHaveLength(0);
			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(result.nodeError?.message).toMatch(message);
		});
	});

	it('under Continue On Fail each bad item gives one error item with its pairedItem, the others go on', async () => {
		const result = await run(
			{ operation: 'create', email: '={{ $json.email }}', additionalFields: { gender: '={{ $json.gender }}' } },
			[
				{ email: 'ok1@example.com', gender: 'male' },
				{ email: 'broken', gender: 'male' },
				{ email: 'customer1@example.com', gender: 'female' },
				{ email: 'ok2@example.com', gender: 'robot' },
				{ email: 'ok3@example.com', gender: 'female' },
			],
			true,
		);
		expect(result.nodeError).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }, { item: 4 }]);
		expect(result.items[0].json.email).toBe('ok1@example.com');
		expect(result.items[1].json.error).toMatch(/^Email: "broken"/);
		expect(result.items[2].json.error).toBe('409: A customer with this email already exists.');
		expect(result.items[3].json.error).toMatch(/^Gender/);
		expect(result.items[4].json.email).toBe('ok3@example.com');
		// Only the three valid items reached SPREAD, each once.
		expect(server.requests.map((request) => JSON.parse(request.body).customer.email)).toEqual(['ok1@example.com', 'customer1@example.com', 'ok3@example.com']);
	});
});
