/**
 * @jest-environment ./test/engine/parisEnvironment.js
 */
// The PUBLITRAC Trigger whatever zone PUBLITRAC stamps in (its stamps carry none) and whatever zone the workflow runs
// in: nothing lost, nothing repeated, nothing old on activation, with polls on both sides of midnight in each zone.
// The clock is controlled: jest's fake Date, set to each moment of the story (the test server stamps with the same
// Date). It is left to move on with real time between two settings (advanceTimers) only so the transport's 35
// calls/s spacing can wait; no assertion depends on how long anything takes.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { pollRunner } from '../engine/pollRunner';
import { nodeType } from '../engine/runner';
import type { Lead, PublitracServer } from '../servers/publitrac';
import { addLead, startPublitracServer, stampOf } from '../servers/publitrac';
import { datesInAnyZone } from '../../nodes/shared/polling';

const TRIGGER = nodeType('publitracTrigger');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The zones PUBLITRAC may stamp in (IANA's Etc/GMT signs are inverted: Etc/GMT+5 is UTC−5). */
const STAMP_ZONES: Array<[string, string]> = [
	['UTC−5', 'Etc/GMT+5'],
	['UTC', 'UTC'],
	['UTC+1', 'Etc/GMT-1'],
	['UTC+14', 'Etc/GMT-14'],
];
const WORKFLOW_ZONES = ['America/New_York', 'Europe/Paris', 'Pacific/Kiritimati'];
const EVENTS = ['leadCreated', 'leadChanged'] as const;
type Event = (typeof EVENTS)[number];

/** The instant a clock in `zone` next shows 00:00 after `after` (zones without DST in January, as here). */
function nextMidnight(after: number, zone: string): number {
	const shown = Date.parse(`${stampOf(after, zone).replace(' ', 'T')}Z`);
	const offset = shown - after;
	const midnightThere = Date.parse(`${stampOf(after, zone).slice(0, 10)}T00:00:00Z`) + DAY;
	return midnightThere - offset;
}

/** Runs only the fake Date: the network, timers and the transport's waits stay real. */
function controlClock(): void {
	jest.useFakeTimers({
		advanceTimers: true,
		doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
	});
}

interface Story {
	stampZone: string;
	workflowZone: string;
	event: Event;
	/** The Account Time Zone option (empty by default). */
	accountTimeZone?: string;
	/** Each lead must come at the first poll after it was made (false: it may come later, but must come). */
	onTime: boolean;
}

interface Told {
	/** Every key (`id@stamp`) emitted, in order, across all polls. */
	emitted: string[];
	/** Every key that had to be emitted: each lead made (each change made) after activation. */
	expected: string[];
	/** Keys of what existed before activation. */
	old: string[];
	/** The last key of each lead made or changed after activation: what a delayed poll must still bring. */
	latest: Map<string, string>;
	/** getLeads calls of each poll after the first. */
	callsPerPoll: number[];
}

/**
 * Activation two hours before the first of the two midnights (the stamping zone's, the workflow's); then polls 30
 * minutes before and after each, one two hours after the last, and, when a lead may come late, one two days on
 * that only collects.
 * Between polls: leads made just after the last poll, a second before and at the stamping zone's midnight, and a
 * second before the next poll; for "created or updated", a lead from before activation and one already emitted
 * change. Every other poll runs in a new poller started from the saved static data, as after a restart of n8n or
 * on another main in queue mode.
 */
async function tell(server: PublitracServer, story: Story): Promise<Told> {
	const stampField = story.event === 'leadCreated' ? 'createdDate' : 'lastUpdated';
	const keyOf = (lead: IDataObject) => `${String(lead.id)}@${String(lead[stampField])}`;
	const parameters = { event: story.event, options: story.accountTimeZone ? { accountTimeZone: story.accountTimeZone } : {} };
	const runnerFrom = async (nodeStaticData?: IDataObject) =>
		await pollRunner({ type: TRIGGER, parameters, credentials: { publitracApi: server.credentials() }, nodeStaticData, timezone: story.workflowZone });

	const base = Date.UTC(2026, 0, 15, 12);
	const stampMidnight = nextMidnight(base, story.stampZone);
	const midnights = [stampMidnight, nextMidnight(base, story.workflowZone)];
	const activation = Math.min(...midnights) - 2 * HOUR;
	const pollTimes = [...new Set(midnights.flatMap((midnight) => [midnight - 30 * MINUTE, midnight + 30 * MINUTE]))].sort((a, b) => a - b);
	pollTimes.push(pollTimes[pollTimes.length - 1] + 2 * HOUR);
	if (!story.onTime) pollTimes.push(pollTimes[pollTimes.length - 1] + 2 * DAY);

	let made = 0;
	const makeLead = (time: number): Lead => {
		jest.setSystemTime(time);
		return addLead(server.state, { email: `lead${made++}@zones.example`, createdDate: stampOf(time, story.stampZone), lastUpdated: stampOf(time, story.stampZone) });
	};
	const change = (lead: Lead, time: number) => {
		jest.setSystemTime(time);
		lead.lastUpdated = stampOf(time, story.stampZone);
		lead.city = `changed at ${time}`;
	};

	const before = [makeLead(activation - 20 * HOUR), makeLead(activation - 5 * HOUR), makeLead(activation - 2 * MINUTE)];
	if (story.event === 'leadChanged') change(before[0], activation - MINUTE);
	const old = before.map(keyOf);

	jest.setSystemTime(activation);
	let runner = await runnerFrom();
	const baseline = await runner.poll();
	expect(baseline).toBeNull();

	const told: Told = { emitted: [], expected: [], old, latest: new Map(), callsPerPoll: [] };
	let previous = activation;
	let firstAfterActivation: Lead | undefined;
	for (const [index, pollAt] of pollTimes.entries()) {
		// What this poll must emit: the leads whose watched stamp changed since the last poll, by lead.
		const due = new Map<string, Lead>();
		// The catch-up poll, two days on, only collects what a zone set wrong has delayed.
		const catchUp = !story.onTime && index === pollTimes.length - 1;
		const times = catchUp ? [] : [previous + SECOND, pollAt - SECOND];
		if (stampMidnight - SECOND > previous + SECOND && stampMidnight < pollAt - SECOND) times.splice(1, 0, stampMidnight - SECOND, stampMidnight);
		for (const time of times) {
			const lead = makeLead(time);
			firstAfterActivation ??= lead;
			due.set(lead.id, lead);
		}
		if (story.event === 'leadChanged' && !catchUp) {
			change(before[1 + (index % 2)], previous + 2 * SECOND);
			due.set(before[1 + (index % 2)].id, before[1 + (index % 2)]);
			change(firstAfterActivation!, pollAt - 2 * SECOND);
			due.set(firstAfterActivation!.id, firstAfterActivation!);
		}
		const dueKeys = [...due.values()].map(keyOf);

		jest.setSystemTime(pollAt);
		if (index % 2 === 1) runner = await runnerFrom(JSON.parse(JSON.stringify(runner.staticData())) as IDataObject);
		const callsBefore = server.calls('getLeads').length;
		const items: INodeExecutionData[] = (await runner.poll()) ?? [];
		told.callsPerPoll.push(server.calls('getLeads').length - callsBefore);
		const keys = items.map((item) => keyOf(item.json));
		if (story.onTime) expect({ pollAt: new Date(pollAt).toISOString(), keys: [...keys].sort() }).toEqual({ pollAt: new Date(pollAt).toISOString(), keys: [...dueKeys].sort() });
		told.emitted.push(...keys);
		told.expected.push(...dueKeys);
		for (const lead of due.values()) told.latest.set(lead.id, keyOf(lead));
		previous = pollAt;
	}
	return told;
}

function expectTold(told: Told, onTime = true): void {
	// Nothing lost, nothing repeated, nothing from before activation.
	if (onTime) expect([...told.emitted].sort()).toEqual([...told.expected].sort());
	else {
		// A lead dated later than the zone set says is read by a later poll: each comes, and each change made
		// after activation, except one changed again before that poll, which comes as its last change.
		expect(told.emitted.filter((key) => !told.expected.includes(key))).toEqual([]);
		expect([...told.latest.values()].filter((key) => !told.emitted.includes(key))).toEqual([]);
	}
	expect(new Set(told.emitted).size).toBe(told.emitted.length);
	expect(told.emitted.filter((key) => told.old.includes(key))).toEqual([]);
}

describe('PUBLITRAC Trigger: whatever zone PUBLITRAC stamps in and the workflow runs in (controlled clock)', () => {
	let server: PublitracServer;
	beforeEach(controlClock);
	afterEach(async () => {
		jest.useRealTimers();
		await server?.close();
	});

	describe.each(STAMP_ZONES)('PUBLITRAC stamping in %s', (_label, stampZone) => {
		describe.each(WORKFLOW_ZONES)('the workflow in %s', (workflowZone) => {
			it.each(EVENTS)('%s: each lead (each change) at the next poll, once, none from before activation', async (event) => {
				server = await startPublitracServer({ stampZone, rateLimitPerSecond: 35 });
				const told = await tell(server, { stampZone, workflowZone, event, onTime: true });
				expectTold(told);
				expect(told.expected.length).toBeGreaterThanOrEqual(8);
			});
		});

		it.each(EVENTS)('%s: Account Time Zone set right: the same leads, on time, in fewer calls (as many for UTC+14)', async (event) => {
			server = await startPublitracServer({ stampZone, rateLimitPerSecond: 35 });
			const wide = await tell(server, { stampZone, workflowZone: 'Europe/Paris', event, onTime: true });
			await server.close();
			server = await startPublitracServer({ stampZone, rateLimitPerSecond: 35 });
			const narrow = await tell(server, { stampZone, workflowZone: 'Europe/Paris', event, accountTimeZone: stampZone, onTime: true });
			expectTold(narrow);
			expect(narrow.emitted.length).toBe(wide.emitted.length);
			const total = (calls: number[]) => calls.reduce((sum, count) => sum + count, 0);
			// UTC+14's date is the latest on Earth: nothing to narrow there.
			if (stampZone === 'Etc/GMT-14') expect(total(narrow.callsPerPoll)).toBe(total(wide.callsPerPoll));
			else expect(total(narrow.callsPerPoll)).toBeLessThan(total(wide.callsPerPoll));
		});

		it.each(['Etc/GMT+12', 'Pacific/Kiritimati'])('Account Time Zone set wrong (%s): no lead lost, none repeated, none old', async (accountTimeZone) => {
			for (const event of EVENTS) {
				server = await startPublitracServer({ stampZone, rateLimitPerSecond: 35 });
				expectTold(await tell(server, { stampZone, workflowZone: 'America/New_York', event, accountTimeZone, onTime: false }), false);
				await server.close();
			}
		});
	});
});

describe('the window of dates each poll reads', () => {
	it('a poll a minute after the last reads 2 or 3 dates; with Account Time Zone set, 1 or 2', () => {
		const start = Date.UTC(2026, 0, 15);
		const counts = new Set<number>();
		const narrowed = new Set<number>();
		for (let minute = 1; minute <= 24 * 60; minute++) {
			const now = start + minute * MINUTE;
			counts.add(datesInAnyZone(now - MINUTE, now).length);
			narrowed.add(datesInAnyZone(now - MINUTE, now, 'America/Toronto').length);
		}
		expect([...counts].sort()).toEqual([2, 3]);
		expect([...narrowed].sort()).toEqual([1, 2]);
	});
});
