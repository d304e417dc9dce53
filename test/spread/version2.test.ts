import type { INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { loadMapperFields, searchNodeList } from '../engine/pollRunner';
import { nodeType, runNode } from '../engine/runner';
import type { SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const SPREAD = nodeType('spread');

describe('SPREAD version 2: customer and order pickers, field mapping', () => {
	let server: SpreadServer;
	const credentials = () => ({ spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } });
	const run = (parameters: INodeParameters, input: Array<Record<string, unknown>> = [{}], continueOnFail = false) =>
		runNode({ type: SPREAD, typeVersion: 2, parameters, credentials: credentials(), input: input as never, continueOnFail });
	const wire = () => server.requests.map((request) => `${request.method} ${request.path}${request.query.size ? `?${request.query.toString()}` : ''}`);
	const fieldsOf = async (method: string) => (await loadMapperFields({ type: SPREAD, typeVersion: 2, parameters: {}, credentials: credentials(), method })).fields;
	/** The mapper as the editor saves it: the schema it loaded, the values typed or mapped. */
	const columns = (schema: ResourceMapperField[] | INodeParameters[], value: Record<string, string | number | boolean> | null, extra: Record<string, unknown> = {}): INodeParameters => ({
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: schema as INodeParameters[],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
		...extra,
	});

	beforeAll(async () => {
		server = await startSpreadServer({ customers: 12 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('the customer mapper lists the typed profile fields and the custom fields found on the account (read from a sample of customers)', async () => {
		const fields = await fieldsOf('getCustomerCreateFields');
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(byId.email).toMatchObject({ required: true, type: 'string', display: true });
		expect(byId.birthday).toMatchObject({ type: 'dateTime', required: false });
		expect(byId.isBuyer).toMatchObject({ type: 'boolean' });
		expect(byId.gender).toMatchObject({ type: 'options', options: [{ name: 'Female', value: 'female' }, { name: 'Male', value: 'male' }] });
		expect(byId.customField_34567).toMatchObject({ displayName: 'Sport (custom field 34567)', type: 'string' });
		expect(byId.customField_56789).toMatchObject({ displayName: 'Logement (custom field 56789)' });
		expect(wire()).toEqual(['GET /api/v2/customers?showCustomFields=1&startAt=0&maxResults=200']);
		const upsert = await fieldsOf('getCustomerUpsertFields');
		expect(upsert.filter((field) => field.canBeUsedToMatch).map((field) => field.id)).toEqual(['email', 'externalId']);
		expect(upsert.find((field) => field.defaultMatch)?.id).toBe('email');
		expect((await fieldsOf('getCustomerUpdateFields')).map((field) => field.id)).not.toContain('email');
	});

	it('Create sends the mapped fields, typed as SPREAD takes them (flags 1/0, date, custom fields by ID)', async () => {
		const schema = await fieldsOf('getCustomerCreateFields');
		server.reset();
		const result = await run(
			{
				resource: 'customer',
				operation: 'create',
				columns: columns(schema, {
					email: '={{ $json.mail }}',
					firstName: '={{ $json.first }}',
					isBuyer: true,
					birthday: '1990-05-17',
					tags: 'vip, spring',
					customField_34567: 'Sport:Tennis',
				}),
			},
			[{ mail: 'mapped@example.com', first: 'Mia' }],
		);
		expect(result.nodeError).toBeUndefined();
		expect(wire()).toEqual(['POST /api/v2/customers']);
		expect(JSON.parse(server.requests[0].body)).toEqual({
			customer: { email: 'mapped@example.com', firstName: 'Mia', birthday: '1990-05-17', isBuyer: '1', tags: ['vip', 'spring'], custom_fields: { '34567': 'Sport:Tennis' } },
		});
		expect(result.items[0].json).toMatchObject({ email: 'mapped@example.com', firstName: 'Mia' });
	});

	it('"Map Automatically" takes the input fields named like mapper fields and leaves the others out', async () => {
		const schema = await fieldsOf('getCustomerCreateFields');
		server.reset();
		const result = await run(
			{ resource: 'customer', operation: 'create', columns: { ...columns(schema, null), mappingMode: 'autoMapInputData' } },
			[{ email: 'auto@example.com', lastName: 'Auto', city: 'Lyon', somethingElse: 'not sent', id: 99 }],
		);
		expect(result.nodeError).toBeUndefined();
		expect(JSON.parse(server.requests[0].body)).toEqual({ customer: { email: 'auto@example.com', lastName: 'Auto', city: 'Lyon' } });
	});

	it('a required mapped field left empty fails that item before any request', async () => {
		const schema = await fieldsOf('getCustomerCreateFields');
		server.reset();
		const result = await run({ resource: 'customer', operation: 'create', columns: columns(schema, { email: '', city: 'Lyon' }) }, [{}], true);
		expect(result.items[0].json.error).toMatch(/Email/);
		expect(server.requests).toHaveLength(0);
	});

	it('Get, Update and Delete find the customer by e-mail in the picker; by ID it is used as given', async () => {
		const byEmail = await run({ resource: 'customer', operation: 'get', customer: { __rl: true, mode: 'email', value: 'Customer3@example.com' } });
		expect(byEmail.nodeError).toBeUndefined();
		expect(byEmail.items[0].json).toMatchObject({ id: '123458', email: 'customer3@example.com' });
		expect(wire()).toEqual(['GET /api/v2/customers?email=Customer3%40example.com&caseInsensitive=1&startAt=0&maxResults=2', 'GET /api/v2/customers/123458']);

		server.reset();
		const schema = await fieldsOf('getCustomerUpdateFields');
		server.reset();
		const updated = await run({
			resource: 'customer',
			operation: 'update',
			customer: { __rl: true, mode: 'list', value: '123457', cachedResultName: 'customer2' },
			columns: columns(schema, { city: 'Brest', isFan: false }),
		});
		expect(updated.nodeError).toBeUndefined();
		// PUT needs the e-mail: read from SPREAD, not typed.
		expect(wire()).toEqual(['GET /api/v2/customers/123457', 'PUT /api/v2/customers/123457']);
		expect(JSON.parse(server.requests[1].body)).toEqual({ customer: { email: 'customer2@example.com', city: 'Brest', isFan: '0' } });

		server.reset();
		const unknown = await run({ resource: 'customer', operation: 'delete', customer: { __rl: true, mode: 'email', value: 'nobody@example.com' } }, [{}], true);
		expect(unknown.items[0].json.error).toBe('Customer: no SPREAD customer has the email nobody@example.com (item 0)');
		expect(wire().map((line) => line.split(' ')[0])).toEqual(['GET']);
	});

	it('Create or Update finds the customer by the mapper\'s Find By field: e-mail, or External ID', async () => {
		const schema = await fieldsOf('getCustomerUpsertFields');
		server.addCustomer({ email: 'ext@example.com', externalId: 'CRM-7' });
		server.reset();
		const byExternalId = await run({
			resource: 'customer',
			operation: 'createOrUpdate',
			columns: columns(schema, { externalId: 'CRM-7', city: 'Metz' }, { mappingMode: 'defineBelow', matchingColumns: ['externalId'] }),
		});
		expect(byExternalId.nodeError).toBeUndefined();
		expect(wire()[0]).toBe('GET /api/v2/customers?externalId=CRM-7&startAt=0&maxResults=2');
		expect(wire()[1]).toMatch(/^PUT \/api\/v2\/customers\/\d+$/);
		expect(JSON.parse(server.requests[1].body)).toEqual({ customer: { email: 'ext@example.com', externalId: 'CRM-7', city: 'Metz' } });

		server.reset();
		const missing = await run(
			{ resource: 'customer', operation: 'createOrUpdate', columns: columns(schema, { externalId: 'CRM-8' }, { matchingColumns: ['externalId'] }) },
			[{}],
			true,
		);
		expect(missing.items[0].json.error).toBe('Email: is needed to create the customer: none has External ID CRM-8 (item 0)');

		server.reset();
		const byEmail = await run({
			resource: 'customer',
			operation: 'createOrUpdate',
			columns: columns(schema, { email: 'NEW@example.com', city: 'Caen' }, { matchingColumns: ['email'] }),
		});
		expect(byEmail.nodeError).toBeUndefined();
		expect(wire()).toEqual(['GET /api/v2/customers?email=NEW%40example.com&caseInsensitive=1&startAt=0&maxResults=2', 'POST /api/v2/customers']);
	});

	it('Order Create sends the mapped order through APIv1; Order Get takes the order from its picker', async () => {
		const schema = await fieldsOf('getOrderFields');
		expect(schema.filter((field) => field.required).map((field) => field.id)).toEqual(['orderId', 'customerEmail', 'amount']);
		server.reset();
		const created = await run({
			resource: 'order',
			operation: 'create',
			columns: columns(schema, { orderId: 'SHOP-77', customerEmail: 'customer1@example.com', amount: 12.5, date: '2026-03-01 09:30:00', city: 'Rennes' }),
		});
		expect(created.nodeError).toBeUndefined();
		expect(server.requests[0].path).toBe('/api/CreateOrder');
		const form = Object.fromEntries(new URLSearchParams(server.requests[0].body));
		expect(form).toMatchObject({
			'data[customer_email]': 'customer1@example.com',
			'data[order_idorder]': 'SHOP-77',
			'data[order_amount]': '12.5',
			'data[customer_city]': 'Rennes',
		});
		server.reset();
		const got = await run({ resource: 'order', operation: 'get', order: { __rl: true, mode: 'list', value: 'SHOP-77' } });
		expect(got.nodeError).toBeUndefined();
		expect(got.items[0].json).toMatchObject({ orderId: 'SHOP-77' });
		expect(wire()).toEqual(['GET /api/v2/orders/SHOP-77']);
	});

	it('the customer picker pages on SPREAD (startAt/maxResults) and searches by e-mail, ID or name on SPREAD', async () => {
		for (let index = 0; index < 100; index++) server.addCustomer({ email: `bulk${index}@example.com`, lastName: index === 7 ? 'Durand' : 'Bulk' });
		server.reset();
		const search = (filter?: string, paginationToken?: string) =>
			searchNodeList({ type: SPREAD, typeVersion: 2, parameters: {}, credentials: credentials(), method: 'searchCustomers', parameter: 'customer', filter, paginationToken });
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await search(undefined, first.paginationToken);
		expect(second.results.length).toBeGreaterThan(0);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((result) => result.value)).size).toBe(first.results.length + second.results.length);
		expect((await search('CUSTOMER2@example.com')).results).toEqual([{ name: expect.stringContaining('<customer2@example.com> (123457)'), value: '123457' }]);
		expect((await search('123458')).results.map((result) => result.value)).toEqual(['123458']);
		expect((await search('durand')).results).toEqual([{ name: expect.stringContaining('<bulk7@example.com>'), value: expect.any(String) }]);
		expect(wire()).toEqual([
			'GET /api/v2/customers?startAt=0&maxResults=100',
			'GET /api/v2/customers?startAt=100&maxResults=100',
			'GET /api/v2/customers?email=CUSTOMER2%40example.com&caseInsensitive=1&startAt=0&maxResults=100',
			'GET /api/v2/customers?ids=123458&startAt=0&maxResults=100',
			'GET /api/v2/customers?lastName=durand&caseInsensitive=1&startAt=0&maxResults=100',
			'GET /api/v2/customers?firstName=durand&caseInsensitive=1&startAt=0&maxResults=100',
		]);
		const orders = await searchNodeList({ type: SPREAD, typeVersion: 2, parameters: {}, credentials: credentials(), method: 'searchOrders', parameter: 'order' });
		expect(orders.results.length).toBe(server.orders.length);
	});
});
