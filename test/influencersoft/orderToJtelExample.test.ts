/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { sleep } from 'n8n-workflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { serveWorkflowWebhooks } from '../engine/webhookHarness';
import type { WebhookServer } from '../engine/webhookHarness';
import { startSandbox as startJtelSandbox } from '../servers/jtel';
import type { Sandbox } from '../servers/sandbox';

const readExample = (file: string): unknown => JSON.parse(readFileSync(join(REPO_ROOT, 'examples', file), 'utf8'));

/** The example without its sticky note, which the in-process engine has no type for. */
function exampleWorkflow(): WorkflowJson {
	const workflow = readExample('influencersoft-order-to-jtel.json') as WorkflowJson;
	return { ...workflow, nodes: workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote') };
}

describe('examples/influencersoft-order-to-jtel.json: an InfluencerSoft order callback imports the buyer into jtel', () => {
	let jtel: Sandbox;
	let server: WebhookServer;
	afterEach(async () => {
		await server?.close();
		await jtel?.close();
	});

	it('posts the expect file’s callback as InfluencerSoft does; the buyer lands in the "My Campaign" dialler campaign', async () => {
		const workflow = exampleWorkflow();
		const { webhook } = readExample('influencersoft-order-to-jtel.expect.json') as { webhook: { form: Record<string, string>; status: number; body: Record<string, unknown> } };
		jtel = await startJtelSandbox();
		const [credential] = jtel.credentials;
		expect(workflow.nodes.find((node) => node.name === 'Call the buyer back')?.credentials).toEqual({ jtelApi: { id: credential.id, name: credential.name } });
		server = await serveWorkflowWebhooks(workflow, { credentials: { [credential.type]: credential.data as never } });

		const response = await fetch(server.webhookUrl('InfluencerSoft order'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(webhook.form).toString(),
		});
		// Answered at once, before the workflow runs, with n8n's own acknowledgement.
		expect(response.status).toBe(webhook.status);
		expect(await response.json()).toEqual(webhook.body);

		for (let wait = 0; wait < 100 && !server.calls[0]?.run; wait++) await sleep(50);
		const run = server.calls[0]?.run;
		expect(run?.error).toBeUndefined();
		expect(run?.output('InfluencerSoft order').map((item) => item.json)).toMatchObject([
			{ event: 'created', id: 1042, first_name: 'Zoë', last_name: "O'Brien", price: 248.5, items: [{ title: 'Pro course' }, { title: 'Printed book' }] },
		]);
		expect(run?.output('Call the buyer back').map((item) => item.json)).toMatchObject([
			{
				DiallerCampaignsID: 538,
				Name: "O'Brien",
				FirstName: 'Zoë',
				PhoneNumber1: '+33 6 12 34 56 78',
				Email: 'zoe.obrien@example.com',
				UserData: 'influencersoft-order-1042',
				Comment: 'Order 1042 (created): Pro course, Printed book, 248.5',
				Tag: 'influencersoft',
			},
		]);
	});

	it('an event the trigger does not listen to (cancel_order) is acknowledged and imports no one', async () => {
		const workflow = exampleWorkflow();
		const { webhook } = readExample('influencersoft-order-to-jtel.expect.json') as { webhook: { form: Record<string, string> } };
		jtel = await startJtelSandbox();
		const [credential] = jtel.credentials;
		server = await serveWorkflowWebhooks(workflow, { credentials: { [credential.type]: credential.data as never } });
		const response = await fetch(server.webhookUrl('InfluencerSoft order'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...webhook.form, status: 'cancel_order' }).toString(),
		});
		expect(await response.json()).toEqual({ message: 'Event ignored' });
		expect(server.calls[0]?.run).toBeUndefined();
	});
});
