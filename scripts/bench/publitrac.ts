/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// PUBLITRAC rows: syncLead once per item at 35 calls/s under simulated latency (our node against the HTTP Request
// node with its defaults and with careful Batching), and the batch methods against Aggregate + one HTTP Request.
// Each export runs in a fresh process (fresh.js); the PUBLITRAC server runs in another one (serverHost.ts).
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { nodeType, runNode, runWorkflow } from '../../test/engine/runner';
import { aggregateThenCallWorkflow, HTTP_REQUEST, syncLeadWorkflow, type Batching } from './baselines';
import { LATENCIES, loadBothSides, pause, timed } from './engine';
import { withServerHost, type PublitracRemote, type RemoteControl } from './remote';
import { round, type Row } from './report';

export const PUBLITRAC_LIMIT = 35;
const SYNC_LEADS = Number(process.env.BENCH_SYNC_LEADS ?? 300);
const BATCH_EMAILS = Number(process.env.BENCH_BATCH_EMAILS ?? 2000);
/** Longer than the server's trailing window: a run never starts with the previous run's calls still counted. */
const WINDOW_CLEAR_MS = 1200;

type Server = PublitracRemote & RemoteControl;

export function syncLeadInput(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ email: `bench${index}@sync.example`, firstName: `Bench ${index}`, score: index % 100 }));
}

const SYNC_LEAD_PARAMETERS: INodeParameters = {
	resource: 'lead',
	operation: 'syncLead',
	email: '={{ $json.email }}',
	additionalFields: { firstName: '={{ $json.firstName }}', score: '={{ $json.score }}' },
};

interface SyncSide {
	label: string;
	/** Runs the sync of `input`; returns the output items and how many of them synced a lead. */
	run(server: Server, input: IDataObject[], nodesBasePackage: string): Promise<{ items: INodeExecutionData[]; synced: number }>;
}

const ours: SyncSide = {
	label: 'PUBLITRAC node, syncLead (defaults)',
	async run(server, input) {
		const result = await runNode({ type: nodeType('publitrac'), parameters: SYNC_LEAD_PARAMETERS, credentials: { publitracApi: server.credentials }, input, continueOnFail: true });
		if (result.nodeError) throw new Error(`run failed: ${result.nodeError.message}`);
		return { items: result.items, synced: result.items.filter((item) => item.json.error === undefined).length };
	},
};

const httpRequest = (label: string, batching?: Batching): SyncSide => ({
	label,
	async run(server, input, nodesBasePackage) {
		const result = await runWorkflow(syncLeadWorkflow(server, batching), { packageDir: nodesBasePackage, input });
		const items = result.output(HTTP_REQUEST);
		// A synced lead is PUBLITRAC's syncLead success status in the answer; anything else (429, 9xxx) did not sync.
		return { items, synced: items.filter((item) => /<status>2006<\/status>/.test(JSON.stringify(item.json))).length };
	},
});

export const SYNC_SIDES = {
	ours,
	httpDefaults: httpRequest('HTTP Request node, default options'),
	httpBatching: httpRequest('HTTP Request node, Batching 1 item / 30 ms', { batchSize: 1, intervalMs: 30 }),
};

/** How a sync row ran: warmed up first on a quiet machine, the first execution of a fresh process, or warmed up beside CPU-bound processes. */
export type SyncCondition = 'warm' | 'fresh' | 'busy';

const CONDITION_LABELS: Record<SyncCondition, string> = {
	warm: 'warmed up',
	fresh: 'first execution of a fresh process',
	busy: 'warmed up, 2 CPU-bound processes beside it',
};

/** One timed sync of SYNC_LEADS items at `latencyMs`, as the server saw it. */
async function syncRow(sideName: keyof typeof SYNC_SIDES, server: Server, latencyMs: number, nodesBasePackage: string, condition: SyncCondition): Promise<Row> {
	const side = SYNC_SIDES[sideName];
	await server.setLatency(latencyMs);
	await pause(WINDOW_CLEAR_MS);
	await server.reset();
	const { result, wallMs } = await timed(async () => await side.run(server, syncLeadInput(SYNC_LEADS), nodesBasePackage));
	const traffic = await server.stats({ method: 'syncLead' });
	const wallS = wallMs / 1000;
	const floorS = SYNC_LEADS / PUBLITRAC_LIMIT;
	const errorItems = result.items.length - result.synced;
	const exact = traffic.peakPerSecond <= PUBLITRAC_LIMIT && traffic.rateLimited429 === 0 && errorItems === 0;
	// Quiet and warmed up, the goal includes speed; fresh or busy, it is the rate promise alone (speed is reported).
	const met = condition === 'warm' ? exact && wallS / floorS <= 1.1 : exact;
	return {
		side: side.label,
		...(condition === 'warm' ? {} : { condition: CONDITION_LABELS[condition] }),
		'latency ms': latencyMs,
		items: SYNC_LEADS,
		'wall s': round(wallS, 2),
		'wall ÷ floor': round(wallS / floorS, 2),
		calls: traffic.calls,
		'peak calls in 1 s': traffic.peakPerSecond,
		'429s': traffic.rateLimited429,
		'items not synced': errorItems + (SYNC_LEADS - result.items.length),
		...(sideName === 'ours' ? { goal: met ? 'met' : 'MISSED' } : {}),
	};
}

