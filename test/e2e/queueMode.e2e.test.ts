/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// The packed package in n8n 2.41's queue mode (test/e2e/queueStack.ts): Redis, PostgreSQL, a main instance and two
// workers, each process loading the package from its own user folder. The example workflows run on the workers
// with the results they give in regular mode, webhooks are answered while a worker runs the workflow, and the
// SPREAD and PUBLITRAC polling triggers poll once per poll, from main only, without repeating items after main restarts;
// PUBLITRAC's with n8n's zone six hours ahead of the zone its stamps are written in (issue 27: every lead was dropped).
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';

import type { SpreadServer } from '../servers/spread';
import type { PublitracServer } from '../servers/publitrac';
import { addLead, upsertOpportunity } from '../servers/publitrac';
import type { Sandbox, SandboxCredential } from '../servers/sandbox';
import { checkItems, loadExamples, notExecutedExamples, type Example, type WorkflowJson, type WorkflowNode } from './examples';
import { ensureInstalled, n8nTargets, packPackage, REPO_ROOT, removeDir } from './n8nProcess';
import { QueueStack } from './queueStack';
import { allCredentials, closeAll, startAllSandboxes } from './sandboxes';
import { callWebhookExample, webhookCall, webhookExamples } from './webhooks';

// Queue mode as n8n 2.x runs it (workers, durable poll scheduler): the first 2.x version of scripts/n8n-versions.sh.
const target = n8nTargets().find((candidate) => Number(candidate.version.split('.')[0]) >= 2);
const describeQueue = target ? describe : describe.skip;

const examples = loadExamples();
const notExecuted = notExecutedExamples(examples);
const webhooks = webhookExamples(examples);
const runnable = examples.filter((example) => example.expect?.node !== undefined && !webhooks.includes(example) && !notExecuted.includes(example));
const SPREAD_TRIGGER_EXAMPLE = 'spread-new-customers-to-publitrac';
const PUBLITRAC_TRIGGER_EXAMPLE = 'publitrac-new-leads-to-spread';
/** The workflow's zone, and the one the PUBLITRAC sandbox stamps in here (UTC−5, as Montréal in winter): 6 h apart. */
const WORKFLOW_ZONE = 'Europe/Paris';
const PUBLITRAC_STAMP_ZONE = 'Etc/GMT+5';
/** The trigger polls every minute here (every 5 minutes in the example; n8n allows no less than a minute). */
const POLL_SECONDS = 60;

/**
 * A copy of a Manual Trigger example that a webhook starts instead: main takes the call, a worker runs the
 * execution (the Manual Trigger's one empty item becomes the webhook's one item).
 */
function startedByWebhook(example: Example): WorkflowJson {
	const workflow = JSON.parse(JSON.stringify(example.workflow)) as WorkflowJson;
	const nodes = workflow.nodes.map((node): WorkflowNode =>
		node.type === 'n8n-nodes-base.manualTrigger'
			? { ...node, type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: `queue-${example.name}`, responseMode: 'lastNode', options: {} } }
			: node,
	);
	return { ...workflow, nodes, id: `q-${String(example.workflow.id)}`.slice(0, 36), name: `${workflow.name} (queue mode)` };
}

/** The SPREAD Trigger example, polling every few seconds and taking the customers created from now on. */
function spreadTriggerWorkflow(since: Date): WorkflowJson {
	const example = examples.find((candidate) => candidate.name === SPREAD_TRIGGER_EXAMPLE) as Example;
	const workflow = JSON.parse(JSON.stringify(example.workflow)) as WorkflowJson;
	for (const node of workflow.nodes) {
		if (node.type.endsWith('.spreadTrigger')) {
			node.parameters = {
				...node.parameters,
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				options: { startFrom: since.toISOString() },
			};
		}
	}
	return workflow;
}

/** The PUBLITRAC Trigger example, polling every minute, in a workflow whose zone is ahead of PUBLITRAC's stamps. */
function publitracTriggerWorkflow(): WorkflowJson {
	const example = examples.find((candidate) => candidate.name === PUBLITRAC_TRIGGER_EXAMPLE) as Example;
	const workflow = JSON.parse(JSON.stringify(example.workflow)) as WorkflowJson;
	for (const node of workflow.nodes) {
		if (node.type.endsWith('.publitracTrigger')) node.parameters = { ...node.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } };
	}
	return { ...workflow, settings: { ...(workflow.settings as object), timezone: WORKFLOW_ZONE } };
}

