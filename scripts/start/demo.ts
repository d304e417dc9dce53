/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The demo instance behind `npm start` and `npm run screenshots`: every vendor sandbox plus the real n8n
// (first version of scripts/n8n-versions.sh) with the packed package installed, the sandbox credentials and the
// example workflows imported, the webhook examples (Popsell, web form) active, and a demo owner account.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Sandbox } from '../../test/servers/sandbox';
import { loadExamples, type Example, type WorkflowJson } from '../../test/e2e/examples';
import { freePort, n8nTargets, packPackage, REPO_ROOT, removeDir, startN8n, type N8nTarget } from '../../test/e2e/n8nProcess';
import { N8nWorkspace } from '../../test/e2e/n8nWorkspace';
import { signInAsOwner } from '../../test/e2e/owner';
import { asCurl, webhookCall, webhookExamples } from '../../test/e2e/webhooks';
import { allCredentials, closeAll, startAllSandboxes } from '../../test/e2e/sandboxes';

export interface Demo {
	target: N8nTarget;
	url: string;
	userFolder: string;
	sandboxes: Sandbox[];
	examples: Example[];
	/** Session cookie of the demo owner. */
	cookie: string;
	ownerCreated: boolean;
	/** Ready-made calls (curl command lines) of the active webhook examples, e.g. Popsell with a valid token. */
	webhookCalls: Array<{ workflow: string; curl: string }>;
	stop(): Promise<void>;
}

export interface DemoOptions {
	port?: number;
	userFolder?: string;
	say?: (line: string) => void;
	/** More workflows to import beside the examples (the browser check's one per node). */
	extraWorkflows?: WorkflowJson[];
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
	const say = options.say ?? (() => {});
	const target = n8nTargets()[0];
	// Kept between starts (your own workflows stay); the examples and sandbox credentials are re-imported each time.
	const userFolder = options.userFolder ?? join(REPO_ROOT, '.tmp', 'n8n');
	mkdirSync(userFolder, { recursive: true });
	const workspace = new N8nWorkspace(target, userFolder);

	const sandboxes: Sandbox[] = [];
	let stopN8n = async () => {};
	const stop = async () => {
		await stopN8n();
		await closeAll(sandboxes);
	};
	try {
		await startAllSandboxes(sandboxes);
		for (const sandbox of sandboxes) say(`sandbox ${sandbox.vendor}: ${sandbox.url || '(Popsell calls n8n)'}`);
		const tarball = packPackage();
		workspace.installPackage(tarball);
		removeDir(join(tarball, '..'));
		const credentials = allCredentials(sandboxes);
		const examples = loadExamples();
		say(`Importing ${credentials.length} sandbox credentials and ${examples.length} example workflows into n8n ${target.version}...`);
		await workspace.importCredentials(credentials);
		await workspace.importWorkflows([...examples.map((example) => example.workflow), ...(options.extraWorkflows ?? [])]);
		const triggers = webhookExamples(examples);
		for (const example of triggers) await workspace.activate(example.workflow.id as string);

		const port = options.port ?? (await freePort());
		say(`Starting n8n ${target.version} on port ${port}...`);
		const n8n = await startN8n(target, userFolder, { port, env: { N8N_LOG_FORMAT: 'text' } });
		stopN8n = n8n.stop;
		const { cookie, created } = await signInAsOwner(n8n.url);
		const webhookCalls = triggers.flatMap((example) => {
			const call = webhookCall(n8n.url, example, credentials);
			return call ? [{ workflow: example.workflow.name, curl: asCurl(call) }] : [];
		});
		return { target, url: n8n.url, userFolder, sandboxes, examples, cookie, ownerCreated: created, webhookCalls, stop };
	} catch (error) {
		await stop();
		return await Promise.reject(error);
	}
}
