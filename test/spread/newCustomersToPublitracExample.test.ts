/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { SANDBOX_CREDENTIAL as PUBLITRAC_CREDENTIAL, startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import type { Sandbox } from '../servers/sandbox';
import { startSandbox as startSpreadSandbox } from '../servers/spread';

/** `n8n execute` cannot start this example (a polling trigger): here it runs as the editor's test run does. */
describe('examples/spread-new-customers-to-publitrac.json: the latest SPREAD customer synced into PUBLITRAC', () => {
	const sandboxes: Sandbox[] = [];
	let publitrac: PublitracServer;
	afterAll(async () => await Promise.all([...sandboxes, publitrac].map(async (server) => await server?.close())));

	it('a manual run polls SPREAD for the latest customer and creates it as a PUBLITRAC lead', async () => {
		const example = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'spread-new-customers-to-publitrac.json'), 'utf8')) as WorkflowJson;
		const workflow = { ...example, nodes: example.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote') };
		sandboxes.push(await startSpreadSandbox());
		publitrac = await startPublitracServer({ seed: true });
		const credentials = [...sandboxes[0].credentials, { ...PUBLITRAC_CREDENTIAL, data: publitrac.credentials() }];
		for (const node of workflow.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect(credentials.find((credential) => credential.type === type)).toMatchObject(ref);
			}
		}

		const result = await runWorkflow(workflow, {
			credentials: Object.fromEntries(credentials.map((credential) => [credential.type, credential.data as never])),
			startNodeName: 'New SPREAD customer',
			input: [],
		});
		expect(result.error).toBeUndefined();
		const [customer] = result.output('New SPREAD customer').map((item) => item.json);
		expect(customer).toMatchObject({ id: expect.anything(), email: expect.stringContaining('@') });
		expect(result.output('New SPREAD customer')).toHaveLength(1);

		expect(result.output('Sync PUBLITRAC lead').map((item) => item.json)).toEqual([
			{ email: customer.email, status: '2006', message: 'Leads synchronization successfull.' },
		]);
		const lead = publitrac.state.leads.get(String(customer.email).toLowerCase());
		expect(lead).toMatchObject({ crmLeadId: `SPREAD-${String(customer.id)}`, firstName: customer.firstName, lastName: customer.lastName, leadSource: 'SPREAD' });
	});
});
