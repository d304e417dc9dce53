/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// One n8n user folder with the packed package installed, the sandbox credentials and the examples imported:
// what both the e2e tests and `npm start` set up, for one n8n version.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SandboxCredential } from '../servers/sandbox';
import type { WorkflowJson } from './examples';
import { freePort, installPackedPackage, runN8n, type N8nRun, type N8nTarget } from './n8nProcess';

export interface NodeRunData {
	error?: { message?: string; description?: string; [key: string]: unknown };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
}

export interface WorkflowRun {
	run: N8nRun;
	/** runData of the finished execution, by node name; undefined when n8n printed none. */
	runData?: Record<string, NodeRunData[]>;
	/** The workflow's error, from the printed result or n8n's error log. */
	errorMessage?: string;
	/** Everything n8n printed, to check that no secret shows up. */
	allOutput: string;
}

export class N8nWorkspace {
	constructor(
		readonly target: N8nTarget,
		readonly userFolder: string,
		/** Settings every command gets (queue mode: the shared database, Redis, encryption key). */
		readonly env: Record<string, string> = {},
	) {}

	/** Installs the tarball as a community package: node types become `<package name>.<node name>`. */
	installPackage(tarball: string): void {
		installPackedPackage(this.userFolder, tarball);
	}

	async command(args: string[], env: Record<string, string> = {}): Promise<N8nRun> {
		// Each command gets its own task-runner port, so runs never collide with another n8n on this machine.
		const port = String(await freePort());
		return await runN8n(this.target, this.userFolder, args, { env: { N8N_RUNNERS_BROKER_PORT: port, ...this.env, ...env } });
	}

	async mustRun(args: string[]): Promise<N8nRun> {
		const run = await this.command(args);
		if (run.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited with ${run.code}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
		}
		return run;
	}

	async importCredentials(credentials: SandboxCredential[]): Promise<void> {
		const file = join(this.userFolder, 'import-credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.mustRun(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		const dir = join(this.userFolder, 'import-workflows');
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows) {
			writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify({ ...workflow, active: false }));
		}
		await this.mustRun(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** Activation from the CLI, before `n8n start`: 2.x publishes the workflow, 1.x flips `active`. */
	async activate(workflowId: string): Promise<void> {
		const major = Number(this.target.version.split('.')[0]);
		await this.mustRun(major >= 2 ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true']);
	}

	/**
	 * Every imported workflow but `skipIds`, in one n8n process (`n8n execute-batch`): one start-up instead of one
	 * per workflow. Each successful run's data comes from its snapshot file, each failure's message from the summary.
	 */
	async executeAll(skipIds: string[]): Promise<Map<string, WorkflowRun>> {
		const dir = join(this.userFolder, `batch-${Date.now()}`);
		mkdirSync(join(dir, 'snapshots'), { recursive: true });
		writeFileSync(join(dir, 'skip.json'), JSON.stringify(skipIds.map((workflowId) => ({ workflowId }))));
		const run = await this.command([
			'execute-batch',
			`--skipList=${join(dir, 'skip.json')}`,
			'--retries=0',
			`--snapshot=${join(dir, 'snapshots')}`,
			`--output=${join(dir, 'summary.json')}`,
		]);
		if (!existsSync(join(dir, 'summary.json'))) {
			throw new Error(`n8n execute-batch wrote no summary (exit ${run.code}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
		}
		const summaryText = readFileSync(join(dir, 'summary.json'), 'utf8');
		const summary = JSON.parse(summaryText) as { executions: Array<{ workflowId: string; executionStatus: string; error?: string }> };
		const results = new Map<string, WorkflowRun>();
		for (const execution of summary.executions) {
			const snapshot = join(dir, 'snapshots', `${execution.workflowId}-snapshot.json`);
			const snapshotText = existsSync(snapshot) ? readFileSync(snapshot, 'utf8') : '';
			const printed = snapshotText ? parseResult(snapshotText) : undefined;
			results.set(execution.workflowId, {
				run,
				runData: printed?.data?.resultData?.runData,
				errorMessage: execution.executionStatus === 'success' ? undefined : (execution.error ?? execution.executionStatus),
				allOutput: `${run.stdout}\n${run.stderr}\n${summaryText}\n${snapshotText}`,
			});
		}
		return results;
	}

	/** `n8n execute --id=<id> --rawOutput`: the run's result is one JSON log record's message. */
	async execute(workflowId: string): Promise<WorkflowRun> {
		const run = await this.command(['execute', `--id=${workflowId}`, '--rawOutput']);
		const allOutput = `${run.stdout}\n${run.stderr}`;
		let runData: Record<string, NodeRunData[]> | undefined;
		let errorMessage: string | undefined;
		for (const record of run.records) {
			const result = parseResult(record.message);
			if (result?.data?.resultData) {
				runData = result.data.resultData.runData;
				errorMessage ??= result.data.resultData.error?.message;
			}
		}
		if (run.code !== 0 && errorMessage === undefined) {
			const errorRecord = run.records.find((record) => record.level === 'error' && typeof record.message === 'string');
			errorMessage = (errorRecord?.message as string | undefined) ?? run.stderr.trim().split('\n').pop();
		}
		return { run, runData, errorMessage, allOutput };
	}
}

interface PrintedResult {
	data?: { resultData?: { runData?: Record<string, NodeRunData[]>; error?: { message?: string } } };
}

function parseResult(message: unknown): PrintedResult | undefined {
	if (typeof message !== 'string' || !message.trimStart().startsWith('{')) return undefined;
	try {
		const parsed = JSON.parse(message) as PrintedResult & { resultData?: unknown };
		// n8n prints either the whole run ({data: {resultData}}) or its data ({resultData}).
		return parsed.data ? parsed : ({ data: parsed } as PrintedResult);
	} catch {
		return undefined;
	}
}

/** The items a node produced on its first output in its last run. */
export function outputItems(workflowRun: WorkflowRun, node: string): Array<Record<string, unknown>> {
	const runs = workflowRun.runData?.[node];
	if (!runs || runs.length === 0) return [];
	return (runs[runs.length - 1].data?.main?.[0] ?? []).map((item) => item.json);
}
