/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// What every timed benchmark shares: the packages loaded before any timer starts (ours and n8n's own nodes), the
// latencies the rows run at, and a monotonic stopwatch.
import '../../test/engine/setupEnv';

import { loadPackage } from '../../test/engine/runner';
import { locateNodesBase } from './nodesBase';

/** Simulated round-trip latencies (ms) of the latency rows. */
export const LATENCIES = (process.env.BENCH_LATENCIES ?? '0,50,150,300').split(',').map(Number);

/** Loads (requires, parses, registers) our package and n8n-nodes-base's nodes: nothing of that lands in a timer. */
export async function loadBothSides(): Promise<{ nodesBasePackage: string }> {
	const nodesBase = locateNodesBase();
	if ('missing' in nodesBase) throw new Error(nodesBase.missing);
	await loadPackage();
	await loadPackage(nodesBase.packageDir);
	return { nodesBasePackage: nodesBase.packageDir };
}

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; wallMs: number }> {
	const started = process.hrtime.bigint();
	const result = await run();
	return { result, wallMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

export const pause = (ms: number) => new Promise<void>((resolvePause) => setTimeout(resolvePause, ms));
