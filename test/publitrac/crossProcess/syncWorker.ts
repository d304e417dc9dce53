/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// One "worker" of the cross-process test (./crossProcess.test.ts), run as its own OS process by
// test/engine/engineProcess.js: like an n8n queue-mode worker, it runs PUBLITRAC syncLead executions through
// n8n-core's engine, with its own copy of the package and so its own throttle.
import '../../engine/setupEnv';

import { loadPackage, runNode } from '../../engine/runner';
import { PUBLITRAC } from '../run';

export interface SyncWorkerSettings {
	credentials: Record<string, string>;
	executions: number;
	itemsPerExecution: number;
	/** Makes this worker's lead emails its own. */
	name: string;
}

export interface SyncWorkerResult {
	executions: Array<{ items: number; errorItems: string[]; nodeError?: string; emails: string[] }>;
	startedAt: number;
	finishedAt: number;
}

export const emailOf = (worker: string, execution: number, item: number) => `${worker}-e${execution}-i${item}@sync.example`;

async function runWorker(settings: SyncWorkerSettings): Promise<SyncWorkerResult> {
	const startedAt = Date.now();
	const executions = await Promise.all(
		Array.from({ length: settings.executions }, async (_, execution) => {
			const run = await runNode({
				type: PUBLITRAC,
				parameters: { resource: 'lead', operation: 'syncLead', email: '={{ $json.email }}' },
				credentials: { publitracApi: settings.credentials },
				input: Array.from({ length: settings.itemsPerExecution }, (_item, item) => ({ email: emailOf(settings.name, execution, item) })),
				continueOnFail: true,
			});
			const json = run.items.map((item) => item.json);
			return {
				items: json.length,
				errorItems: json.filter((item) => 'error' in item).map((item) => String(item.error)),
				nodeError: run.nodeError?.message ?? run.error?.message,
				emails: json.map((item) => String(item.email ?? '')),
			};
		}),
	);
	return { executions, startedAt, finishedAt: Date.now() };
}

async function main() {
	const settings = JSON.parse(process.env.SYNC_WORKER_SETTINGS ?? '{}') as SyncWorkerSettings;
	// Load n8n-core and the package before the start signal: only the sync is timed.
	await loadPackage();
	process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
	await new Promise<void>((resolveStart) => process.stdin.once('data', () => resolveStart()));
	const result = await runWorker(settings);
	process.stdout.write(`${JSON.stringify({ result })}\n`);
	process.exit(0);
}

if (require.main === module) void main();
