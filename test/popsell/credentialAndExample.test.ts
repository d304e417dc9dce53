/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeType } from 'n8n-workflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadPackage, nodeType, REPO_ROOT } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { serveWorkflowWebhooks } from '../engine/webhookHarness';
import { callAsPopsell, popsellToken, startSandbox } from '../servers/popsell';

/** The credential test n8n runs from the editor: the nodes declare it with testedBy. */
async function testCredential(nodeName: string, data: Record<string, unknown>) {
	const pkg = await loadPackage();
	const node = pkg.nodeTypes.getByNameAndVersion(nodeType(nodeName), 1) as INodeType;
	const credentialUse = node.description.credentials?.find((credential) => credential.name === 'popsellApi');
	const test = node.methods?.credentialTest?.[credentialUse?.testedBy as string];
	if (!test) throw new Error(`${nodeName} declares no credential test`);
	const credential = { id: 'c', name: 'Popsell', type: 'popsellApi', data } as ICredentialsDecrypted;
	return await test.call({} as ICredentialTestFunctions, credential);
}

describe('Popsell credential', () => {
	it('is tested locally by both nodes: a usable key gives the token Popsell should send for a sample ID', async () => {
		for (const nodeName of ['popsell', 'popsellTrigger']) {
			const result = await testCredential(nodeName, { staticSecret: 'k3y', hashOrder: 'customerIdThenKey' });
			expect(result).toEqual({ status: 'OK', message: `The key is usable. For customer ID "TEST" Popsell should send token ${popsellToken('k3y', 'TEST', 'customerIdThenKey')}.` });
			expect(result.message).not.toContain('k3y');
		}
	});

	it('fails an empty key or one with stray spaces, without echoing it', async () => {
		expect(await testCredential('popsell', { staticSecret: '' })).toEqual({ status: 'Error', message: 'The static key is empty: enter the key agreed with Popsell.' });
		const spaced = await testCredential('popsellTrigger', { staticSecret: ' s3cret-key ' });
		expect(spaced.status).toBe('Error');
		expect(spaced.message).not.toContain('s3cret-key');
	});
});

describe('examples/popsell-contact-import.json', () => {
	it('answers a Popsell call end to end with the sandbox credential', async () => {
		const sandbox = await startSandbox();
		expect(sandbox).toMatchObject({ vendor: 'popsell', url: '' });
		expect(sandbox.credentials).toEqual([expect.objectContaining({ id: 'popsell-sandbox', name: 'Popsell sandbox', type: 'popsellApi' })]);
		const example = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'popsell-contact-import.json'), 'utf8')) as WorkflowJson;
		for (const node of example.nodes) {
			if (node.credentials?.popsellApi) expect(node.credentials.popsellApi).toEqual({ id: 'popsell-sandbox', name: 'Popsell sandbox' });
		}
		const credentials = Object.fromEntries(sandbox.credentials.map((credential) => [credential.type, credential.data]));
		const server = await serveWorkflowWebhooks(example, { credentials: credentials as never });
		try {
			const reply = await callAsPopsell({ webhookUrl: server.webhookUrl('Popsell Trigger'), customerId: 'REP42', date: '2015-01-01 00:00:00' });
			expect(reply.status).toBe(200);
			expect(reply.contentType).toBe('application/json; charset=utf-8');
			expect(reply.json).toEqual({
				IsSuccessfull: true,
				ErrorCode: null,
				ErrorMessage: null,
				Contacts: [
					{
						Id: 'DEMO-REP42-1',
						FirstName: 'Aurélie',
						LastName: 'Durand',
						Email: 'adur123@example.com',
						Gender: 'F',
						Type: 2,
						LanguageCode: 'fr_FR',
						IsAcceptingEmailing: true,
						LastModificationDate: '2015-12-05 10:12:54',
						Tags: ['demo', 'n8n'],
						Extra_data: { 'Club level': 'Coached Club Member' },
					},
				],
			});
			const refused = await callAsPopsell({ webhookUrl: server.webhookUrl('Popsell Trigger'), customerId: 'REP42', token: 'deadbeef' });
			expect(refused.status).toBe(401);
		} finally {
			await server.close();
			await sandbox.close();
		}
	});
});
