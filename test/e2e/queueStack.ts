/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// n8n in queue mode, all on 127.0.0.1: Redis and PostgreSQL (scripts/queue-services.sh), one main instance (editor,
// webhooks, polling triggers) and worker processes that run the executions, each process with the packed package
// installed as a community package in its own user folder. Used by the queue-mode e2e test and `npm start -- --queue`.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { SandboxCredential } from '../servers/sandbox';
import type { WorkflowJson } from './examples';
import { freePort, makeTempDir, removeDir, startN8n, type N8nTarget, type RunningN8n } from './n8nProcess';
import { N8nWorkspace, type NodeRunData } from './n8nWorkspace';
import { signInAsOwner } from './owner';
import { startN8nWorker, startQueueServices, stopQueueServices, type QueueServices, type RunningWorker } from './queueProcesses';

export interface QueueStackOptions {
	target: N8nTarget;
	tarball: string;
	credentials: SandboxCredential[];
	workflows: WorkflowJson[];
	workers?: number;
	/** Kept between runs when given (`npm start`); a fresh temporary folder otherwise, removed by stop(). */
	dir?: string;
	port?: number;
	/** n8n's own log format: json (parsed by the tests) or text (read by people). */
	logFormat?: 'json' | 'text';
	say?: (line: string) => void;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
}

export class QueueStack {
	main!: RunningN8n;
	workers: RunningWorker[] = [];
	cookie = '';

	private readonly mainOutputs: Array<() => string> = [];

	private constructor(
		readonly options: QueueStackOptions,
		readonly dir: string,
		readonly services: QueueServices,
		/** Every process's shared settings: Redis, PostgreSQL, the encryption key. */
		readonly env: Record<string, string>,
		/** The main instance's user folder, for CLI commands against the shared database. */
		readonly workspace: N8nWorkspace,
		readonly port: number,
	) {}

	static async start(options: QueueStackOptions): Promise<QueueStack> {
		const say = options.say ?? (() => {});
		const dir = options.dir ?? makeTempDir('leadbridge-queue-');
		mkdirSync(dir, { recursive: true });
		say('Starting Redis and PostgreSQL (installed from Debian packages the first time)...');
		let services: QueueServices;
		try {
			services = startQueueServices(join(dir, 'services'));
		} catch (error) {
			stopQueueServices(join(dir, 'services'));
			if (!options.dir) removeDir(dir);
			return await Promise.reject(error);
		}
		const port = options.port ?? (await freePort());
		const env: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(services.redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(services.postgresPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'n8n',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(port),
			WEBHOOK_URL: `http://localhost:${port}/`,
			N8N_LOG_FORMAT: options.logFormat ?? 'json',
		};
		const workspace = new N8nWorkspace(options.target, join(dir, 'main'), env);
		const stack = new QueueStack(options, dir, services, env, workspace, port);
		try {
			workspace.installPackage(options.tarball);
			// The first command runs the migrations, before any worker or main could race on them.
			say(`Importing ${options.credentials.length} credentials and ${options.workflows.length} workflows into PostgreSQL...`);
			await workspace.importCredentials(options.credentials);
			await workspace.importWorkflows(options.workflows);
			const workerCount = options.workers ?? 2;
			say(`Starting ${workerCount} workers and the main instance on port ${port}...`);
			const folders = Array.from({ length: workerCount }, (_, index) => join(dir, `worker-${index + 1}`));
			// Each worker loads the package from its own user folder, as on separate machines.
			for (const folder of folders) cpSync(join(workspace.userFolder, '.n8n', 'nodes'), join(folder, '.n8n', 'nodes'), { recursive: true });
			stack.workers = await Promise.all(folders.map(async (folder) => await startN8nWorker(options.target, folder, { env })));
			await stack.startMain();
			return stack;
		} catch (error) {
			await stack.stop();
			return await Promise.reject(error);
		}
	}

	get url(): string {
		return this.main.url;
	}

	private async startMain(): Promise<void> {
		this.main = await startN8n(this.options.target, this.workspace.userFolder, { port: this.port, env: this.env });
		this.mainOutputs.push(this.main.output);
		this.cookie = (await signInAsOwner(this.main.url)).cookie;
	}

	/** Stops the main instance and starts it again (workers, Redis and the database stay). */
	async restartMain(): Promise<void> {
		await this.main.stop();
		await this.startMain();
	}

	async rest<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
		const response = await fetch(`${this.main.url}/rest${path}`, {
			method: init.method ?? 'GET',
			headers: { cookie: this.cookie, 'content-type': 'application/json' },
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${init.method ?? 'GET'} /rest${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** Activates (publishes) a workflow through the editor's API: main registers its webhooks or polls at once. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.rest<{ versionId: string }>(`/workflows/${workflowId}`);
		await this.rest(`/workflows/${workflowId}/activate`, { method: 'POST', body: { versionId: workflow.versionId } });
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.rest<{ results: ExecutionSummary[] }>(`/executions?filter=${filter}&limit=100`);
		return page.results;
	}

	/** A finished execution's node outputs, as `n8n execute` prints them. */
	async runData(executionId: string): Promise<Record<string, NodeRunData[]>> {
		const execution = await this.rest<{ data: string }>(`/executions/${executionId}`);
		// n8n stores execution data in the `flatted` format: read it with n8n's own copy.
		const flatted = createRequire(join(this.options.target.dir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };
		const data = flatted.parse(execution.data) as { resultData: { runData: Record<string, NodeRunData[]> } };
		return data.resultData.runData;
	}

	/** The executions each worker started, from its own log ("Worker started execution N"). */
	executionsByWorker(): string[][] {
		return this.workers.map((worker) => [...worker.output().matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]));
	}

	/** Every process's log so far, to read when a test fails: main-<n>.log (one per start), worker-<n>.log. */
	saveLogs(folder: string): void {
		mkdirSync(folder, { recursive: true });
		this.mainOutputs.forEach((output, index) => writeFileSync(join(folder, `main-${index + 1}.log`), output()));
		this.workers.forEach((worker, index) => writeFileSync(join(folder, `worker-${index + 1}.log`), worker.output()));
	}

	async stop(): Promise<void> {
		await this.main?.stop();
		await Promise.all(this.workers.map(async (worker) => await worker.stop()));
		stopQueueServices(join(this.dir, 'services'));
		if (!this.options.dir) removeDir(this.dir);
	}
}
