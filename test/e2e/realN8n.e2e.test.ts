/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// The packed package inside the real n8n, on every version of scripts/n8n-versions.sh, the way users run it:
// installed as a community package, credentials and example workflows imported, workflows executed from the CLI
// against the local vendor sandboxes, and `n8n start` answering the webhook examples (web form, Popsell trigger).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Sandbox, SandboxCredential } from '../servers/sandbox';
import { checkItems, credentialIds, loadExamples, notExecutedExamples, withCredential, type Example } from './examples';
import { ensureInstalled, makeTempDir, n8nTargets, packPackage, REPO_ROOT, removeDir, startN8n } from './n8nProcess';
import { N8nWorkspace, outputItems, type WorkflowRun } from './n8nWorkspace';
import { signInAsOwner } from './owner';
import { allCredentials, closeAll, secretFields, startAllSandboxes } from './sandboxes';
import { packageTypes } from './packageTypes';
import { callWebhookExample, webhookExamples } from './webhooks';

const targets = n8nTargets();
const examples = loadExamples();
const notExecuted = notExecutedExamples(examples);
const runnable = examples.filter(
	(example) => example.expect !== undefined && !webhookExamples([example]).length && !notExecuted.includes(example),
);
const pkgName = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name;

/** Each run's node outputs and error go to .tmp/e2e/<version>/<name>.json, to read when an expectation fails. */
function saveRun(version: string, name: string, result: WorkflowRun) {
	const dir = join(REPO_ROOT, '.tmp', 'e2e', version);
	mkdirSync(dir, { recursive: true });
	const outputs = Object.fromEntries(Object.keys(result.runData ?? {}).map((node) => [node, outputItems(result, node)]));
	writeFileSync(join(dir, `${name}.json`), JSON.stringify({ exitCode: result.run.code, error: result.errorMessage, outputs }, null, 2));
}

const sandboxes: Sandbox[] = [];
let tarball = '';
let credentials: SandboxCredential[] = [];

/** For each vendor that we call (not Popsell, which calls us), a copy of its credential with wrong secrets. */
function wrongCredentials(): Array<{ wrong: SandboxCredential; of: SandboxCredential; example: Example }> {
	return sandboxes
		.filter((sandbox) => sandbox.url !== '')
		.flatMap((sandbox) => sandbox.credentials)
		.flatMap((credential) => {
			const example = runnable.find((candidate) => credentialIds(candidate.workflow).includes(credential.id));
			const fields = secretFields(credential);
			if (!example || fields.length === 0) return [];
			const data = { ...credential.data };
			for (const field of fields) data[field] = `wrong-${field}-7Qx9`;
			const wrong = { ...credential, id: `${credential.id}-wrong`.slice(0, 36), name: `${credential.name} (wrong)`, data };
			return [{ wrong, of: credential, example }];
		});
}

beforeAll(() => {
	ensureInstalled(targets.map((target) => target.version));
	tarball = packPackage();
});

afterAll(() => {
	if (tarball) removeDir(join(tarball, '..'));
});

