/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// `npm start` (scripts/start.sh): the demo instance of ./demo.ts, up until Ctrl-C.
import { DEMO_OWNER } from '../../test/e2e/owner';
import { startDemo } from './demo';
import { startQueueDemo } from './queueDemo';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function isFree(port: number): Promise<boolean> {
	try {
		await fetch(`http://127.0.0.1:${port}/`);
		return false;
	} catch {
		return true;
	}
}

async function main() {
	const requested = Number(process.env.N8N_PORT ?? 5678);
	const port = (await isFree(requested)) ? requested : undefined;
	if (port === undefined) say(`Port ${requested} is taken: n8n gets a free one.`);
	// `npm start -- --queue`: the same demo in n8n's queue mode (main + 2 workers, Redis, PostgreSQL).
	const queueMode = process.argv.includes('--queue');
	const demo = await (queueMode ? startQueueDemo : startDemo)({ port, say });
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandboxes...');
		await demo.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	say('');
	say(`n8n ${demo.target.version}${queueMode ? ' (queue mode)' : ''} is running with n8n-nodes-leadbridge installed: ${demo.url}`);
	say(`  sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}${demo.ownerCreated ? '' : ' (the owner created by an earlier start)'}`);
	// Signed in from the bare URL, n8n 2.41 lands on its Assistant page: this link leads to the workflows list instead.
	say(`  open ${demo.url}/signin?redirect=${encodeURIComponent('/home/workflows')} : after sign-in, the workflows list`);
	say(`  ${demo.examples.length} example workflows under Overview; their credentials point at the local sandboxes (no vendor account needed)`);
	for (const call of demo.webhookCalls) say(`  "${call.workflow}" is live, try:\n    ${call.curl}`);
	say(
		queueMode
			? `  n8n's folders (main, worker-1, worker-2): ${demo.userFolder}; the database is fresh on every start`
			: `  n8n's data folder: ${demo.userFolder} (delete it for a fresh instance)`,
	);
	say('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
