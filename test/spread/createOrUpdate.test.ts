import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../engine/runner';
import type { SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const SPREAD = nodeType('spread');

describe('SPREAD Customer → Create or Update (by email), through the engine', () => {
	let server: SpreadServer;
	const credentials = () => ({ spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } });
	const run = (parameters: INodeParameters, input: Array<Record<string, unknown>>, continueOnFail = false) =>
		runNode({
			type: SPREAD,
			parameters: { resource: 'customer', operation: 'createOrUpdate', email: '={{ $json.email }}', ...parameters },
			credentials: credentials(),
			input: input as never,
			continueOnFail,
		});
	const wire = () => server.requests.map((request) => `${request.method} ${request.path}${request.query.size ? `?${request.query.toString()}` : ''}`);

	beforeEach(async () => {
		server = await startSpreadServer({ customers: 3 });
	});
	afterEach(async () => await server.close());

	it('updates the customer found by email (case ignored) and creates the one not found; one result per item, paired', async () => {
		const result = await run({ additionalFields: { city: '={{ $json.city }}', tags: ['synced'] } }, [
			{ email: 'Customer2@Example.com', city: 'Nantes' },
			{ email: 'brand.new@example.com', city: 'Lille' },
		]);
		expect(result.nodeError).toBeUndefined();
		// The two emails are different records, so their calls overlap; each record's calls keep their order.
		const calls = wire();
		expect(calls).toHaveLength(4);
		expect(calls.filter((line) => /Customer2|123457/.test(line))).toEqual([
			'GET /api/v2/customers?email=Customer2%40Example.com&caseInsensitive=1&startAt=0&maxResults=2',
			'PUT /api/v2/customers/123457',
		]);
		expect(calls.filter((line) => /brand\.new|POST/.test(line))).toEqual([
			'GET /api/v2/customers?email=brand.new%40example.com&caseInsensitive=1&startAt=0&maxResults=2',
			'POST /api/v2/customers',
		]);
		const bodyOf = (line: string) => JSON.parse(server.requests[calls.indexOf(line)].body) as unknown;
		// The update carries the email SPREAD holds, as its PUT requires.
		expect(bodyOf('PUT /api/v2/customers/123457')).toEqual({ customer: { email: 'customer2@example.com', city: 'Nantes', tags: ['synced'] } });
		expect(bodyOf('POST /api/v2/customers')).toEqual({ customer: { email: 'brand.new@example.com', city: 'Lille', tags: ['synced'] } });
		expect(result.items.map((item) => [item.json.id, item.json.email, item.json.city])).toEqual([
			['123457', 'customer2@example.com', 'Nantes'],
			['123459', 'brand.new@example.com', 'Lille'],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('a sync run twice leaves one customer per email: the second run updates', async () => {
		const input = [{ email: 'twice@example.com', city: 'Paris' }];
		await run({ additionalFields: { city: '={{ $json.city }}' } }, input);
		const second = await run({ additionalFields: { city: '={{ $json.city }}' } }, [{ email: 'twice@example.com', city: 'Lyon' }]);
		expect(second.nodeError).toBeUndefined();
		expect([...server.customers.values()].filter((customer) => customer.email === 'twice@example.com')).toEqual([expect.objectContaining({ city: 'Lyon' })]);
		expect(wire().map((line) => line.split(' ')[0])).toEqual(['GET', 'POST', 'GET', 'PUT']);
	});

	it('with no field to change, a found customer is returned as it is, with no write', async () => {
		const result = await run({}, [{ email: 'customer1@example.com' }]);
		expect(result.items.map((item) => item.json.id)).toEqual(['123456']);
		expect(wire().map((line) => line.split(' ')[0])).toEqual(['GET']);
	});

	it('several customers with the email: an error naming their IDs; under Continue On Fail the other items go on', async () => {
		server.addCustomer({ email: 'CUSTOMER1@example.com' });
		const result = await run({ additionalFields: { city: 'Brest' } }, [{ email: 'customer1@example.com' }, { email: 'customer3@example.com' }], true);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				error: 'Email: several SPREAD customers have customer1@example.com (IDs 123456, 123459) (item 0)',
				details: 'Merge or delete the duplicates in SPREAD, or update one of them by ID with the Update operation.',
			},
			expect.objectContaining({ id: '123458', city: 'Brest' }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(server.requests.filter((request) => request.method !== 'GET')).toHaveLength(1);
	});

	it('bad input is refused before any call, naming field and item', async () => {
		const result = await run({ additionalFields: { country: 'France' } }, [{ email: 'ok@example.com' }]);
		expect(result.nodeError?.message).toBe('Country: "France" is not an ISO 3166-1 alpha-2 country code (item 0)');
		const noEmail = await run({}, [{ email: 'not-an-email' }]);
		expect(noEmail.nodeError?.message).toBe('Email: "not-an-email" is not a valid email address (item 0)');
		expect(server.requests).toHaveLength(0);
	});

	it('a create that may have reached SPREAD is not sent again (connection reset after the lookup)', async () => {
		// The lookup is answered; the create's connection is reset.
		server.injectFault({ kind: 'delay', ms: 0 });
		server.injectFault({ kind: 'reset' });
		const result = await run({}, [{ email: 'unsure@example.com' }]);
		expect(result.nodeError?.message).toMatch(/Could not reach SPREAD/);
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});
});
