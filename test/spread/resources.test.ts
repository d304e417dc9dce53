import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../engine/runner';
import type { SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const SPREAD = nodeType('spread');

describe('SPREAD node: campaigns, orders, cagnotte, custom events, sponsorships', () => {
	let server: SpreadServer;
	const run = (parameters: INodeParameters, input: Array<Record<string, unknown>> = [{}]) =>
		runNode({
			type: SPREAD,
			parameters,
			credentials: { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: `${server.baseUrl}/` } },
			input: input as never,
		});

	beforeAll(async () => {
		server = await startSpreadServer({ customers: 12 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('gets a campaign (SPREAD wraps it in an array) and lists campaigns with paging only, as documented', async () => {
		const one = await run({ resource: 'campaign', operation: 'get', campaignId: '12346' });
		expect(server.requests[0].path).toBe('/api/v2/campaigns/12346');
		expect(one.items.map((item) => item.json)).toEqual([server.campaigns[1]]);

		server.reset();
		// A filter left in an older workflow's parameters is not sent: the campaign list documents none.
		const many = await run({ resource: 'campaign', operation: 'getAll', returnAll: true, filters: { operationId: '54321', modifiedAfter: '2018-01-01T00:00:00Z' } });
		expect(many.nodeError).toBeUndefined();
		expect(Object.fromEntries(server.requests[0].query)).toEqual({ startAt: '0', maxResults: '5000' });
		expect(many.items.map((item) => item.json.id)).toEqual(['12345', '12346', '12347']);
	});

	it('gets an order by merchant order ID and lists orders with a limit', async () => {
		const one = await run({ resource: 'order', operation: 'get', merchantOrderId: 'CMD-1003' });
		expect(server.requests[0].path).toBe('/api/v2/orders/CMD-1003');
		expect(one.items[0].json).toMatchObject({ orderId: 'CMD-1003', customerId: '123459', status: '10' });

		server.reset();
		const many = await run({ resource: 'order', operation: 'getAll', returnAll: false, limit: 5 });
		expect(server.requests[0].query.get('maxResults')).toBe('5');
		expect(many.items).toHaveLength(5);
	});

	it('adds an amount to a cagnotte, by email or by customer ID', async () => {
		const byEmail = await run({ resource: 'cagnotte', operation: 'add', identifyBy: 'email', email: 'customer2@example.com', amount: 5 });
		expect(`${server.requests[0].method} ${server.requests[0].path}`).toBe('POST /api/v2/cagnottes');
		expect(JSON.parse(server.requests[0].body)).toEqual({ customer: { email: 'customer2@example.com' }, cagnotte: { amount: 5 } });
		expect(byEmail.items[0].json).toMatchObject({ customer: { id: '123457', cagnotteAmount: '5' }, cagnotte: { amount: '5' } });

		const byId = await run({ resource: 'cagnotte', operation: 'add', identifyBy: 'customerId', customerId: '123457', amount: 2.5 });
		expect(JSON.parse(server.requests[1].body)).toEqual({ customerId: '123457', cagnotte: { amount: 2.5 } });
		expect(byId.items[0].json).toMatchObject({ customer: { cagnotteAmount: '7.5' } });

		const lines = await run({ resource: 'cagnotte', operation: 'getAll', returnAll: true });
		expect(lines.items.map((item) => item.json.amount)).toEqual(['5', '2.5']);
	});

	it('a cagnotte credit is never resent after a 503 (it may have been applied)', async () => {
		server.injectFault({ kind: 'status', status: 503, body: '{"error":"Service unavailable"}' });
		const result = await run({ resource: 'cagnotte', operation: 'add', identifyBy: 'email', email: 'customer2@example.com', amount: 1 });
		expect(server.requests).toHaveLength(1);
		expect(result.nodeError?.message).toBe('503: Service unavailable');
	});

	it('refuses a zero amount before any request', async () => {
		const result = await run({ resource: 'cagnotte', operation: 'add', identifyBy: 'email', email: 'customer2@example.com', amount: 0 });
		expect(server.requests).toHaveLength(0);
		expect(result.nodeError?.message).toMatch(/^Amount: must be a number other than 0/);
	});

	it('creates a customer custom event with date and metadata', async () => {
		const result = await run({
			resource: 'customerCustomEvent',
			operation: 'create',
			customerId: '123460',
			type: 'store_visit',
			additionalFields: { date: '2024-05-01T10:30:00Z', metadata: '{"store":"Lyon Part-Dieu","amount":12.5}' },
		});
		expect(`${server.requests[0].method} ${server.requests[0].path}`).toBe('POST /api/v2/customers-custom-events/123460');
		expect(JSON.parse(server.requests[0].body)).toEqual({
			customerCustomEvent: { type: 'store_visit', date: '2024-05-01 10:30:00', metadata: { store: 'Lyon Part-Dieu', amount: 12.5 } },
		});
		expect(result.items[0].json).toMatchObject({ customerCustomEvent: { customerId: '123460', type: 'store_visit' } });
	});

	it('refuses metadata that is not a JSON object', async () => {
		const result = await run({ resource: 'customerCustomEvent', operation: 'create', customerId: '123460', type: 'x', additionalFields: { metadata: '[1,2]' } });
		expect(server.requests).toHaveLength(0);
		expect(result.nodeError?.message).toMatch(/^Metadata: must be a JSON object/);
	});

	it('lists sponsorships with only the documented filters: operartionId (the document\'s spelling), dates as days', async () => {
		const result = await run({ resource: 'sponsorship', operation: 'getAll', returnAll: true, filters: { operationId: '54321', createdBefore: '2020-01-05T00:00:00Z' } });
		expect(Object.fromEntries(server.requests[0].query)).toEqual({
			operartionId: '54321',
			createBefore: '2020-01-05',
			startAt: '0',
			maxResults: '5000',
		});
		expect(result.items.map((item) => item.json.id)).toEqual(['671488', '671489', '671490', '671491']);
	});
});
