import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeCredentialTestResult, INodeType, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { loadPackage, nodeType } from '../engine/runner';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';

/** Runs the Test button the way n8n's CredentialsTester does for a node-level test: the node's `testedBy` method in a CredentialTestContext. */
async function testCredential(data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const pkg = await loadPackage();
	expect(pkg.credentialTypes.get('publitracApi')?.test).toBeUndefined();
	const node = pkg.nodeTypes.getByNameAndVersion(nodeType('publitrac')) as INodeType;
	const testedBy = node.description.credentials?.find((credential) => credential.name === 'publitracApi')?.testedBy as string;
	const test = node.methods?.credentialTest?.[testedBy];
	if (!test) throw new Error(`the PUBLITRAC node has no credential test "${testedBy}"`);
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
	return await test.call(context, { id: 'c', name: 'c', type: 'publitracApi', data });
}

describe('PUBLITRAC credential test (the Test button)', () => {
	let server: PublitracServer;
	let server200: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer();
		// A server that refuses the login in the XML only, under HTTP 200: the document names no HTTP code.
		server200 = await startPublitracServer({ refusedLoginHttpStatus: 200 });
	});
	afterAll(async () => {
		await server.close();
		await server200.close();
	});
	beforeEach(() => {
		server.reset();
		server200.reset();
	});

	it('calls getCampaigns page 1 on the custom URL with the account in the query string, and reads its 5001', async () => {
		expect(await testCredential(server.credentials())).toEqual({ status: 'OK', message: 'Connection successful: PUBLITRAC accepted the login' });
		const [request] = server.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/api');
		expect(Object.fromEntries(request.query)).toEqual({
			method: 'getCampaigns', page: '1', apikey: server.account.apiKey, apiKey: server.account.apiKey, username: server.account.username, password: server.account.password,
		});
	});

	it.each([
		['HTTP 401', () => server],
		['HTTP 200', () => server200],
	])('says the login is wrong when PUBLITRAC answers <status>9000</status> under %s, with no secret in the message', async (_label, which) => {
		const target = which();
		const result = await testCredential(target.credentials({ password: 'wrong-password' }));
		expect(result.status).toBe('Error');
		expect(result.message).toBe('PUBLITRAC refused the API key, username or password (9000 Authentication failed: invalid API key, username or password.)');
		expect(result.message).not.toContain(target.account.apiKey);
		expect(target.requests).toHaveLength(1);
	});

	it('a 200 that is not a PUBLITRAC answer is not a success', async () => {
		server.injectFault({ kind: 'html', status: 200 });
		const result = await testCredential(server.credentials());
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^PUBLITRAC answered HTTP 200 with an HTML page instead of XML/);
	});

	it('a redirect is reported with its Location, not followed with the credentials', async () => {
		server.injectFault({ kind: 'status', status: 301, headers: { location: 'https://elsewhere.example/api' } });
		const result = await testCredential(server.credentials());
		expect(result).toEqual({ status: 'Error', message: 'PUBLITRAC answered with a redirect (HTTP 301) to https://elsewhere.example/api: put that address in the credential' });
		expect(server.requests).toHaveLength(1);
	});
});
