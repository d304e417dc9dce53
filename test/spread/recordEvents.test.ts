import type { INodeParameters } from 'n8n-workflow';

import { pollRunner } from '../engine/pollRunner';
import { nodeType } from '../engine/runner';
import type { SpreadServer, SpreadServerOptions } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const TRIGGER = nodeType('spreadTrigger');
const HOUR = 3600_000;

/**
 * The SPREAD Trigger's order and sponsorship events, through n8n-core's PollContext, on a controlled clock (only
 * Date is faked: the servers and n8n still use real timers). SPREAD's plain stamps carry no zone: the server writes
 * them in the zone a test gives, and nothing in the trigger may depend on it.
 */
describe('SPREAD Trigger: New or Updated Order, New Sponsorship', () => {
	let server: SpreadServer;
	const credentials = () => ({ spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } });
	const trigger = (parameters: INodeParameters, nodeStaticData?: Record<string, unknown>, timezone?: string) =>
		pollRunner({ type: TRIGGER, parameters, credentials: credentials(), nodeStaticData: nodeStaticData as never, timezone });
	const keyCount = (state: Record<string, unknown>) => Object.values((state.seen ?? {}) as Record<string, string[]>).flat().length;
	/** An IANA zone at a fixed offset from UTC (Etc/GMT+5 is UTC−5). */
	const zoneAt = (hours: number) => (hours === 0 ? 'UTC' : `Etc/GMT${hours < 0 ? '+' : '-'}${Math.abs(hours)}`);
	const ids = (items: Array<{ json: Record<string, unknown> }> | null) => (items ?? []).map((item) => item.json.id);
	const start = async (options: SpreadServerOptions = {}) => {
		server = await startSpreadServer({ customers: 10, ...options });
	};

	beforeEach(() => {
		jest.useFakeTimers({
			doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
		});
		jest.setSystemTime(Date.UTC(2026, 2, 10, 12, 0, 0));
	});
	afterEach(async () => {
		jest.useRealTimers();
		await server?.close();
	});

	it('orders: the first poll notes what is there, then each new order and each change once, one call a poll', async () => {
		await start();
		const runner = await trigger({ event: 'orderChanged' });
		expect(await runner.poll()).toBeNull();
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].path).toBe('/api/v2/orders');
		expect(Object.fromEntries(server.requests[0].query)).toEqual({ modifiedAfter: '2026-03-09', startAt: '0', maxResults: '5000' });

		jest.setSystemTime(Date.now() + 60_000);
		const order = server.addOrder({ orderId: 'SHOP-1', amount: '42.5' });
		server.reset();
		const first = await runner.poll();
		expect(ids(first)).toEqual([order.id]);
		expect(first![0].json).toMatchObject({ orderId: 'SHOP-1', amount: '42.5', status: '10' });
		expect(server.requests).toHaveLength(1);
		expect(await runner.poll()).toBeNull();

		jest.setSystemTime(Date.now() + 60_000);
		server.touchOrder('SHOP-1', { status: '20' });
		const changed = await runner.poll();
		expect(changed!.map((item) => [item.json.orderId, item.json.status])).toEqual([['SHOP-1', '20']]);
		expect(await runner.poll()).toBeNull();
	});

	it('orders without stamps: a change of content is a change, each once', async () => {
		await start({ orderStamps: false });
		const runner = await trigger({ event: 'orderChanged' });
		await runner.poll();
		jest.setSystemTime(Date.now() + 60_000);
		server.addOrder({ orderId: 'SHOP-2' });
		const created = await runner.poll();
		expect(created!.map((item) => item.json.orderId)).toEqual(['SHOP-2']);
		expect(created![0].json.updatedAt).toBeUndefined();
		expect(await runner.poll()).toBeNull();
		jest.setSystemTime(Date.now() + 60_000);
		server.touchOrder('SHOP-2', { status: '30' });
		expect((await runner.poll())!.map((item) => item.json.status)).toEqual(['30']);
		expect(await runner.poll()).toBeNull();
	});

	it('sponsorships: each new one once; a later change to it is not a new sponsorship', async () => {
		await start();
		const runner = await trigger({ event: 'sponsorshipCreated' });
		expect(await runner.poll()).toBeNull();
		expect(server.requests[0].query.get('createdAfter')).toBe('2026-03-09');
		jest.setSystemTime(Date.now() + 60_000);
		const made = server.addSponsorship({ godsonId: '123460' });
		expect(ids(await runner.poll())).toEqual([made.id]);
		made.sponsorshipValidated = '1';
		made.updatedAt = '2026-03-10 12:05:00';
		expect(await runner.poll()).toBeNull();

		// Simplify: the flag as a boolean, the zone-less stamp as ISO text (still without a zone).
		const simplified = await trigger({ event: 'sponsorshipCreated', options: { simplify: true } }, JSON.parse(JSON.stringify(runner.staticData())));
		jest.setSystemTime(Date.now() + 60_000);
		const typed = server.addSponsorship({ sponsorshipValidated: '1' });
		expect((await simplified.poll())!.map((item) => [item.json.id, item.json.sponsorshipValidated, item.json.createdAt])).toEqual([
			[typed.id, true, '2026-03-10T12:02:00'],
		]);
	});

	it('restarts: a new poller started from the saved static data carries on, nothing repeated or lost', async () => {
		await start();
		const runner = await trigger({ event: 'orderChanged' });
		await runner.poll();
		jest.setSystemTime(Date.now() + 60_000);
		server.addOrder({ orderId: 'SHOP-SEEN' });
		expect((await runner.poll())!.map((item) => item.json.orderId)).toEqual(['SHOP-SEEN']);
		const saved = JSON.parse(JSON.stringify(runner.staticData()));

		// n8n was down for three days.
		jest.setSystemTime(Date.now() + 72 * HOUR);
		server.addOrder({ orderId: 'SHOP-WHILE-DOWN' });
		const restarted = await trigger({ event: 'orderChanged' }, saved);
		expect((await restarted.poll())!.map((item) => item.json.orderId)).toEqual(['SHOP-WHILE-DOWN']);
		expect(await restarted.poll()).toBeNull();
	});

	describe.each([
		['UTC-12', -12],
		['UTC-5', -5],
		['UTC', 0],
		['UTC+1', 1],
		['UTC+14', 14],
	])('SPREAD stamping in %s', (_zone, offset) => {
		it.each(['America/New_York', 'Europe/Paris', 'Pacific/Kiritimati'])(
			'workflow in %s: polls on both sides of midnight (UTC and the stamps\') lose and repeat nothing',
			async (timezone) => {
				await start({ stampZone: zoneAt(offset) });
				jest.setSystemTime(Date.UTC(2026, 2, 10, 0, 0, 0) - offset * HOUR - 90_000);
				const orders = await trigger({ event: 'orderChanged' }, undefined, timezone);
				const sponsorships = await trigger({ event: 'sponsorshipCreated' }, undefined, timezone);
				expect(await orders.poll()).toBeNull();
				expect(await sponsorships.poll()).toBeNull();
				const emitted: unknown[] = [];
				const made: unknown[] = [];
				// Every 20 minutes for a day and a half: over midnight in the stamps' zone and in UTC.
				for (let step = 0; step < 108; step++) {
					jest.setSystemTime(Date.now() + 20 * 60_000);
					if (step % 3 === 0) made.push(server.addOrder({ orderId: `Z-${step}` }).orderId);
					if (step % 5 === 0) made.push(server.addSponsorship({}).id);
					if (step % 7 === 0 && step > 0) made.push(server.touchOrder('Z-0', { status: String(step) }).orderId);
					for (const runner of [orders, sponsorships]) for (const item of (await runner.poll()) ?? []) emitted.push(item.json.orderId ?? item.json.id);
				}
				// Sorted: a poll emits in SPREAD's list order, where a changed order keeps its place.
				expect(emitted.map(String).sort()).toEqual(made.map(String).sort());
				expect(keyCount(orders.staticData())).toBeLessThanOrEqual(5000);
			},
		);
	});

	it('the state stays bounded: a window of more than 5,000 orders keeps at most 5,000 keys and still repeats and loses nothing', async () => {
		await start();
		const runner = await trigger({ event: 'orderChanged' });
		await runner.poll();
		// 5,100 orders over 34 hours (n8n stopped meanwhile), on two dates.
		for (let index = 0; index < 5100; index++) {
			if (index % 150 === 0) jest.setSystemTime(Date.now() + HOUR);
			server.addOrder({ orderId: `BULK-${index}` });
		}
		server.reset();
		const bulk = await runner.poll();
		expect(bulk).toHaveLength(5100);
		expect(server.requests).toHaveLength(2);
		const state = runner.staticData();
		expect(keyCount(state)).toBeLessThanOrEqual(5000);
		expect(state.floor).toBe('2026-03-10');
		expect(JSON.stringify(state).length).toBeLessThan(100_000);
		expect(await runner.poll()).toBeNull();
		jest.setSystemTime(Date.now() + 60_000);
		server.addOrder({ orderId: 'AFTER-BULK' });
		expect((await runner.poll())!.map((item) => item.json.orderId)).toEqual(['AFTER-BULK']);
	});

	it('Start From emits the orders since that day on the first poll', async () => {
		await start();
		const runner = await trigger({ event: 'orderChanged', options: { startFrom: '2026-03-10T00:00:00' } }, undefined, 'Europe/Paris');
		const items = await runner.poll();
		// The 10 generated orders were stamped in the last hours.
		expect(items).toHaveLength(10);
		expect(server.requests[0].query.get('modifiedAfter')).toBe('2026-03-09');
		expect(await runner.poll()).toBeNull();
	});

	it('a manual test run shows the latest order and leaves the poll state alone', async () => {
		await start();
		const runner = await trigger({ event: 'orderChanged' });
		const items = await runner.poll('manual');
		expect(items!.map((item) => item.json.orderId)).toEqual(['CMD-1009']);
		expect(runner.staticData()).toEqual({});
	});

	it('a failed poll keeps the state, and the next poll catches up', async () => {
		await start();
		const runner = await trigger({ event: 'sponsorshipCreated' });
		await runner.poll();
		jest.setSystemTime(Date.now() + 60_000);
		const made = server.addSponsorship({});
		server.injectFault({ kind: 'status', status: 400, body: JSON.stringify({ error: 'refused' }) });
		await expect(runner.poll()).rejects.toThrow();
		expect(ids(await runner.poll())).toEqual([made.id]);
	});
});