/** syncLead ×SYNC_LEADS at each latency, one side, against a server answering 429 above 35 calls in any second. */
export async function benchSyncLead(sideName: keyof typeof SYNC_SIDES, condition: 'warm' | 'busy' = 'warm', latencies = LATENCIES): Promise<Row[]> {
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await host.publitrac({ rateLimitPerSecond: PUBLITRAC_LIMIT });
		// Warm-up, untimed: the engine's and the node's lazy paths, JIT, keep-alive sockets.
		await SYNC_SIDES[sideName].run(server, syncLeadInput(5), nodesBasePackage);
		const rows: Row[] = [];
		for (const latencyMs of latencies) rows.push(await syncRow(sideName, server, latencyMs, nodesBasePackage, condition));
		return rows;
	});
}

/** The same beside CPU-bound processes (the caller starts them): the machine's cores busy with other work. */
export async function benchSyncLeadBusy(args: { side: keyof typeof SYNC_SIDES; latencies: number[] }): Promise<Row[]> {
	return await benchSyncLead(args.side, 'busy', args.latencies);
}

/**
 * The first execution of a fresh process: the packages loaded (as n8n loads them at start), nothing run yet, so
 * the first calls go through cold code. One latency per process.
 */
export async function benchSyncLeadFresh(args: { side: keyof typeof SYNC_SIDES; latencyMs: number }): Promise<Row> {
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await host.publitrac({ rateLimitPerSecond: PUBLITRAC_LIMIT });
		return await syncRow(args.side, server, args.latencyMs, nodesBasePackage, 'fresh');
	});
}

const BATCH_OPERATIONS: Record<string, INodeParameters> = {
	addLeadsToList: { resource: 'list', operation: 'addLeadsToList', listName: 'Benchmark list' },
	executeCampaign: { resource: 'campaign', operation: 'executeCampaign', campaigns: ['Webinar'] },
	addEmailCampaign: {
		resource: 'campaign',
		operation: 'addEmailCampaign',
		campaignName: 'Benchmark campaign',
		fromName: 'Bench',
		fromEmail: 'bench@publitrac.example',
		subject: 'Hello',
		html: '<p>Hello {{FirstName;Default=}}</p>',
	},
};

const emailsInput = (count: number) => Array.from({ length: count }, (_, index) => ({ email: `lead${index}@demo.example` }));

/**
 * The batch methods for BATCH_EMAILS existing leads: our node (one item in, one item out, as few calls as the
 * method allows) or what a careful user builds (Aggregate into one list, one HTTP Request with the XML built by an expression).
 */
export async function benchBatchCalls(sideName: 'ours' | 'aggregate'): Promise<Row[]> {
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await host.publitrac({ rateLimitPerSecond: PUBLITRAC_LIMIT, extraLeads: BATCH_EMAILS });
		const methods = sideName === 'ours' ? Object.keys(BATCH_OPERATIONS) : ['addLeadsToList', 'executeCampaign'];
		const run = async (method: string, count: number) => {
			if (sideName === 'ours') {
				const result = await runNode({ type: nodeType('publitrac'), parameters: BATCH_OPERATIONS[method], credentials: { publitracApi: server.credentials }, input: emailsInput(count), continueOnFail: true });
				if (result.nodeError) throw new Error(`${method} failed: ${result.nodeError.message}`);
				return { items: result.items.length, errors: result.items.filter((item) => item.json.error !== undefined).length };
			}
			const result = await runWorkflow(aggregateThenCallWorkflow(server, method as 'addLeadsToList'), { packageDir: nodesBasePackage, input: emailsInput(count) });
			if (result.error) throw new Error(`${method} failed: ${result.error.message}`);
			const items = result.output(HTTP_REQUEST);
			return { items: items.length, errors: items.filter((item) => !/<status>(2009|1100)<\/status>/.test(JSON.stringify(item.json))).length };
		};
		const rows: Row[] = [];
		for (const method of methods) {
			await run(method, 10);
			await pause(WINDOW_CLEAR_MS);
			await server.reset();
			const { result, wallMs } = await timed(async () => await run(method, BATCH_EMAILS));
			const traffic = await server.stats({ method });
			rows.push({
				side: sideName === 'ours' ? `PUBLITRAC node, ${method}` : `Aggregate + one HTTP Request, ${method}`,
				'items in': BATCH_EMAILS,
				'items out': result.items,
				calls: traffic.calls,
				'wall s': round(wallMs / 1000, 2),
				'error items': result.errors,
				'one call per item: at least s': round(BATCH_EMAILS / PUBLITRAC_LIMIT, 1),
			});
		}
		return rows;
	});
}
