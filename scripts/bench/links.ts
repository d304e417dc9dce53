/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Per-item calls through a real link (tlsLink.ts: TLS 1.3, round trips per direction, connection set-up included):
// writes of SPREAD, jtel and InfluencerSoft and SPREAD reads, our node with its defaults against the HTTP Request
// node with its defaults (every item at once). Each export runs in a fresh process; the servers in another.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { nodeType, runNode, runWorkflow } from '../../test/engine/runner';
import { HTTP_REQUEST, spreadBasicAuth, spreadGetCustomerWorkflow, writePerItemWorkflow } from './baselines';
import { bareSpreadCreates } from './bareHttps';
import { loadBothSides, pause, timed } from './engine';
import { withServerHost, type RemoteControl, type ServerHost, type Started } from './remote';
import { round, type Row } from './report';

/** Round trips (ms) and item counts of the link rows. */
export const LINK_LATENCIES = (process.env.BENCH_LINK_LATENCIES ?? '0,50,150').split(',').map(Number);
export const READ_LATENCIES = (process.env.BENCH_LINK_READ_LATENCIES ?? '0,50,150,300').split(',').map(Number);
export const LINK_SIZES = (process.env.BENCH_LINK_SIZES ?? '100,1000').split(',').map(Number);
/** Timed runs per row; the median is kept. */
const ROUNDS = Number(process.env.BENCH_LINK_ROUNDS ?? 5);

export type WriteVendor = 'spread' | 'jtel' | 'influencersoft';
export type Side = 'ours' | 'http' | 'oursOneAtATime';

let runCounter = 0;

/** Item `i` of a run: fields every vendor's write takes, unique per run so creates never collide. */
const writeInput = (count: number) => {
	runCounter++;
	return Array.from({ length: count }, (_, i) => ({ email: `bench${runCounter}x${i}@example.com`, name: `Bench ${runCounter} ${i}`, phone: `+49 89 ${100000 + i}` }));
};

/** Fields mapped as a user maps them in version 2 (the default for new nodes): values from the input item. */
const mapped = (value: Record<string, string>) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false });

const OUR_WRITES: Record<WriteVendor, { type: string; credentialType: string; parameters: INodeParameters }> = {
	spread: { type: 'spread', credentialType: 'spreadApi', parameters: { resource: 'customer', operation: 'create', columns: mapped({ email: '={{ $json.email }}' }) } },
	jtel: {
		type: 'jtelDialler',
		credentialType: 'jtelApi',
		parameters: { resource: 'contact', operation: 'import', campaign: { __rl: true, mode: 'id', value: '538' }, columns: mapped({ Name: '={{ $json.name }}', PhoneNumber1: '={{ $json.phone }}' }) },
	},
	influencersoft: { type: 'influencerSoft', credentialType: 'influencerSoftApi', parameters: { resource: 'contact', operation: 'addOrUpdate', columns: mapped({ email: '={{ $json.email }}' }) } },
};

const ONE_AT_A_TIME = { requestOptions: { requestsInParallel: 1 } };

async function startVendor(host: ServerHost, vendor: WriteVendor): Promise<Started & RemoteControl> {
	if (vendor === 'spread') return await host.spread({ customers: 0, link: 'tls' });
	return await host.vendor(vendor);
}

/** Writes that came back as results (not errors) from either side. */
async function runWrites(vendor: WriteVendor, side: Side, server: Started, input: IDataObject[], nodesBasePackage: string): Promise<number> {
	if (side === 'http') {
		const credentials: Record<string, ICredentialDataDecryptedObject> =
			vendor === 'spread'
				? spreadBasicAuth(server as never)
				: vendor === 'jtel'
					? { httpHeaderAuth: { name: 'Authorization', value: `Bearer ${String(server.credentials.apiToken)}` } }
					: {};
		const result = await runWorkflow(writePerItemWorkflow(vendor, server as never), { packageDir: nodesBasePackage, input, credentials });
		if (result.error) throw new Error(`run failed: ${result.error.message}`);
		return result.output(HTTP_REQUEST).filter((item) => item.json.error === undefined).length;
	}
	const ours = OUR_WRITES[vendor];
	const result = await runNode({
		type: nodeType(ours.type),
		typeVersion: 2,
		parameters: { ...ours.parameters, ...(side === 'oursOneAtATime' ? ONE_AT_A_TIME : {}) },
		credentials: { [ours.credentialType]: server.credentials },
		input,
	});
	if (result.nodeError) throw new Error(`run failed: ${result.nodeError.message}`);
	return result.items.filter((item) => item.json.error === undefined).length;
}

