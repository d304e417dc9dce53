/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkItems } from '../e2e/examples';
import type { Expectation } from '../e2e/examples';
import { REPO_ROOT, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { startSandbox as startPublitracSandbox } from '../servers/publitrac';
import type { Sandbox } from '../servers/sandbox';
import { startSandbox as startSpreadSandbox } from '../servers/spread';
import type { SpreadServer } from '../servers/spread';

/** The example of node version 2: PUBLITRAC leads mapped into SPREAD Create or Update, found by e-mail. */
describe('examples/publitrac-to-spread-mapped.json (version 2 nodes, field mapping)', () => {
	const sandboxes: Sandbox[] = [];
	afterAll(async () => await Promise.all(sandboxes.map(async (sandbox) => await sandbox.close())));

	it('gives what its expect file says, twice: the second run updates the same two customers', async () => {
		const read = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'examples', file), 'utf8')) as unknown;
		const example = read('publitrac-to-spread-mapped.json') as WorkflowJson;
		const workflow = { ...example, nodes: example.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote') };
		const expectation = read('publitrac-to-spread-mapped.expect.json') as Expectation;
		expect(workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-leadbridge.')).map((node) => node.typeVersion)).toEqual([2, 2]);
		sandboxes.push(await startPublitracSandbox(), await startSpreadSandbox());
		const credentials = Object.fromEntries(sandboxes.flatMap((sandbox) => sandbox.credentials).map((credential) => [credential.type, credential.data as never]));
		const spread = sandboxes[1].server as SpreadServer;
		const customersBefore = spread.customers.size;

		for (const run of [1, 2]) {
			const result = await runWorkflow(workflow, { credentials });
			expect(result.error).toBeUndefined();
			const items = (node: string) => result.output(node).map((item) => item.json as Record<string, unknown>);
			expect([run, checkItems(expectation.node, items(expectation.node), expectation)]).toEqual([run, []]);
			for (const [node, more] of Object.entries(expectation.nodes ?? {})) expect(checkItems(node, items(node), more)).toEqual([]);
		}
		expect(spread.customers.size).toBe(customersBefore + 2);
		const bodies = spread.requests.filter((request) => request.method === 'POST' || request.method === 'PUT').map((request) => `${request.method} ${JSON.parse(request.body).customer.email}`);
		expect(bodies).toEqual(['POST helene@exemple.ca', 'POST test@exemple.com', 'PUT helene@exemple.ca', 'PUT test@exemple.com']);
	});
});
