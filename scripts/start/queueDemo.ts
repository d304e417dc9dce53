/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// `npm start -- --queue` (or `npm run start:queue`): the demo of ./demo.ts in n8n's queue mode: Redis and PostgreSQL
// (installed from Debian's packages the first time), a main instance and two workers, each loading the packed
// package. Every start is fresh (the database lives as long as the stack); your work belongs in the regular `npm start`.
import { join } from 'node:path';

import type { Sandbox } from '../../test/servers/sandbox';
import { loadExamples } from '../../test/e2e/examples';
import { n8nTargets, packPackage, REPO_ROOT, removeDir } from '../../test/e2e/n8nProcess';
import { QueueStack } from '../../test/e2e/queueStack';
import { allCredentials, closeAll, startAllSandboxes } from '../../test/e2e/sandboxes';
import { asCurl, webhookCall, webhookExamples } from '../../test/e2e/webhooks';
import type { Demo } from './demo';

export async function startQueueDemo(options: { port?: number; say?: (line: string) => void } = {}): Promise<Demo> {
	const say = options.say ?? (() => {});
	const target = n8nTargets()[0];
	const sandboxes: Sandbox[] = [];
	let stack: QueueStack | undefined;
	const stop = async () => {
		await stack?.stop();
		await closeAll(sandboxes);
	};
	try {
		await startAllSandboxes(sandboxes);
		for (const sandbox of sandboxes) say(`sandbox ${sandbox.vendor}: ${sandbox.url || '(Popsell calls n8n)'}`);
		const tarball = packPackage();
		const credentials = allCredentials(sandboxes);
		const examples = loadExamples();
		const dir = join(REPO_ROOT, '.tmp', 'n8n-queue');
		removeDir(dir);
		stack = await QueueStack.start({
			target,
			tarball,
			credentials,
			workflows: examples.map((example) => example.workflow),
			dir,
			port: options.port,
			logFormat: 'text',
			say,
		});
		removeDir(join(tarball, '..'));
		const triggers = webhookExamples(examples);
		for (const example of triggers) await stack.activate(example.workflow.id as string);
		const webhookCalls = triggers.flatMap((example) => {
			const call = webhookCall(stack!.url, example, credentials);
			return call ? [{ workflow: example.workflow.name, curl: asCurl(call) }] : [];
		});
		say(`Queue mode: ${stack.workers.length} workers run the executions (their logs say "Worker started execution N"); Redis on 127.0.0.1:${stack.services.redisPort}, PostgreSQL on 127.0.0.1:${stack.services.postgresPort}.`);
		return { target, url: stack.url, userFolder: dir, sandboxes, examples, cookie: stack.cookie, ownerCreated: true, webhookCalls, stop };
	} catch (error) {
		await stop();
		return await Promise.reject(error);
	}
}
