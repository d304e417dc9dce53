/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { startSandbox as startPublitracSandbox } from '../servers/publitrac';
import type { Sandbox } from '../servers/sandbox';
import { SPREAD_API_PATH, startSpreadServer } from '../servers/spread';
import type { SpreadServer } from '../servers/spread';

/** `n8n execute` cannot start this example (a polling trigger): here it runs as the editor's test run does. */
describe('examples/publitrac-new-leads-to-spread.json: PUBLITRAC leads created or updated as SPREAD customers', () => {
	let publitrac: Sandbox;
	let spread: SpreadServer;
	beforeAll(async () => {
		publitrac = await startPublitracSandbox();
		spread = await startSpreadServer({ customers: 3, publicKey: 'sandbox-public-key', privateKey: 'sandbox-private-key' });
	});
	afterAll(async () => await Promise.all([publitrac.close(), spread.close()]));

	const run = async () => {
		const example = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'publitrac-new-leads-to-spread.json'), 'utf8')) as WorkflowJson;
		const workflow = { ...example, nodes: example.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote') };
		const spreadCredential = { id: 'spread-sandbox', name: 'SPREAD sandbox', type: 'spreadApi', data: { publicKey: spread.publicKey, privateKey: spread.privateKey, baseUrl: `${spread.url}${SPREAD_API_PATH}` } };
		const credentials = [...publitrac.credentials, spreadCredential];
		for (const node of workflow.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect(credentials.find((credential) => credential.type === type)).toMatchObject(ref);
			}
		}
		return await runWorkflow(workflow, {
			credentials: Object.fromEntries(credentials.map((credential) => [credential.type, credential.data as never])),
			startNodeName: 'New PUBLITRAC lead',
			input: [],
		});
	};

	it('a manual run takes sample leads from PUBLITRAC and creates them in SPREAD; a second run updates them, no duplicate', async () => {
		const first = await run();
		expect(first.error).toBeUndefined();
		const leads = first.output('New PUBLITRAC lead').map((item) => item.json);
		expect(leads).toHaveLength(5);
		const customers = first.output('Create or update SPREAD customer');
		expect(customers.map((item) => item.json.email)).toEqual(leads.map((lead) => lead.email));
		expect(customers.map((item) => item.pairedItem)).toEqual(leads.map((_, index) => ({ item: index })));
		expect(customers[0].json).toMatchObject({ externalId: `PUBLITRAC-${String(leads[0].id)}`, tags: ['publitrac'] });
		// Different customers are written side by side; each one's calls keep their order.
		const callsPerEmail = () => {
			const calls: Record<string, string[]> = {};
			for (const request of spread.requests) {
				const email = String(request.query.get('email') ?? (JSON.parse(request.body) as { customer: { email: string } }).customer.email).toLowerCase();
				(calls[email] ??= []).push(request.method);
			}
			return calls;
		};
		expect(callsPerEmail()).toEqual(Object.fromEntries(leads.map((lead) => [String(lead.email).toLowerCase(), ['GET', 'POST']])));
		const countAfterFirst = spread.customers.size;

		spread.reset();
		const second = await run();
		expect(second.error).toBeUndefined();
		expect(callsPerEmail()).toEqual(Object.fromEntries(leads.map((lead) => [String(lead.email).toLowerCase(), ['GET', 'PUT']])));
		expect(spread.customers.size).toBe(countAfterFirst);
	});
});
