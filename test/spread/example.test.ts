/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { applyAuthentication } from '../engine/credentialsHelper';
import { REPO_ROOT, loadPackage, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { startSandbox, startSpreadServer } from '../servers/spread';

describe('examples/spread-create-customer.json against the SPREAD sandbox', () => {
	it('creates the customer with its typed fields, using the sandbox credential by id and name', async () => {
		const sandbox = await startSandbox();
		try {
			const workflow = JSON.parse(readFileSync(`${REPO_ROOT}/examples/spread-create-customer.json`, 'utf8')) as WorkflowJson;
			const [credential] = sandbox.credentials;
			expect(credential).toMatchObject({ id: 'spread-sandbox', name: 'SPREAD sandbox', type: 'spreadApi' });
			const spreadNode = workflow.nodes.find((node) => node.type === 'n8n-nodes-leadbridge.spread');
			expect(spreadNode?.credentials?.spreadApi).toEqual({ id: credential.id, name: credential.name });

			const result = await runWorkflow(workflow, { credentials: { spreadApi: credential.data as ICredentialDataDecryptedObject } });
			expect(result.error).toBeUndefined();
			const [created] = result.output('Create SPREAD customer');
			expect(created.json).toMatchObject({
				email: 'camille.durand@example.com',
				firstName: 'Camille',
				lastName: 'Durand',
				country: 'FR',
				birthday: '1988-09-14',
				gender: 'female',
				isBuyer: '1',
				tags: ['newsletter', 'salon-2024'],
			});
			expect(created.json.id).toEqual(expect.stringMatching(/^\d+$/));
		} finally {
			await sandbox.close();
		}
	});
});

describe('SPREAD credential test request', () => {
	it('resolves to GET {base}/customers?maxResults=1 with Basic auth, and wrong keys are refused', async () => {
		const server = await startSpreadServer({ customers: 2 });
		try {
			const type = (await loadPackage()).credentialTypes.get('spreadApi')!;
			const request = type.test!.request;
			const credentials: ICredentialDataDecryptedObject = { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl };
			const baseURL = String(Expression.resolveWithoutWorkflow(String(request.baseURL).replace(/^=/, ''), { $credentials: credentials }));
			expect(baseURL).toBe(server.baseUrl);
			const call = async (data: ICredentialDataDecryptedObject) => {
				const authenticated = await applyAuthentication(type, data, { url: `${baseURL}${request.url}?maxResults=${String(request.qs?.maxResults)}` });
				const { username, password } = authenticated.auth!;
				return await fetch(authenticated.url, { headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } });
			};
			const ok = await call(credentials);
			expect(ok.status).toBe(200);
			expect(((await ok.json()) as { customers: unknown[] }).customers).toHaveLength(1);
			expect(server.requests[0].path).toBe('/api/v2/customers');
			expect((await call({ ...credentials, privateKey: 'wrong' })).status).toBe(401);
		} finally {
			await server.close();
		}
	});
});
