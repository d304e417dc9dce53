import { sleep } from 'n8n-workflow';

import { runNode } from '../engine/runner';
import { ITEM_COUNT, expectNoSecret } from './faultSuite';
import type { FaultTarget } from './vendors';
import { startPublitracTarget, startSpreadTarget } from './vendors';

/** A short try timeout, so the run's bound shows in seconds: with the default 30 s every figure scales by 100. */
const TIMEOUT_SECONDS = 0.3;

/**
 * A vendor that is down for the whole run: once it is known unreachable, the remaining items fail at once
 * with the same error instead of each waiting the whole retry budget (20 items used to take 20 budgets).
 */
describe('a dead vendor server: the run is bounded, every item still gets its error', () => {
	const targets: FaultTarget[] = [];
	afterAll(async () => {
		for (const target of targets) await target.close();
	});

	const run = async (target: FaultTarget, which: 'read' | 'write') => {
		const result = await runNode({
			type: target.type,
			typeVersion: target[which].typeVersion,
			parameters: target[which].parameters,
			credentials: { [target.credentialType]: { ...(target.credentials as Record<string, string>), timeoutSeconds: TIMEOUT_SECONDS } as never },
			input: Array.from({ length: ITEM_COUNT }, (_, i) => ({ i, run: 0 })) as never,
			continueOnFail: true,
		});
		expectNoSecret(target, result);
		return result;
	};

	it.each([
		['SPREAD', 'read', startSpreadTarget],
		['SPREAD', 'write', startSpreadTarget],
		['PUBLITRAC', 'read', startPublitracTarget],
	] as const)('%s %s, server hangs on every call: the first items wait their budget, the rest fail at once', async (_vendor, which, start) => {
		const target = await start();
		targets.push(target);
		target.server.injectFault({ kind: 'delay', ms: 30000 }, 1000);
		const result = await run(target, which);
		expect(result.nodeError).toBeUndefined();
		expect(result.items).toHaveLength(ITEM_COUNT);
		expect(result.items.map((item) => item.pairedItem)).toEqual(Array.from({ length: ITEM_COUNT }, (_, item) => ({ item })));
		for (const item of result.items) expect(String(item.json.error)).toMatch(/Could not reach (SPREAD|PUBLITRAC)/);
		// A read tries 5 times before it gives up, a write (not repeated) once per item until two went unanswered.
		const budget = target[which].idempotent ? 5 : 2;
		// Items already in flight (PUBLITRAC overlaps all 20) each spend their own tries, side by side.
		expect(target.server.requests.length).toBeLessThanOrEqual(budget * target[which].itemsInFlight);
		if (target[which].itemsInFlight < ITEM_COUNT) {
			expect(String(result.items[ITEM_COUNT - 1].json.details)).toMatch(/^Not sent: .* was given up on for the rest of this run after item \d+ failed/);
		}
		// Without the outage, 20 items × (5 tries × 0.3 s + backoff) took about 80 s; now about one item's budget.
		// What bounds the run, whatever the machine's load: no item spends more than its own tries, later ones none.
		for (const item of result.items) expect(String(item.json.details)).toMatch(/^Not sent: |Tried [1-5] time\(s\)|may have reached/);
	});

	it('SPREAD write, four side by side, server hangs on every call: each write sent at most once, the rest not sent once it is given up on', async () => {
		const target = await startSpreadTarget();
		targets.push(target);
		target.server.injectFault({ kind: 'delay', ms: 30000 }, 1000);
		const result = await runNode({
			type: target.type,
			typeVersion: target.write.typeVersion,
			parameters: { ...target.write.parameters, requestOptions: { requestsInParallel: 4 } },
			credentials: { [target.credentialType]: { ...(target.credentials as Record<string, string>), timeoutSeconds: TIMEOUT_SECONDS } as never },
			input: Array.from({ length: ITEM_COUNT }, (_, i) => ({ i, run: 1 })) as never,
			continueOnFail: true,
		});
		expectNoSecret(target, result);
		expect(result.items.map((item) => item.pairedItem)).toEqual(Array.from({ length: ITEM_COUNT }, (_, item) => ({ item })));
		for (const item of result.items) expect(String(item.json.error)).toMatch(/Could not reach SPREAD/);
		// Two writes unanswered in a row give the vendor up; until then at most the four under way and one started in a freed place.
		const sent = target.server.requests.map((request) => /faultitem(\d+)x/.exec(request.body)?.[1]);
		expect(new Set(sent).size).toBe(sent.length);
		expect(sent.length).toBeLessThanOrEqual(2 * 4);
		expect(String(result.items[ITEM_COUNT - 1].json.details)).toMatch(/^Not sent: .* was given up on for the rest of this run after item \d+ failed/);
		for (const item of result.items.filter((_, index) => !sent.includes(String(index)))) expect(String(item.json.details)).toMatch(/^Not sent/);
	});

	it('stopping the execution stops the retries (no call after the Stop button)', async () => {
		const target = await startSpreadTarget();
		targets.push(target);
		target.server.injectFault({ kind: 'status', status: 503, body: 'Service Unavailable' }, 1000);
		await runNode({
			type: target.type,
			parameters: target.read.parameters,
			credentials: { [target.credentialType]: target.credentials as never },
			input: [{}],
			// Stopped once the first try reached the server, whatever the machine's load.
			cancelWhen: () => target.server.requests.length >= 1,
		});
		const sentByStop = target.server.requests.length;
		// Left alone, the read would be tried 5 times over about 3 s.
		await sleep(3500);
		expect(sentByStop).toBeGreaterThanOrEqual(1);
		expect(target.server.requests.length).toBe(sentByStop);
	});

	it('SPREAD read, server gone (connection refused): 20 error items within one retry budget', async () => {
		const target = await startSpreadTarget();
		await target.close();
		const result = await run(target, 'read');
		expect(result.items).toHaveLength(ITEM_COUNT);
		for (const item of result.items) expect(String(item.json.error)).toMatch(/^ECONNREFUSED: Could not reach SPREAD/);
		// Bounded whatever the machine's load: no item spends more than its own tries, later ones none.
		for (const item of result.items) expect(String(item.json.details)).toMatch(/^Not sent: |Tried [1-5] time\(s\)/);
	});
});