const SIDE_LABEL: Record<Side, string> = {
	ours: 'our node (defaults)',
	oursOneAtATime: 'our node, Requests in Parallel 1',
	http: 'HTTP Request node (defaults)',
};

type Run = { done: number; wallMs: number; cpuMs: number; calls: number; connections: number; spanMs: number };

const median = <T>(values: T[], by: (value: T) => number): T => [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)];

function rowOf(label: string, latencyMs: number, count: number, runs: Run[], extra: Record<string, number> = {}): Row {
	const { done, wallMs, cpuMs, calls, connections, spanMs } = median(runs, (run) => run.wallMs);
	return {
		side: label,
		'latency ms': latencyMs,
		items: count,
		'items done': done,
		calls,
		'connections per call': calls ? round(connections / calls, 2) : 0,
		'wall s': round(wallMs / 1000, 3),
		'arrivals span s': round(spanMs / 1000, 3),
		'items/s': round((done * 1000) / wallMs, 1),
		'CPU ms/item': round(cpuMs / count, 2),
		runs: runs.length,
		...extra,
	};
}

/**
 * Times each side ROUNDS times at each latency and size, in one process, the sides taking turns (ours first in even
 * rounds, the other side first in odd ones): a slower stretch of the machine, or garbage one side left, falls on both.
 * Each side's row is its median run; our row also carries the median of the rounds' own ratios (the other side's wall
 * ÷ ours in the same round), which machine drift between rounds cannot move.
 */
async function pairedRows(
	labels: { ours: string; other: string; ratio: string },
	server: RemoteControl,
	latencies: number[],
	sizes: number[],
	run: (side: 'ours' | 'other', count: number) => Promise<number>,
): Promise<Row[]> {
	const ours: Row[] = [];
	const other: Row[] = [];
	for (const count of sizes) {
		for (const latencyMs of latencies) {
			await server.setLatency(latencyMs);
			const runs: Record<'ours' | 'other', Run[]> = { ours: [], other: [] };
			const ratios: number[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				const order: Array<'ours' | 'other'> = round % 2 === 0 ? ['ours', 'other'] : ['other', 'ours'];
				for (const side of order) runs[side].push(await timedRun(server, async () => await run(side, count)));
				ratios.push(runs.other[round].wallMs / runs.ours[round].wallMs);
			}
			ours.push(
				rowOf(labels.ours, latencyMs, count, runs.ours, {
					[labels.ratio]: round(median(ratios, (value) => value), 2),
					'lowest round': round(Math.min(...ratios), 2),
					'highest round': round(Math.max(...ratios), 2),
				}),
			);
			other.push(rowOf(labels.other, latencyMs, count, runs.other));
		}
	}
	return [...ours, ...other];
}

/** The ratio column of the rows against the HTTP Request node. */
const VS_HTTP = 'our throughput ÷ HTTP Request (median of rounds)';

async function timedRun(server: RemoteControl, run: () => Promise<number>): Promise<Run> {
	await pause(100);
	await server.reset();
	const { result: done, wallMs, cpuMs } = await timed(run);
	const stats = await server.stats();
	return { done, wallMs, cpuMs, calls: stats.calls, connections: stats.connections ?? 0, spanMs: stats.spanMs };
}

const WRITE_LABEL: Record<WriteVendor, string> = {
	spread: 'SPREAD customer create',
	jtel: 'jtel contact import',
	influencersoft: 'InfluencerSoft contact add or update',
};

/**
 * One vendor's per-item write through the TLS link: our node and the HTTP Request node taking turns, then one at a
 * time. `busy` only names the rows: the caller starts the CPU-bound processes beside this one.
 */