/** The examples of the order, sponsorship, opportunity and list events, and how each tells its records apart. */
const EVENT_EXAMPLES: Array<{ name: string; trigger: string; idOf: (record: Record<string, unknown>) => string }> = [
	{ name: 'spread-orders-to-publitrac', trigger: 'New or updated SPREAD order', idOf: (order) => String(order.orderId) },
	{ name: 'spread-sponsorships-to-publitrac', trigger: 'New SPREAD sponsorship', idOf: (sponsorship) => String(sponsorship.id) },
	{ name: 'publitrac-opportunities', trigger: 'New or updated PUBLITRAC opportunity', idOf: (opportunity) => String(opportunity.id) },
	{ name: 'publitrac-list-to-spread', trigger: 'Lead added to Newsletter', idOf: (lead) => String(lead.email) },
];

/** An example polling every minute (every 5 in the file; n8n allows no less than a minute). */
function everyMinute(name: string): WorkflowJson {
	const workflow = JSON.parse(JSON.stringify((examples.find((candidate) => candidate.name === name) as Example).workflow)) as WorkflowJson;
	for (const node of workflow.nodes) if (node.type.endsWith('Trigger')) node.parameters = { ...node.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } };
	return workflow;
}

const wait = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await wait(500);
	}
}

/** A webhook just activated may take a moment to be found by main: 404 is retried for a few seconds. */
async function callWhenRegistered(url: string): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		const answer = await fetch(url, { method: 'POST' });
		if (answer.status !== 404 || attempt === 20) return answer;
		await wait(500);
	}
}

