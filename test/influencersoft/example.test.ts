/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { startSandbox } from '../servers/influencersoft';

describe('examples/influencersoft-add-lead.json against the InfluencerSoft sandbox', () => {
	it('runs Manual Trigger → InfluencerSoft addupdatelead with the sandbox credential', async () => {
		const workflowJson = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'influencersoft-add-lead.json'), 'utf8')) as WorkflowJson;
		const sandbox = await startSandbox();
		try {
			const [credential] = sandbox.credentials;
			expect(credential).toMatchObject({ id: 'influencersoft-sandbox', name: 'InfluencerSoft sandbox', type: 'influencerSoftApi' });
			const node = workflowJson.nodes.find((candidate) => candidate.type === 'n8n-nodes-leadbridge.influencerSoft');
			expect(node?.credentials).toEqual({ influencerSoftApi: { id: credential.id, name: credential.name } });
			const result = await runWorkflow(workflowJson, { credentials: { [credential.type]: credential.data as never } });
			expect(result.error).toBeUndefined();
			expect(result.output('InfluencerSoft').map((item) => item.json)).toEqual([
				{ success: true, message: 'OK', email: 'jane.doe@example.com', result: [] },
			]);
		} finally {
			await sandbox.close();
		}
	});
});
