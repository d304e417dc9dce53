import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../engine/runner';
import type { SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const SPREAD = nodeType('spread');

describe('SPREAD node: orders pushed through APIv1 (CreateOrder / UpdateOrder), read back through v2', () => {
	let server: SpreadServer;
	const credentials = (privateKey = server.privateKey) => ({ spreadApi: { publicKey: server.publicKey, privateKey, baseUrl: server.baseUrl } });
	const run = (parameters: INodeParameters, input: Array<Record<string, unknown>> = [{}], options: { continueOnFail?: boolean; privateKey?: string } = {}) =>
		runNode({
			type: SPREAD,
			parameters: { resource: 'order', ...parameters },
			credentials: credentials(options.privateKey),
			input: input as never,
			continueOnFail: options.continueOnFail,
		});
	const basicAuth = () => `Basic ${Buffer.from(`${server.publicKey}:${server.privateKey}`).toString('base64')}`;
	const formOf = (index = 0) => Object.fromEntries(new URLSearchParams(server.requests[index].body));

	beforeAll(async () => {
		server = await startSpreadServer({ customers: 5 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('Create posts the order form-encoded to {API root}/CreateOrder with Basic auth; Get reads it back through v2', async () => {
		const created = await run({
			operation: 'create',
			orderId: 'SHOP-1001',
			customerEmail: 'customer2@example.com',
			amount: 49.9,
			additionalFields: { date: '2026-03-01 09:30:00' },
		});
		expect(created.nodeError).toBeUndefined();
		expect(server.requests[0].method).toBe('POST');
		expect(server.requests[0].path).toBe('/api/CreateOrder');
		expect(server.requests[0].headers.authorization).toBe(basicAuth());
		expect(server.requests[0].headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(formOf()).toEqual({
			'data[customer_email]': 'customer2@example.com',
			'data[order_idorder]': 'SHOP-1001',
			'data[order_amount]': '49.9',
			'data[date]': '2026-03-01 09:30:00',
			'data[order_state]': '10',
			'request[order_idorder]': 'SHOP-1001',
		});
		expect(created.items).toHaveLength(1);
		expect(created.items[0].json).toMatchObject({
			orderId: 'SHOP-1001',
			customerEmail: 'customer2@example.com',
			amount: 49.9,
			date: '2026-03-01 09:30:00',
			state: '10',
			response: { response: 'Order created.', order: { orderId: 'SHOP-1001', customerId: '123457', status: '10' } },
		});
		expect(created.items[0].pairedItem).toEqual({ item: 0 });
		expect(server.customers.get('123457')).toMatchObject({ isBuyer: '1', lastOrderDt: '2026-03-01 09:30:00' });

		const read = await run({ operation: 'get', merchantOrderId: 'SHOP-1001' });
		expect(read.items.map((item) => item.json)).toEqual([expect.objectContaining({ orderId: 'SHOP-1001', amount: '49.9', customerId: '123457', status: '10' })]);
		expect(server.requests.at(-1)?.path).toBe('/api/v2/orders/SHOP-1001');
	});

	it('sends the buyer\'s profile fields, tags and custom fields as data[…], and an empty date as now', async () => {
		const result = await run({
			operation: 'create',
			orderId: '={{ $json.order }}',
			customerEmail: '={{ $json.email }}',
			amount: '={{ $json.total }}',
			additionalFields: {
				firstName: 'Zoé',
				lastName: "D'Arcy",
				birthday: '1990-04-25T00:00:00',
				gender: 'female',
				optIn: true,
				country: 'fr',
				zip: '75011',
				city: 'Paris',
				cookie: 'spread-cookie-1',
				tags: ['vip', 'spring'],
				customFields: { field: [{ fieldId: '34567', value: 'Sport:Basket' }] },
			},
		}, [{ order: 'SHOP-2002', email: 'new.buyer@example.com', total: 120 }]);
		expect(result.nodeError).toBeUndefined();
		const form = formOf();
		expect(form).toMatchObject({
			'data[customer_firstname]': 'Zoé',
			'data[customer_name]': "D'Arcy",
			'data[customer_birthday]': '1990-04-25',
			'data[customer_gender]': 'female',
			'data[customer_isoptin]': '1',
			'data[customer_country]': 'FR',
			'data[customer_cp]': '75011',
			'data[customer_city]': 'Paris',
			'data[customer_cookie]': 'spread-cookie-1',
			'data[add_tag]': 'vip, spring',
			'data[custom_fields][34567]': 'Sport:Basket',
			'data[order_amount]': '120',
		});
		expect(form['data[date]']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		const buyer = [...server.customers.values()].find((customer) => customer.email === 'new.buyer@example.com');
		expect(buyer).toMatchObject({ firstName: 'Zoé', lastName: "D'Arcy", isBuyer: '1', tags: ['vip', 'spring'] });
	});

	it('Update posts to UpdateOrder and changes the order SPREAD holds; an unknown order is a NodeApiError', async () => {
		await run({ operation: 'create', orderId: 'SHOP-3003', customerEmail: 'customer3@example.com', amount: 10, additionalFields: { date: '2026-03-02 10:00:00' } });
		const updated = await run({ operation: 'update', orderId: 'SHOP-3003', customerEmail: 'customer3@example.com', amount: 12.5, additionalFields: { date: '2026-03-02 10:00:00', state: '20' } });
		expect(updated.nodeError).toBeUndefined();
		expect(server.requests.at(-1)?.path).toBe('/api/UpdateOrder');
		expect(updated.items[0].json).toMatchObject({ orderId: 'SHOP-3003', amount: 12.5, state: '20', response: { response: 'Order updated.' } });
		expect(server.orders.find((order) => order.orderId === 'SHOP-3003')).toMatchObject({ amount: '12.5', status: '20' });

		const unknown = await run({ operation: 'update', orderId: 'NOPE-1', customerEmail: 'customer3@example.com', amount: 1 });
		expect(unknown.nodeError?.name).toBe('NodeApiError');
		expect(unknown.nodeError?.message).toBe('404: UpdateOrder: Order NOPE-1 not found.');
	});

	it.each([
		['a negative amount', { amount: -5 }, 'Amount: must be a number of 0 or more, got "-5" (item 0)'],
		['a bad email', { customerEmail: 'not-an-email' }, 'Customer Email: "not-an-email" is not a valid email address (item 0)'],
		['an order ID with a slash', { orderId: 'A/B' }, 'Merchant Order ID: "A/B" is not a valid ID (item 0)'],
		['a state that is not a number', { additionalFields: { state: 'paid' } }, 'Additional Fields > Order State: must be a number, got "paid" (item 0)'],
		['a date that is not one', { additionalFields: { date: '31/02/2026' } }, 'Additional Fields > Order Date: "31/02/2026" is not a date (item 0)'],
		['a country that is not ISO', { additionalFields: { country: 'France' } }, 'Additional Fields > Country: "France" is not an ISO 3166-1 alpha-2 country code (item 0)'],
	])('refuses %s before sending anything', async (_case, overrides, message) => {
		const result = await run({ operation: 'create', orderId: 'SHOP-9', customerEmail: 'customer1@example.com', amount: 5, ...overrides });
		expect(result.nodeError?.name).toBe('NodeOperationError');
		expect(result.nodeError?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	it('wrong keys: SPREAD\'s ERR-9003 as a NodeApiError that says what to check, with no secret in it', async () => {
		const result = await run({ operation: 'create', orderId: 'SHOP-4', customerEmail: 'customer1@example.com', amount: 5 }, [{}], { privateKey: 'Wr0ng-Priv&Key' });
		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe('ERR-9003: CreateOrder: Invalid public or private key.');
		expect(result.nodeError?.description).toMatch(/public and private keys in the SPREAD credential/);
		expect(JSON.stringify(result.run)).not.toContain('Wr0ng-Priv&Key');
		expect(server.orders.some((order) => order.orderId === 'SHOP-4')).toBe(false);
	});

	it('a create is never sent twice after a 5xx or a dropped connection; under Continue On Fail the other items go on', async () => {
		server.injectFault({ kind: 'status', status: 502, body: '{"error":"Bad gateway"}' });
		const input = [{ order: 'SHOP-5' }, { order: 'SHOP-6' }];
		const result = await run({ operation: 'create', orderId: '={{ $json.order }}', customerEmail: 'customer1@example.com', amount: 5 }, input, { continueOnFail: true });
		expect(server.requests.map((request) => new URLSearchParams(request.body).get('data[order_idorder]'))).toEqual(['SHOP-5', 'SHOP-6']);
		expect(result.items[0].json.error).toMatch(/^502: CreateOrder: Bad gateway/);
		expect(result.items[1].json).toMatchObject({ orderId: 'SHOP-6', response: { response: 'Order created.' } });

		server.reset();
		server.injectFault({ kind: 'reset' });
		const reset = await run({ operation: 'create', orderId: 'SHOP-7', customerEmail: 'customer1@example.com', amount: 5 });
		expect(server.requests).toHaveLength(1);
		expect(reset.nodeError).toBeDefined();
	});

	it('the local server refuses a JSON body and unknown fields, as a strict APIv1', async () => {
		const url = `${server.url}/api/CreateOrder`;
		const json = await fetch(url, { method: 'POST', headers: { authorization: basicAuth(), 'content-type': 'application/json' }, body: '{}' });
		expect(json.status).toBe(400);
		const unknown = await fetch(url, {
			method: 'POST',
			headers: { authorization: basicAuth(), 'content-type': 'application/x-www-form-urlencoded' },
			body: 'data[customer_email]=a%40b.fr&data[order_idorder]=X&data[order_amount]=1&data[date]=2026-01-01+00%3A00%3A00&data[order_state]=10&data[colour]=red',
		});
		expect(await unknown.json()).toEqual({ error: 'Unknown parameter data[colour].' });
	});
});