describeQueue(`n8n ${target?.version ?? '2.x'} in queue mode (main + 2 workers, Redis, PostgreSQL)`, () => {
	const sandboxes: Sandbox[] = [];
	let credentials: SandboxCredential[] = [];
	let stack: QueueStack;
	let tarball = '';
	const started = new Date();
	const serverOf = <T>(vendor: string) => sandboxes.find((sandbox) => sandbox.vendor === vendor)?.server as T;

	beforeAll(async () => {
		ensureInstalled([target!.version]);
		tarball = packPackage();
		await startAllSandboxes(sandboxes);
		credentials = allCredentials(sandboxes);
		stack = await QueueStack.start({
			target: target!,
			tarball,
			credentials,
			workflows: [...examples.map((example) => example.workflow), ...runnable.map(startedByWebhook), spreadTriggerWorkflow(started), publitracTriggerWorkflow(), ...EVENT_EXAMPLES.map(({ name }) => everyMinute(name))],
		});
	});

	afterAll(async () => {
		stack?.saveLogs(join(REPO_ROOT, '.tmp', 'e2e', 'queue-mode'));
		await stack?.stop();
		await closeAll(sandboxes.splice(0));
		if (tarball) removeDir(dirname(tarball));
	});

	test('the example workflows run on both workers, with the results they give in regular mode', async () => {
		expect(runnable.length).toBeGreaterThan(0);
		const copies = runnable.map((example) => ({ example, workflow: startedByWebhook(example) }));
		for (const { workflow } of copies) await stack.activate(workflow.id as string);
		// All at once: main queues them, the workers take them.
		const answers = await Promise.all(copies.map(async ({ example }) => await callWhenRegistered(`${stack.url}/webhook/queue-${example.name}`)));
		const statuses = await Promise.all(answers.map(async (answer, index) => `${copies[index].example.name}: ${answer.status} ${answer.status === 200 ? '' : (await answer.text()).slice(0, 300)}`));
		expect(statuses).toEqual(copies.map(({ example }) => `${example.name}: 200 `));
		const problems: string[] = [];
		const executionIds: string[] = [];
		for (const { example, workflow } of copies) {
			const [execution] = await until(`the execution of ${example.name}`, async () => {
				const found = await stack.executions(workflow.id as string);
				return found.length && found.every((candidate) => candidate.status !== 'running' && candidate.status !== 'new') ? found : undefined;
			});
			executionIds.push(execution.id);
			if (execution.status !== 'success') problems.push(`${example.name}: execution ${execution.id} ended ${execution.status}`);
			const runData = await stack.runData(execution.id);
			const items = (node: string) => (runData[node]?.[runData[node].length - 1]?.data?.main?.[0] ?? []).map((item) => item.json);
			const expectation = example.expect!;
			problems.push(...checkItems(expectation.node, items(expectation.node), expectation));
			for (const [node, more] of Object.entries(expectation.nodes ?? {})) problems.push(...checkItems(node, items(node), more));
		}
		expect(problems).toEqual([]);
		// Every execution ran on a worker, and both workers took some.
		const byWorker = stack.executionsByWorker();
		expect(executionIds.filter((id) => !byWorker.flat().includes(id))).toEqual([]);
		expect(byWorker.map((ids) => ids.length > 0)).toEqual([true, true]);
	});

	test('Popsell and InfluencerSoft webhooks are answered by the worker’s execution; a wrong Popsell token gets 401 before any', async () => {
		expect(webhooks.length).toBeGreaterThan(0);
		for (const example of webhooks) await stack.activate(example.workflow.id as string);
		const popsell = webhooks.filter((example) => example.workflow.nodes.some((node) => node.type.endsWith('.popsellTrigger')));
		expect(popsell.length).toBeGreaterThan(0);
		for (const example of popsell) {
			const before = (await stack.executions(example.workflow.id as string)).length;
			const refused = await fetch(webhookCall(stack.url, example, credentials, '0'.repeat(32))!.url);
			expect(refused.status).toBe(401);
			expect(((await refused.json()) as { IsSuccessfull?: unknown }).IsSuccessfull).toBe(false);
			await wait(1000);
			expect(await stack.executions(example.workflow.id as string)).toHaveLength(before);
		}
		const startedBefore = stack.executionsByWorker().flat().length;
		const problems: string[] = [];
		for (const example of webhooks) problems.push(...(await callWebhookExample(stack.url, example, credentials)));
		expect(problems).toEqual([]);
		// Each answered call was an execution run by a worker (Popsell's wrong-token calls start none).
		expect(stack.executionsByWorker().flat().length - startedBefore).toBeGreaterThanOrEqual(webhooks.length);
	});

	test('the SPREAD Trigger polls from main only: each new customer synced once, none again after main restarts', async () => {
		const spread = serverOf<SpreadServer>('SPREAD');
		const publitrac = serverOf<PublitracServer>('PUBLITRAC');
		const workflowId = String(examples.find((example) => example.name === SPREAD_TRIGGER_EXAMPLE)!.workflow.id);
		const syncsOf = (email: string) =>
			publitrac.calls('syncLead').filter((request) => !request.refusedByLimit && (publitrac.queryOf(request).lead as { email?: unknown }).email === email);
		const polls = () => spread.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/customers') && request.query.has('createdAfter'));
		const added = [1, 2].map((index) => `queue-poll-${index}-${Date.now()}@example.com`);
		for (const email of added) spread.addCustomer({ email, firstName: 'Poll', lastName: 'Before activation' });
		// n8n polls once when the workflow is activated, then every minute.
		await stack.activate(workflowId);
		await until('both new customers synced into PUBLITRAC', () => (added.every((email) => syncsOf(email).length > 0) ? true : undefined));
		const executionsBefore = (await stack.executions(workflowId)).length;
		expect(executionsBefore).toBe(1);

		await stack.restartMain();
		const pollsBeforeRestart = polls().length;
		const later = `queue-poll-3-${Date.now()}@example.com`;
		spread.addCustomer({ email: later, firstName: 'Poll', lastName: 'After restart' });
		// The next poll (within the minute) takes only the customer added since, once.
		await until('the customer added after the restart synced', () => (syncsOf(later).length > 0 ? true : undefined), (POLL_SECONDS + 30) * 1000);
		await wait(3000);
		expect(syncsOf(later)).toHaveLength(1);
		expect(added.map((email) => syncsOf(email).length)).toEqual([1, 1]);
		expect(await stack.executions(workflowId)).toHaveLength(executionsBefore + 1);
		// It polled after the restart (main polls once when it starts, then every minute); the workers never poll:
		// a poll per process would have synced the new customer once per process.
		expect(polls().length).toBeGreaterThan(pollsBeforeRestart);
	});

	test('the PUBLITRAC Trigger, n8n 6 h ahead of PUBLITRAC\'s stamps: nothing from before activation, each new lead once, none again after main restarts', async () => {
		const publitrac = serverOf<PublitracServer>('PUBLITRAC');
		const spread = serverOf<SpreadServer>('SPREAD');
		publitrac.state.stampZone = PUBLITRAC_STAMP_ZONE;
		const workflowId = String(examples.find((example) => example.name === PUBLITRAC_TRIGGER_EXAMPLE)!.workflow.id);
		// Each lead the trigger emits is looked up by e-mail in SPREAD (Create or Update), once per emission.
		const syncsOf = (email: string) => spread.requests.filter((request) => request.method === 'GET' && request.query.get('email') === email).length;
		const polls = () => publitrac.calls('getLeads').length;
		const newLead = (label: string) => addLead(publitrac.state, { email: `queue-${label}-${Date.now()}@example.com`, firstName: 'Poll', lastName: label }).email;

		const old = newLead('before-activation');
		const pollsBefore = polls();
		await stack.activate(workflowId);
		// The first poll (at activation) reads the dates around now and only notes what is there: wait until it is done.
		let seen = pollsBefore;
		await until('the first poll after activation', async () => {
			const now = polls();
			const settled = now - pollsBefore >= 2 && now === seen;
			seen = now;
			if (!settled) await wait(2500);
			return settled ? true : undefined;
		});
		const added = [newLead('after-activation-1'), newLead('after-activation-2')];
		await until('both new leads synced into SPREAD', () => (added.every((email) => syncsOf(email) > 0) ? true : undefined), (2 * POLL_SECONDS + 30) * 1000);
		const executionsBefore = (await stack.executions(workflowId)).length;

		await stack.restartMain();
		const pollsBeforeRestart = polls();
		const later = newLead('after-restart');
		await until('the lead added after the restart synced', () => (syncsOf(later) > 0 ? true : undefined), (2 * POLL_SECONDS + 30) * 1000);
		await wait(3000);
		expect([...added, later].map(syncsOf)).toEqual([1, 1, 1]);
		expect(syncsOf(old)).toBe(0);
		expect((await stack.executions(workflowId)).length).toBe(executionsBefore + 1);
		expect(polls()).toBeGreaterThan(pollsBeforeRestart);
	});

	test('orders, sponsorships, opportunities and list members: from main only, nothing from before activation, each new record once, none again after main restarts', async () => {
		const spread = serverOf<SpreadServer>('SPREAD');
		const publitrac = serverOf<PublitracServer>('PUBLITRAC');
		const workflowIds = EVENT_EXAMPLES.map(({ name }) => String(examples.find((example) => example.name === name)!.workflow.id));
		const reads = () => [
			spread.requests.filter((request) => request.path.endsWith('/orders') && request.query.has('modifiedAfter')).length,
			spread.requests.filter((request) => request.path.endsWith('/sponsorships') && request.query.has('createdAfter')).length,
			publitrac.calls('getOpportunities').length,
			publitrac.calls('getList').filter((request) => request.query.get('listName') === 'Newsletter').length,
		];
		/** One new record for each event; returns what each trigger should emit. */
		const makeRecords = (label: string) => {
			const email = `queue-list-${label}-${Date.now()}@example.com`;
			addLead(publitrac.state, { email, firstName: 'List', lastName: label });
			publitrac.state.lists.get('Newsletter')!.add(email);
			return [
				String(spread.addOrder({ orderId: `QUEUE-${label}-${Date.now()}`, customerId: '123460' }).orderId),
				String(spread.addSponsorship({ godsonId: '123461' }).id),
				upsertOpportunity(publitrac.state, `QUEUE-${label}`).id,
				email,
			];
		};
		/** Every record each trigger emitted, over all the workflow's executions. */
		const emitted = async () =>
			await Promise.all(
				EVENT_EXAMPLES.map(async ({ trigger, idOf }, index) => {
					const found: string[] = [];
					for (const execution of await stack.executions(workflowIds[index])) {
						if (execution.status === 'running' || execution.status === 'new') continue;
						const runData = await stack.runData(execution.id);
						for (const item of runData[trigger]?.[0]?.data?.main?.[0] ?? []) found.push(idOf(item.json));
					}
					return found.sort();
				}),
			);

		const before = makeRecords('before-activation');
		const readsBefore = reads();
		for (const id of workflowIds) await stack.activate(id);
		// Each trigger's first poll (at activation) is a baseline: wait until all four have read.
		await until('the first polls after activation', () => (reads().every((count, index) => count > readsBefore[index]) ? true : undefined));
		await wait(3000);
		const first = makeRecords('after-activation');
		await until('each new record emitted', async () => ((await emitted()).every((ids, index) => ids.includes(first[index])) ? true : undefined), (2 * POLL_SECONDS + 30) * 1000);

		await stack.restartMain();
		const readsBeforeRestart = reads();
		const later = makeRecords('after-restart');
		await until('each record made after the restart emitted', async () => ((await emitted()).every((ids, index) => ids.includes(later[index])) ? true : undefined), (2 * POLL_SECONDS + 30) * 1000);
		await wait(3000);
		expect(await emitted()).toEqual(first.map((id, index) => [id, later[index]].sort()));
		// Nothing made before activation was emitted: the lists above hold only the records made after.
		expect((await emitted()).flat().filter((id) => before.includes(id))).toEqual([]);
		expect(reads().every((count, index) => count > readsBeforeRestart[index])).toBe(true);
	});
});
