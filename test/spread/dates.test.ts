/**
 * @jest-environment ./test/engine/parisEnvironment.js
 */
import type { INodeParameters } from 'n8n-workflow';

import { pollRunner } from '../engine/pollRunner';
import { nodeType, runNode } from '../engine/runner';
import type { SpreadServer } from '../servers/spread';
import { spreadTimestamp, startSpreadServer } from '../servers/spread';

const SPREAD = nodeType('spread');
const TRIGGER = nodeType('spreadTrigger');

// This whole file runs with TZ=Europe/Paris (the environment above): dates must still be the days typed.
describe('SPREAD dates in a Paris-time n8n: the day typed or picked, as YYYY-mm-dd', () => {
	let server: SpreadServer;
	const credentials = () => ({ spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } });
	const run = (parameters: INodeParameters) => runNode({ type: SPREAD, parameters, credentials: credentials(), input: [{}] });

	beforeAll(async () => {
		server = await startSpreadServer({ customers: 5 });
	});
	afterAll(async () => {
		await server.close();
	});
	beforeEach(() => server.reset());

	it('the process really is in Paris: converting the picker value through Date would give the day before in UTC', () => {
		expect(new Date('2024-06-01T00:00:00').toISOString()).toBe('2024-05-31T22:00:00.000Z');
	});

	it('Get Many sends the picked days (picker text without a zone, typed text, an expression Date) unshifted', async () => {
		const result = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: {
				createdAfter: '2024-06-01T00:00:00',
				createdBefore: '2024-07-01',
				modifiedAfter: '2024-06-01T23:30:00',
				modifiedBefore: '={{ new Date(Date.UTC(2030, 0, 1, 12)) }}',
			},
		});
		expect(result.nodeError).toBeUndefined();
		expect(Object.fromEntries(server.requests[0].query)).toEqual({
			createdAfter: '2024-06-01',
			createBefore: '2024-07-01',
			modifiedAfter: '2024-06-01',
			modifiedBefore: '2030-01-01',
			startAt: '0',
			maxResults: '5000',
		});
	});

	it('sponsorships and orders send their date filters the same way', async () => {
		await run({ resource: 'sponsorship', operation: 'getAll', returnAll: true, filters: { createdAfter: '2020-01-02T00:00:00', url: 'parrainage' } });
		await run({ resource: 'order', operation: 'getAll', returnAll: true, filters: { modifiedBefore: '2020-01-02T00:00:00' } });
		expect(server.requests.map((request) => request.query.get('createdAfter') ?? request.query.get('modifiedBefore'))).toEqual(['2020-01-02', '2020-01-02']);
		expect(server.requests.every((request) => request.query.get('url') === null || request.query.get('url') === 'parrainage')).toBe(true);
	});

	it('a birthday picked on create is the day picked', async () => {
		const result = await run({ resource: 'customer', operation: 'create', email: 'born@example.com', additionalFields: { birthday: '1990-04-25T00:00:00' } });
		expect(result.nodeError).toBeUndefined();
		expect(JSON.parse(server.requests[0].body).customer.birthday).toBe('1990-04-25');
	});

	it('a custom event date picked without a zone is read in the workflow\'s time zone (not the machine\'s), then sent in UTC', async () => {
		const event = (timezone: string) =>
			runNode({
				type: SPREAD,
				parameters: { resource: 'customerCustomEvent', operation: 'create', customerId: '123460', type: 'store_visit', additionalFields: { date: '2024-05-01T10:30:00' } },
				credentials: credentials(),
				input: [{}],
				settings: { timezone },
			});
		const sentDates = () => server.requests.map((request) => (JSON.parse(request.body) as { customerCustomEvent: { date: string } }).customerCustomEvent.date);
		// The process runs in Paris (UTC+2 in May): reading the picker in the machine's zone would send 08:30 both times.
		expect((await event('America/New_York')).nodeError).toBeUndefined();
		expect((await event('UTC')).nodeError).toBeUndefined();
		expect(sentDates()).toEqual(['2024-05-01 14:30:00', '2024-05-01 10:30:00']);
	});

	it('an order date and a custom event date picked the same are the same instant', async () => {
		const settings = { timezone: 'America/New_York' };
		await runNode({ type: SPREAD, parameters: { resource: 'customerCustomEvent', operation: 'create', customerId: '123460', type: 'x', additionalFields: { date: '2024-05-01T10:30:00' } }, credentials: credentials(), input: [{}], settings });
		await runNode({ type: SPREAD, parameters: { resource: 'order', operation: 'create', orderId: 'A-1', customerEmail: 'a@example.com', amount: 10, additionalFields: { date: '2024-05-01T10:30:00' } }, credentials: credentials(), input: [{}], settings });
		const eventDate = (JSON.parse(server.requests[0].body) as { customerCustomEvent: { date: string } }).customerCustomEvent.date;
		const orderDate = new URLSearchParams(server.requests[1].body).get('data[date]');
		// The event goes in UTC, the order in the workflow's wall-clock time (SPREAD's APIv1 form): 10:30 in New York both.
		expect(eventDate).toBe('2024-05-01 14:30:00');
		expect(orderDate).toBe('2024-05-01 10:30:00');
	});

	it('a date SPREAD cannot read is refused before any call, naming the filter and the item', async () => {
		const result = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { createdAfter: '2024-02-30' } });
		expect(server.requests).toHaveLength(0);
		expect(result.nodeError?.message).toBe('Filters > Created After: "2024-02-30" is not a date (item 0)');
	});

	it('the strict local SPREAD refuses the old ISO date-times and undocumented parameters (what the node no longer sends)', async () => {
		const ask = async (path: string) => {
			const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Basic ${Buffer.from(`${server.publicKey}:${server.privateKey}`).toString('base64')}` } });
			return { status: response.status, body: (await response.json()) as { error?: string } };
		};
		expect(await ask('/customers?createdAfter=2024-06-01T00:00:00%2B00:00')).toEqual({ status: 400, body: { error: 'createdAfter: invalid date "2024-06-01T00:00:00+00:00", expected YYYY-mm-dd.' } });
		expect((await ask('/campaigns?modifiedAfter=2024-06-01')).status).toBe(400);
		expect((await ask('/sponsorships?operationId=54321')).body.error).toBe('Unknown parameter "operationId" for /sponsorships.');
		expect((await ask('/sponsorships?operartionId=54321&createBefore=2030-01-01')).status).toBe(200);
	});
});

describe('SPREAD Trigger at day boundaries (TZ=Europe/Paris, SPREAD filters by whole days)', () => {
	let server: SpreadServer;
	const credentials = () => ({ spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } });
	const ids = (items: Array<{ json: Record<string, unknown> }> | null) => (items ?? []).map((item) => item.json.id);
	// One controlled clock for SPREAD and the trigger (jest's fake Date; timers stay real): since issue 27 the trigger
	// reads a window around its own last poll, so the two clocks must agree, as they do in life.
	const at = (iso: string) => jest.setSystemTime(Date.parse(iso));

	beforeEach(async () => {
		jest.useFakeTimers({
			advanceTimers: true,
			doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
		});
		server = await startSpreadServer({ now: () => Date.now() });
	});
	afterEach(async () => {
		jest.useRealTimers();
		await server.close();
	});

	it('customers stamped just before and after UTC midnight are each emitted once, none missed', async () => {
		const cursor = Date.parse('2024-06-01T23:59:58Z');
		const runner = await pollRunner({
			type: TRIGGER,
			parameters: { event: 'customerCreated' },
			credentials: credentials(),
			nodeStaticData: { cursor, idsAtCursor: [], event: 'customerCreated' },
		});
		at('2024-06-01T10:00:00Z');
		server.addCustomer({ email: 'old@example.com' });
		at('2024-06-01T23:59:59Z');
		const beforeMidnight = server.addCustomer({ email: 'before@example.com' });
		at('2024-06-02T00:00:00Z');
		const atMidnight = server.addCustomer({ email: 'midnight@example.com' });
		const first = await runner.poll();
		expect(ids(first)).toEqual([beforeMidnight.id, atMidnight.id]);
		// 36 hours before the cursor, so the day holding it comes back however SPREAD reads "after".
		expect(server.requests[0].query.get('createdAfter')).toBe('2024-05-31');

		expect(await runner.poll()).toBeNull();
		at('2024-06-02T00:00:01Z');
		const after = server.addCustomer({ email: 'after@example.com' });
		expect(ids(await runner.poll())).toEqual([after.id]);
		expect(server.requests.at(-1)!.query.get('createdAfter')).toBe('2024-05-31');
		expect(await runner.poll()).toBeNull();
		// The state of 0.1.0 (a cursor) was carried on once; the trigger now keeps keys (issue 27).
		expect(runner.staticData()).toMatchObject({ lastPoll: expect.any(Number), seen: { '2024-06-02': expect.arrayContaining([`${String(after.id)}@${spreadTimestamp(Date.parse('2024-06-02T00:00:01Z'))}`]) } });
		expect(runner.staticData().cursor).toBeUndefined();
	});

	it('Start From picked as 2024-06-02 00:00 is that midnight in the workflow\'s time zone, not the process\'s', async () => {
		at('2024-06-01T21:59:59Z');
		server.addCustomer({ email: 'paris-day-before@example.com' });
		at('2024-06-01T22:00:00Z');
		const parisMidnight = server.addCustomer({ email: 'paris-midnight@example.com' });
		const runner = await pollRunner({
			type: TRIGGER,
			parameters: { event: 'customerCreated', options: { startFrom: '2024-06-02T00:00:00' } },
			credentials: credentials(),
			timezone: 'Europe/Paris',
		});
		expect(ids(await runner.poll())).toEqual([parisMidnight.id]);
		const utc = await pollRunner({
			type: TRIGGER,
			parameters: { event: 'customerCreated', options: { startFrom: '2024-06-02T00:00:00' } },
			credentials: credentials(),
			timezone: 'UTC',
		});
		expect(await utc.poll()).toBeNull();
	});
});
