/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { startSandbox } from '../servers/publitrac';

describe('PUBLITRAC sandbox and example workflow', () => {
	it('examples/publitrac-get-leads.json runs against the sandbox with its credential', async () => {
		const sandbox = await startSandbox();
		try {
			expect(sandbox.credentials).toEqual([
				{ id: 'publitrac-sandbox', name: 'PUBLITRAC sandbox', type: 'publitracApi', data: expect.objectContaining({ host: 'custom', customUrl: sandbox.url }) },
			]);
			const workflow = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'publitrac-get-leads.json'), 'utf8')) as WorkflowJson;
			const publitracNode = workflow.nodes.find((node) => node.type === 'n8n-nodes-leadbridge.publitrac');
			expect(publitracNode?.credentials).toEqual({ publitracApi: { id: 'publitrac-sandbox', name: 'PUBLITRAC sandbox' } });
			const result = await runWorkflow(workflow, { credentials: { publitracApi: sandbox.credentials[0].data as never } });
			expect(result.error).toBeUndefined();
			const leads = result.output('PUBLITRAC').map((item) => item.json);
			expect(leads.map((lead) => lead.email)).toEqual(['johnsmith@publipage.com', 'johnsmith@publitrac.com']);
			// Simplify is on in the example: empty fields are left out.
			expect(leads[0]).not.toHaveProperty('middleName');
		} finally {
			await sandbox.close();
		}
	});
});
