/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import type { PublitracServer } from '../servers/publitrac';
import { startSandbox as startPublitracSandbox } from '../servers/publitrac';
import type { Sandbox } from '../servers/sandbox';
import type { SpreadServer } from '../servers/spread';
import { startSandbox as startSpreadSandbox } from '../servers/spread';

/**
 * The examples of the order, sponsorship, opportunity and list events. `n8n execute` cannot start them (a polling
 * trigger; the queue-mode e2e runs them active): here each runs as the editor's test run does, against the sandboxes.
 */
describe('examples of the new trigger events, run as the editor\'s test run', () => {
	let sandboxes: Sandbox[] = [];
	const spread = () => sandboxes.find((sandbox) => sandbox.vendor === 'SPREAD')!.server as SpreadServer;
	const publitrac = () => sandboxes.find((sandbox) => sandbox.vendor === 'PUBLITRAC')!.server as PublitracServer;
	beforeEach(async () => {
		sandboxes = [await startSpreadSandbox(), await startPublitracSandbox()];
	});
	afterEach(async () => await Promise.all(sandboxes.map(async (sandbox) => await sandbox.close())));

	const run = async (name: string) => {
		const example = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', `${name}.json`), 'utf8')) as WorkflowJson;
		const workflow = { ...example, nodes: example.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote') };
		const credentials = sandboxes.flatMap((sandbox) => sandbox.credentials);
		for (const node of workflow.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) expect(credentials.find((credential) => credential.type === type)).toMatchObject(ref);
		}
		const trigger = workflow.nodes.find((node) => node.type.endsWith('Trigger'))!;
		const result = await runWorkflow(workflow, {
			credentials: Object.fromEntries(credentials.map((credential) => [credential.type, credential.data as never])),
			startNodeName: trigger.name,
			input: [],
		});
		expect(result.error).toBeUndefined();
		return { result, json: (node: string) => result.output(node).map((item) => item.json) };
	};

	it('spread-orders-to-publitrac: the latest order\'s buyer becomes a PUBLITRAC customer', async () => {
		const { json } = await run('spread-orders-to-publitrac');
		const [order] = json('New or updated SPREAD order');
		expect(order).toMatchObject({ orderId: 'CMD-1029', amount: 49, status: 10 });
		const [buyer] = json('Get the buyer');
		expect(buyer.id).toBe(order.customerId);
		expect(json('Mark the PUBLITRAC lead as a customer')).toEqual([{ email: buyer.email, status: '2006', message: expect.any(String) }]);
		expect(publitrac().state.leads.get(String(buyer.email))).toMatchObject({ isCustomer: '1', leadSource: 'SPREAD order' });
	});

	it('spread-sponsorships-to-publitrac: the latest sponsorship\'s friend becomes a PUBLITRAC lead', async () => {
		const latest = spread().addSponsorship({ godsonId: '123470' });
		const { json } = await run('spread-sponsorships-to-publitrac');
		expect(json('New SPREAD sponsorship')).toEqual([expect.objectContaining({ id: latest.id, sponsorshipValidated: false })]);
		const [friend] = json('Get the sponsored friend');
		expect(friend.id).toBe('123470');
		expect(publitrac().state.leads.get(String(friend.email))).toMatchObject({ leadSource: 'SPREAD sponsorship', crmLeadId: 'SPREAD-123470' });
	});

	it('publitrac-opportunities: the latest opportunity, typed', async () => {
		const { json } = await run('publitrac-opportunities');
		expect(json('New or updated PUBLITRAC opportunity')).toEqual([expect.objectContaining({ id: '1', Amount: 9000, Probability: 100 })]);
		expect(json('Your CRM step')).toHaveLength(1);
	});

	it('publitrac-list-to-spread: the list\'s leads tagged in SPREAD', async () => {
		const { json } = await run('publitrac-list-to-spread');
		const emails = json('Lead added to Newsletter').map((lead) => lead.email);
		expect(emails.sort()).toEqual(['claude@sage.com', 'helene@exemple.ca', 'johnsmith@publipage.com']);
		expect(json('Tag the SPREAD customer')).toHaveLength(3);
		for (const email of emails) {
			const customer = [...spread().customers.values()].find((candidate) => candidate.email === email);
			expect(customer?.tags).toEqual(['newsletter']);
		}
	});
});
