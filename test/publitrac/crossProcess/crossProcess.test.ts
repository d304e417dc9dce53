/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// PUBLITRAC's 35 calls/s held across processes: two OS processes (as two n8n queue-mode workers are), each running
// two concurrent syncLead executions of 150 leads on one API key, against a server that refuses (429 with
// Retry-After) any call above 35 accepted in the trailing second. Only what load cannot change is asserted: no lead
// lost or written twice, and, with the rate split in the credential, no refusal.
import { startEngineProcess, type EngineProcess } from '../../engine/engineProcess';
import { startPublitracServer, type PublitracServer } from '../../servers/publitrac';
import { busiestWindow } from '../../servers/vendorServer';
import { emailOf, type SyncWorkerResult, type SyncWorkerSettings } from './syncWorker';

const WORKERS = 2;
const EXECUTIONS = 2;
const ITEMS = 150;
const CALLS = WORKERS * EXECUTIONS * ITEMS;
const LIMIT = 35;

async function syncFromTwoProcesses(server: PublitracServer, callsPerSecond?: number) {
	const credentials = { ...server.credentials(), ...(callsPerSecond ? { callsPerSecond: String(callsPerSecond) } : {}) };
	const workers: Array<EngineProcess<SyncWorkerResult>> = Array.from({ length: WORKERS }, (_, index) => {
		const settings: SyncWorkerSettings = { credentials, executions: EXECUTIONS, itemsPerExecution: ITEMS, name: `w${index}` };
		return startEngineProcess<SyncWorkerResult>('test/publitrac/crossProcess/syncWorker.ts', {
			env: { SYNC_WORKER_SETTINGS: JSON.stringify(settings) },
		});
	});
	try {
		await Promise.all(workers.map(async (worker) => await worker.ready));
		for (const worker of workers) worker.start();
		const results = await Promise.all(workers.map(async (worker) => await worker.result));
		const wallMs = Math.max(...results.map((result) => result.finishedAt)) - Math.min(...results.map((result) => result.startedAt));
		const syncs = server.calls('syncLead');
		const accepted = syncs.filter((request) => !request.refusedByLimit);
		const writesPerEmail = new Map<string, number>();
		for (const request of accepted) {
			const email = String((server.queryOf(request).lead as { email?: unknown }).email);
			writesPerEmail.set(email, (writesPerEmail.get(email) ?? 0) + 1);
		}
		const figures = { wallMs, floorMs: Math.round((CALLS / LIMIT) * 1000), refused: syncs.length - accepted.length, busiestAccepted: busiestWindow(accepted) };
		process.stdout.write(`PUBLITRAC across ${WORKERS} processes, ${callsPerSecond ?? 'default'} calls/s each: ${JSON.stringify(figures)}\n`);
		return { results, writesPerEmail, figures };
	} finally {
		for (const worker of workers) worker.stop();
	}
}

function expectEveryLeadSyncedOnce(run: Awaited<ReturnType<typeof syncFromTwoProcesses>>, server: PublitracServer) {
	const { results, writesPerEmail } = run;
	// 0 items lost: every item gave a result, none an error (the limit is not an error), none failed the node.
	for (const result of results) {
		for (const execution of result.executions) {
			expect(execution.nodeError).toBeUndefined();
			expect(execution.errorItems).toEqual([]);
			expect(execution.items).toBe(ITEMS);
		}
	}
	// 0 leads written twice, 0 missing: each lead was accepted exactly once and is in the account.
	const expected = Array.from({ length: WORKERS }, (_, worker) =>
		Array.from({ length: EXECUTIONS }, (_e, execution) => Array.from({ length: ITEMS }, (_i, item) => emailOf(`w${worker}`, execution, item))),
	).flat(2);
	expect([...writesPerEmail.keys()].sort()).toEqual([...expected].sort());
	expect([...writesPerEmail.values()].filter((writes) => writes !== 1)).toEqual([]);
	for (const email of expected) expect(server.state.leads.has(email)).toBe(true);
	// What the server accepted never exceeded its limit (it refuses the rest), and the results are each item's own.
	expect(run.figures.busiestAccepted).toBeLessThanOrEqual(LIMIT);
	expect(results.flatMap((result) => result.executions.flatMap((execution) => execution.emails)).sort()).toEqual([...expected].sort());
}

describe('PUBLITRAC 35 calls/s across processes on one API key', () => {
	let server: PublitracServer;
	beforeEach(async () => {
		server = await startPublitracServer({ rateLimitPerSecond: LIMIT });
	});
	afterEach(async () => await server.close());

	it('with the default 35/s in each process: every lead synced once, none in error', async () => {
		const run = await syncFromTwoProcesses(server);
		expectEveryLeadSyncedOnce(run, server);
		// How many calls the server refused while the two settled on their shares, and the time it cost, depend on
		// the machine: `npm run bench` measures them (test/shared/throttle.test.ts checks the logic at exact times).
	}, 120000);

	it('with Calls per Second split between the processes (17 each, 35 / 2 rounded down): every lead synced once, 0 × 429', async () => {
		const run = await syncFromTwoProcesses(server, 17);
		expectEveryLeadSyncedOnce(run, server);
		// Each process puts at most 17 calls a second on the wire as the server counts them (on arrival), however late
		// its calls leave: 34 < 35, so the server refuses none, whatever the machine's load.
		expect(busiestWindow(server.calls('syncLead'))).toBeLessThanOrEqual(34);
		expect(run.figures.refused).toBe(0);
	}, 120000);
});
