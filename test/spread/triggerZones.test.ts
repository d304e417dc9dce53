/**
 * @jest-environment ./test/engine/parisEnvironment.js
 */
// The SPREAD Trigger when SPREAD writes its customers' stamps without an offset, in a zone it does not name (and
// with the documented `+0000`): nothing lost, nothing repeated, nothing old on activation, polls on both sides of
// the stamping zone's midnight. The clock is controlled: jest's fake Date, set to each moment of the story (the
// test server stamps with the same Date); it moves on with real time between two settings only so waits in the
// transport can end. No assertion depends on how long anything takes.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { pollRunner } from '../engine/pollRunner';
import { nodeType } from '../engine/runner';
import type { SpreadRecord, SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const TRIGGER = nodeType('spreadTrigger');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** How SPREAD may write its stamps: documented (`+0000`), or without an offset in a zone (Etc/GMT+5 is UTC−5). */
const STAMPS: Array<[string, string | undefined]> = [
	['with +0000', undefined],
	['zone-less, UTC−5', 'Etc/GMT+5'],
	['zone-less, UTC', 'UTC'],
	['zone-less, UTC+1', 'Etc/GMT-1'],
	['zone-less, UTC+14', 'Etc/GMT-14'],
];
const EVENTS = ['customerCreated', 'customerChanged'] as const;

function controlClock(): void {
	jest.useFakeTimers({
		advanceTimers: true,
		doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
	});
}

/** The instant a clock in `zone` next shows 00:00 after `after` (fixed offsets). */
function nextMidnight(after: number, zone: string): number {
	const shown = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(after));
	const offset = Date.parse(`${shown.replace(' ', 'T')}Z`) - after;
	return Date.parse(`${shown.slice(0, 10)}T00:00:00Z`) + 24 * HOUR - offset;
}

describe('SPREAD Trigger: whatever zone SPREAD stamps in (controlled clock)', () => {
	let server: SpreadServer;
	beforeEach(controlClock);
	afterEach(async () => {
		jest.useRealTimers();
		await server?.close();
	});

	describe.each(STAMPS)('SPREAD stamps %s', (_label, stampZone) => {
		it.each(EVENTS)('%s: each customer (each change) at the next poll, once, none from before activation', async (event) => {
			const base = Date.UTC(2026, 0, 15, 12);
			const midnight = nextMidnight(base, stampZone ?? 'UTC');
			const activation = midnight - 2 * HOUR;
			jest.setSystemTime(activation - 3 * HOUR);
			server = await startSpreadServer({ customers: 5, stampZone });
			const stampField = event === 'customerCreated' ? 'createdAt' : 'updatedAt';
			const keyOf = (customer: Record<string, unknown>) => `${String(customer.id)}@${String(customer[stampField])}`;
			const credentials = { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } };
			const runnerFrom = async (nodeStaticData?: IDataObject) => await pollRunner({ type: TRIGGER, parameters: { event }, credentials, nodeStaticData, timezone: 'America/New_York' });
			let made = 0;
			const add = (time: number) => {
				jest.setSystemTime(time);
				return server.addCustomer({ email: `zone${made++}@example.com` });
			};
			const touch = (customer: SpreadRecord, time: number) => {
				jest.setSystemTime(time);
				return server.touchCustomer(String(customer.id), { city: `at ${time}` });
			};

			const before = [add(activation - 2 * HOUR), add(activation - 2 * MINUTE), add(activation - SECOND)];
			const old = before.map(keyOf);
			jest.setSystemTime(activation);
			let runner = await runnerFrom();
			expect(await runner.poll()).toBeNull();

			const pollTimes = [midnight - 30 * MINUTE, midnight + 30 * MINUTE, midnight + 2 * HOUR];
			const emitted: string[] = [];
			const expected: string[] = [];
			let previous = activation;
			let firstNew: SpreadRecord | undefined;
			for (const [index, pollAt] of pollTimes.entries()) {
				const due = new Map<string, SpreadRecord>();
				const times = [previous + SECOND, pollAt - SECOND];
				if (midnight > previous + SECOND && midnight < pollAt - SECOND) times.splice(1, 0, midnight - SECOND, midnight);
				for (const time of times) {
					const customer = add(time);
					firstNew ??= customer;
					due.set(String(customer.id), customer);
				}
				if (event === 'customerChanged') {
					due.set(String(before[index % 3].id), touch(before[index % 3], previous + 2 * SECOND));
					due.set(String(firstNew!.id), touch(firstNew!, pollAt - 2 * SECOND));
				}
				const dueKeys = [...due.values()].map(keyOf);
				jest.setSystemTime(pollAt);
				if (index % 2 === 1) runner = await runnerFrom(JSON.parse(JSON.stringify(runner.staticData())) as IDataObject);
				const items: INodeExecutionData[] = (await runner.poll()) ?? [];
				const keys = items.map((item) => keyOf(item.json));
				expect({ at: new Date(pollAt).toISOString(), keys: [...keys].sort() }).toEqual({ at: new Date(pollAt).toISOString(), keys: [...dueKeys].sort() });
				emitted.push(...keys);
				expected.push(...dueKeys);
				previous = pollAt;
			}
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(emitted.filter((key) => old.includes(key))).toEqual([]);
			expect(expected.length).toBeGreaterThanOrEqual(event === 'customerCreated' ? 6 : 10);
		});
	});
});