export async function benchLinkWrites({ vendor, latencies = LINK_LATENCIES, sizes = LINK_SIZES, busy = false }: { vendor: WriteVendor; latencies?: number[]; sizes?: number[]; busy?: boolean }): Promise<Row[]> {
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await startVendor(host, vendor);
		// Warm-up: code paths, TLS and the engine, untimed, both sides.
		for (const side of ['ours', 'http'] as const) await runWrites(vendor, side, server, writeInput(20), nodesBasePackage);
		const label = (side: Side) => `${WRITE_LABEL[vendor]}: ${SIDE_LABEL[side]}${busy ? ', busy machine' : ''}`;
		const rows = await pairedRows({ ours: label('ours'), other: label('http'), ratio: VS_HTTP }, server, latencies, sizes, async (side, count) =>
			await runWrites(vendor, side === 'ours' ? 'ours' : 'http', server, writeInput(count), nodesBasePackage),
		);
		if (busy) return rows;
		// One at a time only where it ends in reasonable time: it measures the round trip and nothing else.
		const smallest = Math.min(...sizes);
		for (const latencyMs of latencies.filter((latency) => latency <= 50)) {
			await server.setLatency(latencyMs);
			const runs: Run[] = [];
			for (let round = 0; round < ROUNDS; round++) runs.push(await timedRun(server, async () => await runWrites(vendor, 'oursOneAtATime', server, writeInput(smallest), nodesBasePackage)));
			rows.push(rowOf(label('oursOneAtATime'), latencyMs, smallest, runs));
		}
		return rows;
	});
}

/**
 * The first execution of a fresh process: the packages loaded (as n8n does at start), then one side's first run of
 * `count` SPREAD creates through the link, nothing warmed up. One process per run, so the caller alternates sides.
 */
export async function benchLinkWriteFresh({ side, latencyMs, count }: { side: 'ours' | 'http'; latencyMs: number; count: number }): Promise<Row> {
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await startVendor(host, 'spread');
		await server.setLatency(latencyMs);
		const run = await timedRun(server, async () => await runWrites('spread', side, server, writeInput(count), nodesBasePackage));
		return rowOf(`${WRITE_LABEL.spread}: ${SIDE_LABEL[side]}, first execution of a fresh process`, latencyMs, count, [run]);
	});
}

/**
 * SPREAD customer create through the TLS link, our node taking turns with the floor (bareHttps.ts: Node's https.request,
 * a new agent per call, no n8n): how much of a call n8n and a node add at all.
 */
export async function benchLinkFloor(): Promise<Row[]> {
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await startVendor(host, 'spread');
		const { user, password } = spreadBasicAuth(server as never).httpBasicAuth;
		const run = async (side: 'ours' | 'other', count: number) => {
			const input = writeInput(count);
			if (side === 'ours') return await runWrites('spread', 'ours', server, input, nodesBasePackage);
			return await bareSpreadCreates(String(server.credentials.baseUrl), user, password, input.map((item) => item.email));
		};
		for (const side of ['ours', 'other'] as const) await run(side, 20);
		return await pairedRows(
			{ ours: `${WRITE_LABEL.spread}: ${SIDE_LABEL.ours}, against the floor`, other: `${WRITE_LABEL.spread}: Node's https.request, a new agent per call, no n8n (the floor)`, ratio: 'our throughput ÷ the floor (median of rounds)' },
			server,
			LINK_LATENCIES,
			LINK_SIZES,
			run,
		);
	});
}

/** SPREAD "get customer" through the TLS link: our node and the HTTP Request node taking turns. */
export async function benchLinkReads(): Promise<Row[]> {
	const { nodesBasePackage } = await loadBothSides();
	const most = Math.max(...LINK_SIZES);
	return await withServerHost(async (host) => {
		const server = await host.spread({ customers: most, listIds: most, link: 'tls' });
		const input = (count: number) => Array.from({ length: count }, (_, index) => ({ customerId: server.customerIds[index] }));
		const run = async (side: 'ours' | 'other', count: number) => {
			if (side === 'other') {
				const result = await runWorkflow(spreadGetCustomerWorkflow(server), { packageDir: nodesBasePackage, input: input(count), credentials: spreadBasicAuth(server) });
				if (result.error) throw new Error(`run failed: ${result.error.message}`);
				return result.output(HTTP_REQUEST).filter((item) => (item.json.customer as IDataObject | undefined)?.id !== undefined).length;
			}
			const result = await runNode({
				type: nodeType('spread'),
				parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.customerId }}' },
				credentials: { spreadApi: server.credentials },
				input: input(count),
			});
			if (result.nodeError) throw new Error(`run failed: ${result.nodeError.message}`);
			return result.items.filter((item) => item.json.id !== undefined).length;
		};
		for (const side of ['ours', 'other'] as const) await run(side, 20);
		return await pairedRows({ ours: `SPREAD get customer: ${SIDE_LABEL.ours}`, other: `SPREAD get customer: ${SIDE_LABEL.http}`, ratio: VS_HTTP }, server, READ_LATENCIES, LINK_SIZES, run);
	});
}
