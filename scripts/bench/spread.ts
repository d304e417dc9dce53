/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// SPREAD rows: "get customer" once per item under simulated latency (our node, the HTTP Request node, a bare fetch
// loop), and Return All over 50,000 customers (our node against HTTP Request pagination + Split Out).
// Each export runs in a fresh process (fresh.js); the SPREAD server runs in another one (serverHost.ts).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { nodeType, runNode, runWorkflow } from '../../test/engine/runner';
import { HTTP_REQUEST, spreadBasicAuth, spreadGetCustomerWorkflow, spreadReturnAllWorkflow } from './baselines';
import { LATENCIES, loadBothSides, pause, timed } from './engine';
import { withServerHost, type RemoteControl, type SpreadRemote } from './remote';
import { mb, round, type Row } from './report';

const GET_ITEMS = Number(process.env.BENCH_SPREAD_GETS ?? 300);
export const SPREAD_CUSTOMERS = Number(process.env.BENCH_SPREAD_CUSTOMERS ?? 50000);
const PAGE_SIZE = 5000;

type Server = SpreadRemote & RemoteControl;

const GET_PARAMETERS: INodeParameters = { resource: 'customer', operation: 'get', customerId: '={{ $json.customerId }}' };
/** The node's option that lowers how many reads overlap, at its lowest: one item at a time. */
export const ONE_AT_A_TIME: INodeParameters = { requestOptions: { requestsInParallel: 1 } };

interface GetSide {
	label: string;
	/** The latencies this side runs at (one at a time at 300 ms would take 90 s and say nothing new). */
	latencies: number[];
	/** Timed runs per latency (the median is kept). */
	rounds?: number;
	/** Runs `input`; returns how many customers came back. */
	run(server: Server, input: IDataObject[], nodesBasePackage: string): Promise<number>;
}

const ourGet = (label: string, extra: INodeParameters, latencies: number[], rounds = 1): GetSide => ({
	label,
	latencies,
	rounds,
	async run(server, input) {
		const result = await runNode({ type: nodeType('spread'), parameters: { ...GET_PARAMETERS, ...extra }, credentials: { spreadApi: server.credentials }, input });
		if (result.nodeError) throw new Error(`run failed: ${result.nodeError.message}`);
		return result.items.filter((item) => item.json.id !== undefined).length;
	},
});

export const GET_SIDES: Record<string, GetSide> = {
	ours: ourGet('SPREAD node, get customer (defaults)', {}, LATENCIES, 3),
	oursOneAtATime: ourGet('SPREAD node, get customer, Requests in Parallel 1', ONE_AT_A_TIME, LATENCIES.filter((ms) => ms <= 50)),
	httpDefaults: {
		label: 'HTTP Request node, default options',
		latencies: LATENCIES,
		rounds: 3,
		async run(server, input, nodesBasePackage) {
			const result = await runWorkflow(spreadGetCustomerWorkflow(server), { packageDir: nodesBasePackage, input, credentials: spreadBasicAuth(server) });
			if (result.error) throw new Error(`run failed: ${result.error.message}`);
			return result.output(HTTP_REQUEST).filter((item) => (item.json.customer as IDataObject | undefined)?.id !== undefined).length;
		},
	},
	fetchLoop: {
		label: 'bare Node fetch loop, one at a time (no n8n)',
		latencies: LATENCIES.filter((ms) => ms <= 50),
		async run(server, input) {
			const { basicAuth } = fetchAuth(server);
			let found = 0;
			for (const { customerId } of input) {
				const response = await fetch(`${server.baseUrl}/customers/${String(customerId)}`, { headers: { authorization: basicAuth, accept: 'application/json' } });
				const body = (await response.json()) as { customer?: { id?: string } };
				if (body.customer?.id !== undefined) found++;
			}
			return found;
		},
	},
};

function fetchAuth(server: Server) {
	return { basicAuth: `Basic ${Buffer.from(`${String(server.credentials.publicKey)}:${String(server.credentials.privateKey)}`).toString('base64')}` };
}

/** "get customer" ×GET_ITEMS at each latency, one side. */
export async function benchSpreadGet(sideName: string): Promise<Row[]> {
	const side = GET_SIDES[sideName];
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await host.spread({ customers: GET_ITEMS, listIds: GET_ITEMS });
		const input = Array.from({ length: GET_ITEMS }, (_, index) => ({ customerId: server.customerIds[index % server.customerIds.length] }));
		await side.run(server, input.slice(0, 20), nodesBasePackage);
		const rows: Row[] = [];
		for (const latencyMs of side.latencies) {
			await server.setLatency(latencyMs);
			// Short runs (well under a second) are timed three times and the median kept; the long one-at-a-time runs once.
			const runs: Array<{ found: number; wallMs: number; cpuMs: number; calls: number }> = [];
			for (let run = 0; run < (side.rounds ?? 1); run++) {
				await pause(100);
				await server.reset();
				const { result: found, wallMs, cpuMs } = await timed(async () => await side.run(server, input, nodesBasePackage));
				runs.push({ found, wallMs, cpuMs, calls: (await server.stats()).calls });
			}
			const { found, wallMs, cpuMs, calls } = runs.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)];
			rows.push({
				side: side.label,
				'latency ms': latencyMs,
				items: GET_ITEMS,
				'customers read': found,
				calls,
				'wall s': round(wallMs / 1000, 3),
				'reads/s': round((found * 1000) / wallMs, 1),
				'ms/item': round(wallMs / GET_ITEMS, 2),
				'CPU ms/item': round(cpuMs / GET_ITEMS, 2),
				runs: runs.length,
			});
		}
		return rows;
	});
}

/**
 * Return All over SPREAD_CUSTOMERS customers, one side per fresh process so the process's peak RSS (read by
 * fresh.js) is that side's own: the server's 50,000 records live in the server process.
 */
export async function benchSpreadReturnAll(sideName: 'ours' | 'http'): Promise<Row> {
	const { nodesBasePackage } = await loadBothSides();
	return await withServerHost(async (host) => {
		const server = await host.spread({ customers: SPREAD_CUSTOMERS, latencyProxy: false });
		const run = async (all: boolean) => {
			if (sideName === 'ours') {
				const parameters = { resource: 'customer', operation: 'getAll', returnAll: all, ...(all ? {} : { limit: 10 }) };
				const result = await runNode({ type: nodeType('spread'), parameters, credentials: { spreadApi: server.credentials } });
				if (result.nodeError) throw new Error(`run failed: ${result.nodeError.message}`);
				return result.items.length;
			}
			const result = await runWorkflow(spreadReturnAllWorkflow(server, all ? PAGE_SIZE : 10, all), { packageDir: nodesBasePackage, credentials: spreadBasicAuth(server) });
			if (result.error) throw new Error(`run failed: ${result.error.message}`);
			return result.output('Split Out').length;
		};
		// Warm-up on one small page, untimed and too small to move the peak RSS.
		await run(false);
		await server.reset();
		const rssBefore = process.memoryUsage().rss;
		const { result: customers, wallMs, cpuMs } = await timed(async () => await run(true));
		if (customers !== SPREAD_CUSTOMERS) throw new Error(`expected ${SPREAD_CUSTOMERS} customers, got ${customers}`);
		const traffic = await server.stats();
		return {
			side: sideName === 'ours' ? 'SPREAD node, customer Get Many, Return All' : 'HTTP Request node, pagination option, + Split Out',
			customers,
			calls: traffic.calls,
			'wall s': round(wallMs / 1000, 2),
			'CPU s': round(cpuMs / 1000, 2),
			'RSS before MB': mb(rssBefore),
		};
	});
}
