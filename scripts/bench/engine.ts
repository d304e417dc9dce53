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

/** Wall time, and the CPU time this process spent meanwhile (user + system): on a busy machine the second moves far less. */
export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	const result = await run();
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = process.cpuUsage(cpuBefore);
	return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export const pause = (ms: number) => new Promise<void>((resolvePause) => setTimeout(resolvePause, ms));
