import { ExecuteContext, RoutingNode } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode, INodeType, IRunExecutionData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from '../engine/credentialsHelper';
import { loadPackage } from '../engine/runner';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';

/** Runs the credential's `test` request the way n8n's credentials tester does: a RoutingNode holding only that request. */
async function testCredential(data: ICredentialDataDecryptedObject): Promise<{ ok: boolean; message: string }> {
	const pkg = await loadPackage();
	const credentialType = pkg.credentialTypes.get('publitracApi')!;
	const testRequest = credentialType.test!;
	const nodeType = {
		description: {
			displayName: 'Temp', name: 'temp', group: ['transform'], version: 1, description: '', defaults: {}, inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'publitracApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	} as unknown as INodeType;
	const node: INode = { id: 'temp', name: 'Temp-Node', type: 'temp', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { publitracApi: { id: 'c', name: 'c' } } };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
	});
	const additionalData = { credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, { publitracApi: data }) } as unknown as IWorkflowExecuteAdditionalData;
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', { resultData: { runData: {} } } as IRunExecutionData, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	try {
		await new RoutingNode(context, nodeType, { id: 'c', name: 'c', type: 'publitracApi', data }).runNode();
		return { ok: true, message: 'Connection successful!' };
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number } }; httpCode?: string }).cause?.response?.status ?? Number((error as { httpCode?: string }).httpCode);
		const rule = testRequest.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
		return { ok: false, message: rule ? String(rule.properties.message) : String((error as Error).message) };
	}
}

describe('PUBLITRAC credential test request', () => {
	let server: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer();
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('calls getCampaigns page 1 on the custom URL with the account in the query string', async () => {
		expect(await testCredential(server.credentials())).toEqual({ ok: true, message: 'Connection successful!' });
		const [request] = server.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/api');
		expect(Object.fromEntries(request.query)).toEqual({
			method: 'getCampaigns', page: '1', apikey: server.account.apiKey, apiKey: server.account.apiKey, username: server.account.username, password: server.account.password,
		});
	});

	it('fails on a refused login', async () => {
		expect(await testCredential(server.credentials({ password: 'wrong-password' }))).toEqual({ ok: false, message: 'PUBLITRAC refused the API key, username or password' });
	});
});
