import type { INodeParameters } from 'n8n-workflow';

import { loadNodeOptions, pollRunner } from '../engine/pollRunner';
import { nodeType } from '../engine/runner';
import type { SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const TRIGGER = nodeType('spreadTrigger');

describe('SPREAD Trigger (polling), through n8n-core\'s PollContext', () => {
	let server: SpreadServer;
	const credentials = () => ({ spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } });
	const trigger = (parameters: INodeParameters, nodeStaticData?: Record<string, unknown>) =>
		pollRunner({ type: TRIGGER, parameters, credentials: credentials(), nodeStaticData: nodeStaticData as never });
	const ids = (items: Array<{ json: Record<string, unknown> }> | null) => (items ?? []).map((item) => item.json.id);

	beforeEach(async () => {
		server = await startSpreadServer({ customers: 20 });
	});
	afterEach(async () => await server.close());

	it('the first poll emits nothing old; later polls emit each new customer once', async () => {
		const runner = await trigger({ event: 'customerCreated' });
		// Up to 0.1.0 the first poll called nothing and kept a cursor on n8n's clock, compared with SPREAD's stamps
		// (issue 27: lost or old customers when a stamp's zone is not the one assumed). It now notes what is there.
		expect(await runner.poll()).toBeNull();
		expect(server.requests).toHaveLength(1);
		expect(runner.staticData()).toMatchObject({ lastPoll: expect.any(Number), seen: expect.any(Object) });

		const created = server.addCustomer({ email: 'new1@example.com', tags: [] });
		const second = await runner.poll();
		expect(ids(second)).toEqual([created.id]);
		expect(second![0].json.tags).toEqual([]);
		const query = server.requests[0].query;
		expect(query.get('createdAfter')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(query.get('modifiedAfter')).toBeNull();

		expect(await runner.poll()).toBeNull();
		server.advanceClock(2000);
		const later = server.addCustomer({ email: 'new2@example.com' });
		expect(ids(await runner.poll())).toEqual([later.id]);
		expect(await runner.poll()).toBeNull();
	});

	it('customers created in the same second as the last one seen are neither missed nor repeated', async () => {
		const runner = await trigger({ event: 'customerCreated' });
		await runner.poll();
		server.advanceClock(1000);
		const first = server.addCustomer({ email: 'same1@example.com' });
		expect(ids(await runner.poll())).toEqual([first.id]);
		const second = server.addCustomer({ email: 'same2@example.com' });
		second.createdAt = first.createdAt;
		expect(ids(await runner.poll())).toEqual([second.id]);
		expect(await runner.poll()).toBeNull();
		expect(Object.values(runner.staticData().seen as Record<string, string[]>).flat()).toEqual(
			expect.arrayContaining([`${String(first.id)}@${String(first.createdAt)}`, `${String(second.id)}@${String(second.createdAt)}`]),
		);
	});

	it('"created or updated" emits changed customers, each change once, with modifiedAfter', async () => {
		const runner = await trigger({ event: 'customerChanged' });
		await runner.poll();
		server.advanceClock(1000);
		server.touchCustomer('123460', { city: 'Nantes' });
		const created = server.addCustomer({ email: 'fresh@example.com' });
		const changed = await runner.poll();
		expect(ids(changed)).toEqual(['123460', created.id]);
		expect(changed![0].json.city).toBe('Nantes');
		expect(server.requests[0].query.get('modifiedAfter')).not.toBeNull();
		expect(await runner.poll()).toBeNull();
		server.advanceClock(2000);
		server.touchCustomer('123460', { city: 'Rennes' });
		const again = await runner.poll();
		expect(ids(again)).toEqual(['123460']);
		expect(again![0].json.city).toBe('Rennes');
	});

	it('a poll across a page boundary emits every customer once, in two calls of at most 5,000', async () => {
		const runner = await trigger({ event: 'customerCreated' });
		await runner.poll();
		server.advanceClock(1000);
		const created = Array.from({ length: 5003 }, (_, index) => server.addCustomer({ email: `bulk${index}@example.com` }).id);
		server.reset();
		const items = await runner.poll();
		expect(ids(items)).toEqual(created);
		expect(server.requests.map((request) => [request.query.get('startAt'), request.query.get('maxResults')])).toEqual([
			['0', '5000'],
			['5000', '5000'],
		]);
		expect(await runner.poll()).toBeNull();
	});

	it('static data persists: a new poller started from it carries on where the last stopped', async () => {
		const runner = await trigger({ event: 'customerCreated' });
		await runner.poll();
		server.advanceClock(1000);
		const seen = server.addCustomer({ email: 'seen@example.com' });
		expect(ids(await runner.poll())).toEqual([seen.id]);
		const saved = JSON.parse(JSON.stringify(runner.staticData()));

		server.advanceClock(1000);
		const unseen = server.addCustomer({ email: 'unseen@example.com' });
		const restarted = await trigger({ event: 'customerCreated' }, saved);
		expect(ids(await restarted.poll())).toEqual([unseen.id]);
	});

	it('Start From emits existing customers on the first poll, when the user asks for it', async () => {
		const since = Date.parse(String(server.customers.get('123470')!.createdAt).replace('+0000', 'Z'));
		const runner = await trigger({ event: 'customerCreated', options: { startFrom: new Date(since).toISOString(), showCustomFields: true } });
		const items = await runner.poll();
		expect(ids(items)).toEqual(['123470', '123471', '123472', '123473', '123474', '123475']);
		expect(server.requests[0].query.get('showCustomFields')).toBe('1');
		expect(items![0].json.custom_fields).toEqual({});
		expect(items![1].json.custom_fields).toEqual({ '34567': 'Sport:Basket', '56789': 'Logement:Appartement' });
		expect(await runner.poll()).toBeNull();
	});

	it('a manual test run shows the latest customer and leaves the poll state alone', async () => {
		const runner = await trigger({ event: 'customerCreated' });
		const items = await runner.poll('manual');
		expect(ids(items)).toEqual(['123475']);
		expect(runner.staticData()).toEqual({});
	});

	it('a poll that fails raises a NodeApiError without keys, and the next poll catches up', async () => {
		const runner = await trigger({ event: 'customerCreated' });
		await runner.poll();
		server.advanceClock(1000);
		const created = server.addCustomer({ email: 'after-fault@example.com' });
		server.injectFault({ kind: 'status', status: 400, body: JSON.stringify({ error: `refused ${server.privateKey}` }) });
		const failure = await runner.poll().catch((error: Error) => error);
		expect((failure as Error).name).toBe('NodeApiError');
		expect((failure as Error).message).toBe('400: refused [redacted]');
		expect(ids(await runner.poll())).toEqual([created.id]);
	});
});

describe('SPREAD node: options loaded from the API', () => {
	let server: SpreadServer;
	beforeAll(async () => {
		server = await startSpreadServer({ customers: 12 });
	});
	afterAll(async () => await server.close());

	const load = (method: string) =>
		loadNodeOptions({
			type: nodeType('spread'),
			method,
			parameters: { resource: 'campaign', operation: 'get' },
			credentials: { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } },
		});

	it('lists campaigns by name with their ID', async () => {
		server.reset();
		expect(await load('getCampaigns')).toEqual([
			{ name: 'Concours photos (12346)', value: '12346', description: 'contest · concours-photos' },
			{ name: 'Instant gagnant hiver (12345)', value: '12345', description: 'instantwinner · instant-gagnant' },
			{ name: 'Parrainage printemps (12347)', value: '12347', description: 'sponsorship · parrainage' },
		]);
		expect(server.requests[0].path).toBe('/api/v2/campaigns');
	});

	it('lists the custom fields seen on customers, named by their label', async () => {
		server.reset();
		expect(await load('getCustomFields')).toEqual([
			{ name: 'Logement (56789)', value: '56789' },
			{ name: 'Sport (34567)', value: '34567' },
		]);
		expect(server.requests[0].query.get('showCustomFields')).toBe('1');
	});
});
