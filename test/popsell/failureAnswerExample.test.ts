/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { INodeType } from 'n8n-workflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { mismatches } from '../e2e/examples';
import type { WebhookExpectation } from '../e2e/webhooks';
import { loadPackage, nodeType, REPO_ROOT } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { serveWorkflowWebhooks } from '../engine/webhookHarness';
import { callAsPopsell, startSandbox as startPopsellSandbox } from '../servers/popsell';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';

const readJson = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'examples', file), 'utf8')) as unknown;

/** The example as the engine runs it: sticky notes are editor-only (n8n-nodes-base is not loaded here). */
function readExample(): WorkflowJson {
	const workflow = readJson('popsell-failure-answer.json') as WorkflowJson;
	return { ...workflow, nodes: workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote') };
}

describe('examples/popsell-failure-answer.json: a failing step still gets Popsell an answer in its own shape', () => {
	let publitrac: PublitracServer;
	let credentials: Record<string, never>;

	beforeAll(async () => {
		publitrac = await startPublitracServer();
		const popsell = await startPopsellSandbox();
		credentials = { popsellApi: popsell.credentials[0].data as never, publitracApi: publitrac.credentials() as never };
	});
	afterAll(async () => await publitrac.close());

	const call = async (workflow: WorkflowJson) => {
		const server = await serveWorkflowWebhooks(workflow, { credentials });
		try {
			return await callAsPopsell({ webhookUrl: server.webhookUrl('Popsell asks for contacts'), customerId: '13' });
		} finally {
			await server.close();
		}
	};

	it('the failing PUBLITRAC node continues on error, and the Popsell node answers WORKFLOW_FAILED as the expect file says', async () => {
		const example = readExample();
		const reply = await call(example);
		expect(publitrac.calls('getList').map((request) => request.query.get('listName'))).toEqual(['Contacts of rep 13']);
		expect(reply.status).toBe(500);
		expect(reply.contentType).toBe('application/json; charset=utf-8');
		expect(reply.json).toEqual({
			IsSuccessfull: false,
			ErrorCode: 'WORKFLOW_FAILED',
			ErrorMessage: 'The contact list could not be built: an earlier step failed.',
			Contacts: [],
		});
		const expected = (readJson('popsell-failure-answer.expect.json') as { webhook: WebhookExpectation }).webhook;
		expect(expected.status).toBe(reply.status);
		expect(mismatches(reply.json, expected.body)).toEqual([]);
	});

	it('without On Error → Continue on that node, n8n answers with its own 500 body, not Popsell\'s shape', async () => {
		const example = readExample();
		const stopping = { ...example, nodes: example.nodes.map((node) => ({ ...node, onError: 'stopWorkflow' as const })) };
		const reply = await call(stopping);
		expect(reply.status).toBe(500);
		expect(reply.json).toEqual({ message: 'Error in workflow' });
	});

	it('the Popsell Trigger says so in a callout at the top, naming the setting, the error code and the example', async () => {
		const pkg = await loadPackage();
		const trigger = pkg.nodeTypes.getByNameAndVersion(nodeType('popsellTrigger'), 1) as INodeType;
		const callouts = trigger.description.properties.filter((property) => property.type === 'callout').map((property) => property.displayName);
		expect(callouts).toEqual(
			expect.arrayContaining([expect.stringMatching(/n8n answers Popsell itself.*On Error → Continue.*WORKFLOW_FAILED.*popsell-failure-answer\.json/)]),
		);
	});
});
