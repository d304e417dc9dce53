/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Per-item calls through a real link (tlsLink.ts: TLS 1.3, round trips per direction, connection set-up included):
// writes of SPREAD, jtel and InfluencerSoft and SPREAD reads, our node with its defaults against the HTTP Request
// node with its defaults (every item at once). Each export runs in a fresh process; the servers in another.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { mapped } from '../../test/engine/mapper';
import { nodeType, runNode, runWorkflow } from '../../test/engine/runner';
import { HTTP_REQUEST, spreadBasicAuth, spreadGetCustomerWorkflow, writePerItemWorkflow } from './baselines';
import { loadBothSides, pause, timed } from './engine';
import { withServerHost, type RemoteControl, type ServerHost, type Started } from './remote';
import { round, type Row } from './report';

/** Round trips (ms) and item counts of the link rows. */
export const LINK_LATENCIES = (process.env.BENCH_LINK_LATENCIES ?? '0,50,150').split(',').map(Number);
export const READ_LATENCIES = (process.env.BENCH_LINK_READ_LATENCIES ?? '0,50,150,300').split(',').map(Number);
export const LINK_SIZES = (process.env.BENCH_LINK_SIZES ?? '100,1000').split(',').map(Number);
/** Timed runs per row; the median is kept. */
const ROUNDS = Number(process.env.BENCH_LINK_ROUNDS ?? 3);

export type WriteVendor = 'spread' | 'jtel' | 'influencersoft';
export type Side = 'ours' | 'http' | 'oursOneAtATime';

let runCounter = 0;

/** Item `i` of a run: fields every vendor's write takes, unique per run so creates never collide. */
const writeInput = (count: number) => {
	runCounter++;
	return Array.from({ length: count }, (_, i) => ({ email: `bench${runCounter}x${i}@example.com`, name: `Bench ${runCounter} ${i}`, phone: `+49 89 ${100000 + i}` }));
};

/** Our writes as node version 2 (the default for new nodes): version 1 keeps 0.1.0's one write at a time. */
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

/** Times `run` ROUNDS times at each latency and size, keeping the median; one row each. */
async function linkRows(
	label: string,
	server: RemoteControl,
	latencies: number[],
	sizes: number[],
	run: (count: number) => Promise<number>,
	skip: (latencyMs: number, count: number) => boolean = () => false,
): Promise<Row[]> {
	const rows: Row[] = [];
	for (const count of sizes) {
		for (const latencyMs of latencies) {
			if (skip(latencyMs, count)) continue;
			await server.setLatency(latencyMs);
			const runs: Array<{ done: number; wallMs: number; cpuMs: number; calls: number; connections: number; spanMs: number }> = [];
			for (let round = 0; round < ROUNDS; round++) {
				await pause(100);
				await server.reset();
				const { result: done, wallMs, cpuMs } = await timed(async () => await run(count));
				const stats = await server.stats();
				runs.push({ done, wallMs, cpuMs, calls: stats.calls, connections: stats.connections ?? 0, spanMs: stats.spanMs });
			}
			const { done, wallMs, cpuMs, calls, connections, spanMs } = runs.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)];
			rows.push({
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
			});
		}
	}
	return rows;
}

/** One vendor's per-item write through the TLS link, one side. */
export async function benchLinkWrites({ vendor, side }: { vendor: WriteVendor; side: Side }): Promise<Row[]> {
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await startVendor(host, vendor);
		// Warm-up: code paths, TLS and the engine, untimed.
		await runWrites(vendor, side, server, writeInput(20), nodesBasePackage);
		const label = `${vendor === 'spread' ? 'SPREAD customer create' : vendor === 'jtel' ? 'jtel contact import' : 'InfluencerSoft contact add or update'}: ${SIDE_LABEL[side]}`;
		// One at a time only where it ends in reasonable time: it measures the round trip and nothing else.
		const skip = (latencyMs: number, count: number) => side === 'oursOneAtATime' && (latencyMs > 50 || count > 100);
		return await linkRows(label, server, LINK_LATENCIES, LINK_SIZES, async (count) => await runWrites(vendor, side, server, writeInput(count), nodesBasePackage), skip);
	});
}

/** SPREAD "get customer" through the TLS link, one side. */
export async function benchLinkReads(side: 'ours' | 'http'): Promise<Row[]> {
	const { nodesBasePackage } = await loadBothSides();
	const most = Math.max(...LINK_SIZES);
	return await withServerHost(async (host) => {
		const server = await host.spread({ customers: most, listIds: most, link: 'tls' });
		const input = (count: number) => Array.from({ length: count }, (_, index) => ({ customerId: server.customerIds[index] }));
		const run = async (count: number) => {
			if (side === 'http') {
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
		await run(20);
		return await linkRows(`SPREAD get customer: ${SIDE_LABEL[side]}`, server, READ_LATENCIES, LINK_SIZES, run);
	});
}
