/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// `npm start`: every vendor sandbox plus the real n8n (first version of scripts/n8n-versions.sh) with the packed
// package installed, the sandbox credentials and the example workflows imported; up until Ctrl-C.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Sandbox } from '../../test/servers/sandbox';
import { loadExamples } from '../../test/e2e/examples';
import { freePort, n8nTargets, packPackage, REPO_ROOT, removeDir, startN8n } from '../../test/e2e/n8nProcess';
import { N8nWorkspace } from '../../test/e2e/n8nWorkspace';
import { popsellTriggerExamples, popsellTriggerRequest } from '../../test/e2e/popsellTrigger';
import { allCredentials, closeAll, startAllSandboxes } from '../../test/e2e/sandboxes';
import { setUpOwner, DEMO_OWNER } from './owner';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
	const target = n8nTargets()[0];
	// Kept between starts (your own workflows stay); the examples and sandbox credentials are re-imported each time.
	const userFolder = process.env.LEADBRIDGE_N8N_USER_FOLDER ?? join(REPO_ROOT, '.tmp', 'n8n');
	mkdirSync(userFolder, { recursive: true });
	const workspace = new N8nWorkspace(target, userFolder);

	const sandboxes: Sandbox[] = [];
	let stopN8n = async () => {};
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandboxes...');
		await stopN8n();
		await closeAll(sandboxes);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	await startAllSandboxes(sandboxes);
	for (const sandbox of sandboxes) say(`sandbox ${sandbox.vendor}: ${sandbox.url || '(calls n8n)'}`);
	const tarball = packPackage();
	workspace.installPackage(tarball);
	removeDir(join(tarball, '..'));
	const credentials = allCredentials(sandboxes);
	const examples = loadExamples();
	say(`Importing ${credentials.length} sandbox credentials and ${examples.length} example workflows into n8n ${target.version}...`);
	await workspace.importCredentials(credentials);
	await workspace.importWorkflows(examples.map((example) => example.workflow));
	const triggers = popsellTriggerExamples(examples);
	for (const example of triggers) await workspace.activate(example.workflow.id as string);

	const requested = Number(process.env.N8N_PORT ?? 5678);
	const port = (await isFree(requested)) ? requested : await freePort();
	const n8n = await startN8n(target, userFolder, { port, env: { N8N_LOG_FORMAT: 'text' } });
	stopN8n = n8n.stop;
	const owner = await setUpOwner(n8n.url);

	say('');
	say(`n8n ${target.version} is running with n8n-nodes-leadbridge installed: ${n8n.url}`);
	say(`  sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}${owner === 'existing' ? ' (or the owner you created before)' : ''}`);
	say(`  examples: Overview > Workflows; credentials point at the local sandboxes (no vendor account needed)`);
	for (const example of triggers) {
		const request = popsellTriggerRequest(n8n.url, example, credentials);
		if (request) say(`  Popsell trigger "${example.workflow.name}" is live: curl '${request}'`);
	}
	say(`  n8n's data: ${userFolder}`);
	say('Press Ctrl-C to stop.');
}

async function isFree(port: number): Promise<boolean> {
	try {
		await fetch(`http://127.0.0.1:${port}/`);
		return false;
	} catch {
		return true;
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