describe.each(targets.map((target) => [target.version, target] as const))('n8n %s', (_version, target) => {
	let workspace: N8nWorkspace;
	let wrong: ReturnType<typeof wrongCredentials> = [];
	let runs = new Map<string, WorkflowRun>();
	const runOf = (id: string): WorkflowRun => {
		const result = runs.get(id);
		if (!result) throw new Error(`n8n did not run workflow ${id}`);
		return result;
	};

	beforeAll(async () => {
		// Fresh sandboxes for each version: the examples create records, which a second run would find already there.
		await startAllSandboxes(sandboxes);
		credentials = allCredentials(sandboxes);
		workspace = new N8nWorkspace(target, makeTempDir(`leadbridge-e2e-${target.version}-`));
		workspace.installPackage(tarball);
		wrong = wrongCredentials();
		await workspace.importCredentials([...credentials, ...wrong.map((entry) => entry.wrong)]);
		await workspace.importWorkflows([
			...examples.map((example) => example.workflow),
			...wrong.map((entry) => withCredential(entry.example.workflow, entry.of.id, entry.wrong, `${entry.wrong.id}-run`.slice(0, 36))),
		]);
		// Every workflow but the webhook ones (run under `n8n start` below) and those marked notExecuted, in one n8n process.
		runs = await workspace.executeAll([...webhookExamples(examples), ...notExecuted].map((example) => example.workflow.id as string));
	});

	afterAll(async () => {
		await closeAll(sandboxes.splice(0));
		if (workspace && !process.env.LEADBRIDGE_KEEP_E2E) removeDir(workspace.userFolder);
	});

	test('every example workflow and sandbox credential imports, and every example has an expect file', () => {
		expect(examples.length).toBeGreaterThan(0);
		expect(credentials.length).toBeGreaterThan(0);
		expect(examples.filter((example) => example.expect === undefined).map((example) => `examples/${example.name}.expect.json`)).toEqual([]);
	});

	test.each(runnable.map((example) => [example.name, example] as const))('example %s runs and gives the expected output', async (_name, example) => {
		const result = runOf(example.workflow.id as string);
		saveRun(target.version, example.name, result);
		const expectation = example.expect!;
		const problems = [
			...checkItems(expectation.node, outputItems(result, expectation.node), expectation),
			...Object.entries(expectation.nodes ?? {}).flatMap(([node, more]) => checkItems(node, outputItems(result, node), more)),
		];
		// Judged by the printed result, not the exit code: n8n has been seen to crash at exit after printing it.
		const succeeded = result.runData !== undefined && result.errorMessage === undefined;
		if (!succeeded || problems.length > 0) {
			throw new Error(
				`${example.name} on n8n ${target.version}: exit ${result.run.code}, error ${result.errorMessage ?? 'none'}\n` +
					`${problems.join('\n')}\n${result.run.stdout.slice(-2000)}\n${result.run.stderr.slice(-2000)}`,
			);
		}
		expect(problems).toEqual([]);
	});

	if (notExecuted.length > 0) {
		test.each(notExecuted.map((example) => [example.name, example.expect?.notExecuted ?? ''] as const))(
			'example %s is imported but not executed: %s',
			(name, reason) => {
				expect(reason.trim()).not.toBe('');
				expect(runs.has(examples.find((example) => example.name === name)?.workflow.id as string)).toBe(false);
			},
		);
	}

	test('a wrong credential fails with a clear error that shows no secret', async () => {
		expect(wrong.length).toBeGreaterThan(0);
		for (const entry of wrong) {
			const result = runOf(`${entry.wrong.id}-run`.slice(0, 36));
			saveRun(target.version, `${entry.wrong.id}`, result);
			expect(result.errorMessage).toBeDefined();
			expect(result.errorMessage ?? '').toMatch(/auth|credential|key|token|password|denied|unauthori[sz]ed|forbidden|invalid|401|403/i);
			for (const field of secretFields(entry.of)) {
				expect(result.allOutput).not.toContain(String(entry.wrong.data[field]));
				expect(result.allOutput).not.toContain(String(entry.of.data[field]));
			}
		}
	});

	test('n8n start loads every node and credential of the package and answers the webhook examples', async () => {
		const triggered = webhookExamples(examples);
		for (const example of triggered) await workspace.activate(example.workflow.id as string);
		const n8n = await startN8n(target, workspace.userFolder);
		try {
			const { nodes, credentials: credentialTypes } = packageTypes();
			const { cookie } = await signInAsOwner(n8n.url);
			const types = async (file: string) =>
				(await (await fetch(`${n8n.url}/types/${file}`, { headers: { cookie } })).json()) as Array<{ name: string }>;
			const served = new Set((await types('nodes.json')).map((node) => node.name));
			const servedCredentials = new Set((await types('credentials.json')).map((credential) => credential.name));
			expect(nodes.map((name) => `${pkgName}.${name}`).filter((name) => !served.has(name))).toEqual([]);
			expect(credentialTypes.filter((name) => !servedCredentials.has(name))).toEqual([]);
			expect(n8n.output()).not.toMatch(/Unrecognized node type|Error loading package|Failed to load/i);

			expect(triggered.length).toBeGreaterThan(0);
			const problems: string[] = [];
			for (const example of triggered) problems.push(...(await callWebhookExample(n8n.url, example, credentials)));
			expect(problems).toEqual([]);
		} finally {
			await n8n.stop();
		}
	});
});
