import type { INode } from 'n8n-workflow';

import { nodeType } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { serveWorkflowWebhooks } from '../engine/webhookHarness';
import type { WebhookServer } from '../engine/webhookHarness';
import { callAsPopsell, POPSELL_SANDBOX_CREDENTIAL, POPSELL_SANDBOX_SECRET, popsellToken } from '../servers/popsell';

const TRIGGER = 'Popsell Trigger';
const ANSWER = 'Popsell';
const credentials = { popsellApi: POPSELL_SANDBOX_CREDENTIAL.data };
const credentialRef = { popsellApi: { id: POPSELL_SANDBOX_CREDENTIAL.id, name: POPSELL_SANDBOX_CREDENTIAL.name } };

function triggerNode(parameters: Record<string, unknown> = {}): INode {
	return {
		id: 'trigger',
		name: TRIGGER,
		type: nodeType('popsellTrigger'),
		typeVersion: 1,
		position: [0, 0],
		webhookId: '5d1c2a3b-0000-4000-8000-000000000001',
		parameters: { path: 'popsell-contacts', responseMode: 'responseNode', ...parameters },
		credentials: credentialRef,
	} as INode;
}

/** The answer node maps each incoming item; here the trigger's one item becomes one contact. */
function answerNode(parameters: Record<string, unknown> = {}): INode {
	return {
		id: 'answer',
		name: ANSWER,
		type: nodeType('popsell'),
		typeVersion: 1,
		position: [300, 0],
		parameters: {
			resource: 'contact',
			operation: 'buildImportResponse',
			contactId: '={{ "C-" + $json.customerId }}',
			contactFields: { firstName: '={{ $json.customerId }}', lastModificationDate: '2024-03-01 08:00:00' },
			options: {},
			...parameters,
		},
	} as INode;
}

/** A step that fails the way a CRM call can: Compute Token with a customer ID mapped from a field that is not there. */
function crmStep(extra: Partial<INode> = {}): INode {
	return {
		id: 'crm',
		name: 'CRM',
		type: nodeType('popsell'),
		typeVersion: 1,
		position: [150, 0],
		parameters: { resource: 'utility', operation: 'computeToken', customerId: '={{ $json.crmAccount }}' },
		credentials: credentialRef,
		...extra,
	} as INode;
}

function workflow(nodes: INode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes, connections, settings: { executionOrder: 'v1' } };
}

