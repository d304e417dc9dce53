/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';

import { REPO_ROOT, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { startSandbox } from '../servers/jtel';

describe('examples/jtel-import-contact.json against the jtel sandbox', () => {
	it('imports the contact into "My Campaign" by name, and a second run updates it (Overwrite Duplicates on UserData)', async () => {
		const sandbox = await startSandbox();
		try {
			const workflow = JSON.parse(readFileSync(`${REPO_ROOT}/examples/jtel-import-contact.json`, 'utf8')) as WorkflowJson;
			const [credential] = sandbox.credentials;
			const jtelNode = workflow.nodes.find((node) => node.type === 'n8n-nodes-leadbridge.jtelDialler');
			expect(jtelNode?.credentials?.jtelApi).toEqual({ id: credential.id, name: credential.name });
			expect(credential).toMatchObject({ id: 'jtel-sandbox', name: 'jtel sandbox', type: 'jtelApi' });

			const credentials = { jtelApi: credential.data as Record<string, string> };
			const first = await runWorkflow(workflow, { credentials });
			const second = await runWorkflow(workflow, { credentials });
			expect(first.error).toBeUndefined();
			expect(second.error).toBeUndefined();
			const [imported] = first.output('Import contact');
			expect(imported.json).toMatchObject({
				DiallerCampaignsID: 538,
				Name: 'Mustermann',
				UserData: 'crm-0001',
				dtBeginDate: '2026-12-01T08:00:00',
				dtEndDate: '2026-12-31T18:00:00',
			});
			// The sandbox already holds crm-0001 in "My Campaign": both runs update that contact.
			expect(second.output('Import contact')[0].json.ID).toBe(imported.json.ID);
			expect(Object.values(imported.json)).not.toContain(null);
		} finally {
			await sandbox.close();
		}
	});
});