describe('Popsell Trigger answering Popsell over real HTTP', () => {
	let server: WebhookServer;
	const start = async (json: WorkflowJson) => {
		server = await serveWorkflowWebhooks(json, { credentials });
		return server.webhookUrl(TRIGGER);
	};
	afterEach(async () => await server?.close());

	it('answers a good GET with the contact list, as application/json; charset=utf-8', async () => {
		const webhookUrl = await start(workflow([triggerNode(), answerNode()]));
		const reply = await callAsPopsell({ webhookUrl, customerId: 'REP42' });
		expect(reply.status).toBe(200);
		expect(reply.contentType).toBe('application/json; charset=utf-8');
		expect(reply.json).toEqual({
			IsSuccessfull: true,
			ErrorCode: null,
			ErrorMessage: null,
			Contacts: [{ Id: 'C-REP42', FirstName: 'REP42', LastModificationDate: '2024-03-01 08:00:00' }],
		});
		const triggerItem = server.calls[0].run!.output(TRIGGER)[0].json;
		expect(triggerItem).toEqual({
			customerId: 'REP42',
			lastUpdate: null,
			lastUpdateText: null,
			method: 'GET',
			query: { id: 'REP42', token: '[redacted]' },
		});
	});

	it('accepts a POST with form fields and an upper-case hex token', async () => {
		const webhookUrl = await start(workflow([triggerNode(), answerNode()]));
		const token = popsellToken(POPSELL_SANDBOX_SECRET, 'REP7').toUpperCase();
		const reply = await callAsPopsell({ webhookUrl, customerId: 'REP7', token, method: 'POST' });
		expect(reply.status).toBe(200);
		expect((reply.json?.Contacts as unknown[])[0]).toMatchObject({ Id: 'C-REP7' });
		expect(server.calls[0].run!.output(TRIGGER)[0].json.method).toBe('POST');
	});

	it('takes the customer ID from a path segment', async () => {
		const webhookUrl = await start(workflow([triggerNode({ path: 'api/:customerId/contacts' }), answerNode()]));
		expect(webhookUrl).toContain('/webhook/5d1c2a3b-0000-4000-8000-000000000001/api/:customerId/contacts');
		const reply = await callAsPopsell({ webhookUrl, customerId: 'ÉQUIPE 9/b' });
		expect(reply.status).toBe(200);
		expect(reply.json?.Contacts).toEqual([{ Id: 'C-ÉQUIPE 9/b', FirstName: 'ÉQUIPE 9/b', LastModificationDate: '2024-03-01 08:00:00' }]);
	});

	it('hashes special characters in the customer ID as UTF-8 and passes them on untouched', async () => {
		const webhookUrl = await start(workflow([triggerNode(), answerNode()]));
		const customerId = 'Zoë & Co+1 "quoted" <b>';
		const reply = await callAsPopsell({ webhookUrl, customerId });
		expect(reply.status).toBe(200);
		expect(server.calls[0].run!.output(TRIGGER)[0].json.customerId).toBe(customerId);
		expect(reply.json?.Contacts).toEqual([{ Id: `C-${customerId}`, FirstName: customerId, LastModificationDate: '2024-03-01 08:00:00' }]);
	});

	it.each([
		['a wrong token', { token: popsellToken('another-key', 'REP42') }],
		['no token', { token: null }],
		['an empty token', { token: '' }],
		['the token of another customer', { token: popsellToken(POPSELL_SANDBOX_SECRET, 'REP43') }],
		['the token in the other order', { token: popsellToken(POPSELL_SANDBOX_SECRET, 'REP42', 'customerIdThenKey') }],
		['the static key itself as token', { token: POPSELL_SANDBOX_SECRET }],
	])('answers 401 with the Popsell error body and does not start the workflow for %s', async (_case, call) => {
		const webhookUrl = await start(workflow([triggerNode(), answerNode()]));
		const reply = await callAsPopsell({ webhookUrl, customerId: 'REP42', ...call });
		expect(reply.status).toBe(401);
		expect(reply.contentType).toBe('application/json; charset=utf-8');
		expect(reply.json).toEqual({
			IsSuccessfull: false,
			ErrorCode: 'INVALID_TOKEN',
			ErrorMessage: 'The token is missing or does not match this customer ID.',
			Contacts: [],
		});
		expect(server.calls[0].run).toBeUndefined();
		// Neither the key nor the expected token leaks into the answer.
		expect(reply.text).not.toContain(POPSELL_SANDBOX_SECRET);
		expect(reply.text).not.toContain(popsellToken(POPSELL_SANDBOX_SECRET, 'REP42'));
	});

	it('answers 400 when the customer ID is missing, without starting the workflow', async () => {
		const webhookUrl = await start(workflow([triggerNode(), answerNode()]));
		const reply = await callAsPopsell({ webhookUrl, token: popsellToken(POPSELL_SANDBOX_SECRET, '') });
		expect(reply.status).toBe(400);
		expect(reply.json).toMatchObject({ IsSuccessfull: false, ErrorCode: 'MISSING_CUSTOMER_ID', Contacts: [] });
		expect(server.calls[0].run).toBeUndefined();
	});

	it('reads the date with Popsell\'s stray quotes, and refuses an unparseable one with 400', async () => {
		const webhookUrl = await start(workflow([triggerNode(), answerNode()]));
		const quoted = await callAsPopsell({ webhookUrl, customerId: 'REP42', date: '”2015-12-05 10:12:54' });
		expect(quoted.status).toBe(200);
		expect(server.calls[0].run!.output(TRIGGER)[0].json).toMatchObject({
			lastUpdate: '2015-12-05T10:12:54',
			lastUpdateText: '”2015-12-05 10:12:54',
		});

		for (const date of ['05/12/2015', '2015-02-30 10:00:00', '2015-12-05 25:00:00', 'yesterday']) {
			const bad = await callAsPopsell({ webhookUrl, customerId: 'REP42', date });
			expect(bad.status).toBe(400);
			expect(bad.json).toEqual({ IsSuccessfull: false, ErrorCode: 'INVALID_DATE', ErrorMessage: 'The date must be "YYYY-MM-DD HH:MM:SS".', Contacts: [] });
		}
		expect(server.calls.slice(1).every((call) => call.run === undefined)).toBe(true);
	});

	it('filters by the date Popsell sent (contacts modified since)', async () => {
		const webhookUrl = await start(workflow([triggerNode(), answerNode()]));
		const newer = await callAsPopsell({ webhookUrl, customerId: 'REP42', date: '2024-03-01 08:00:00' });
		expect(newer.json?.Contacts).toHaveLength(1);
		// Issue 27: Popsell's date names no zone, so only a contact older in any two zones (26 h) is left out; this
		// asserted a second later before, which left out a contact written in a zone behind Popsell's.
		const hoursLater = await callAsPopsell({ webhookUrl, customerId: 'REP42', date: '2024-03-01 20:00:00' });
		expect(hoursLater.json?.Contacts).toHaveLength(1);
		const later = await callAsPopsell({ webhookUrl, customerId: 'REP42', date: '2024-03-02 10:00:01' });
		expect(later.json).toMatchObject({ IsSuccessfull: true, Contacts: [] });
	});

	it('checks the other token order when the credential asks for it', async () => {
		const json = workflow([triggerNode(), answerNode()]);
		server = await serveWorkflowWebhooks(json, { credentials: { popsellApi: { ...credentials.popsellApi, hashOrder: 'customerIdThenKey' } } });
		const webhookUrl = server.webhookUrl(TRIGGER);
		const good = await callAsPopsell({ webhookUrl, customerId: 'REP42', hashOrder: 'customerIdThenKey' });
		expect(good.status).toBe(200);
		const keyFirst = await callAsPopsell({ webhookUrl, customerId: 'REP42', hashOrder: 'keyThenCustomerId' });
		expect(keyFirst.status).toBe(401);
	});

	it('answers IsSuccessfull:false with 500 when a contact cannot be mapped, and the execution fails for the user', async () => {
		const webhookUrl = await start(workflow([triggerNode(), answerNode({ contactFields: { gender: 'X' } })]));
		const reply = await callAsPopsell({ webhookUrl, customerId: 'REP42' });
		expect(reply.status).toBe(500);
		expect(reply.json).toEqual({
			IsSuccessfull: false,
			ErrorCode: 'CONTACT_MAPPING_FAILED',
			ErrorMessage: 'The contact list could not be built: contact 1 cannot be mapped (Gender).',
			Contacts: [],
		});
		const run = server.calls[0].run!;
		expect(run.task(ANSWER)?.error?.message).toBe('Gender: "X" is not M or F (item 0)');
		expect(run.run.status).toBe('error');
	});

	it('answers 500 (n8n\'s own "Error in workflow") when a step before the answer stops the workflow', async () => {
		const failingStep = crmStep();
		const webhookUrl = await start(workflow([triggerNode(), failingStep, answerNode()]));
		const reply = await callAsPopsell({ webhookUrl, customerId: 'REP42' });
		expect(reply.status).toBe(500);
		expect(reply.json).toEqual({ message: 'Error in workflow' });
		expect(reply.text).not.toContain('Contacts');
		expect(server.calls[0].run!.task('CRM')?.error?.message).toBe('Customer ID: empty (item 0)');
	});

	it('answers with the Popsell error shape when the failing step continues on error', async () => {
		const failingStep = crmStep({ onError: 'continueRegularOutput' });
		const webhookUrl = await start(workflow([triggerNode(), failingStep, answerNode()]));
		const reply = await callAsPopsell({ webhookUrl, customerId: 'REP42' });
		expect(reply.status).toBe(500);
		expect(reply.json).toEqual({
			IsSuccessfull: false,
			ErrorCode: 'WORKFLOW_FAILED',
			ErrorMessage: 'The contact list could not be built: an earlier step failed.',
			Contacts: [],
		});
	});

	it('in "last node" mode answers with the last node\'s item', async () => {
		const webhookUrl = await start(workflow([triggerNode({ responseMode: 'lastNode' }), answerNode({ respond: false })]));
		const reply = await callAsPopsell({ webhookUrl, customerId: 'REP42' });
		expect(reply.status).toBe(200);
		expect(reply.contentType).toBe('application/json; charset=utf-8');
		expect(reply.json).toMatchObject({ IsSuccessfull: true, Contacts: [{ Id: 'C-REP42' }] });
		expect(server.calls[0].sentResponses).toEqual([]);
	});

	it('answers Build Error Response with its own status', async () => {
		const webhookUrl = await start(
			workflow([
				triggerNode(),
				answerNode({ operation: 'buildErrorResponse', errorCode: 'CRM_DOWN', errorMessage: 'CRM unavailable, try later', statusCode: 503 }),
			]),
		);
		const reply = await callAsPopsell({ webhookUrl, customerId: 'REP42' });
		expect(reply.status).toBe(503);
		expect(reply.json).toEqual({ IsSuccessfull: false, ErrorCode: 'CRM_DOWN', ErrorMessage: 'CRM unavailable, try later', Contacts: [] });
	});

	it('refuses every call when the credential has no key', async () => {
		const json = workflow([triggerNode(), answerNode()]);
		server = await serveWorkflowWebhooks(json, { credentials: { popsellApi: { staticSecret: '', hashOrder: 'keyThenCustomerId' } } });
		const reply = await callAsPopsell({ webhookUrl: server.webhookUrl(TRIGGER), customerId: 'REP42', token: popsellToken('', 'REP42') });
		expect(reply.status).toBe(401);
		expect(server.calls[0].run).toBeUndefined();
	});
});
