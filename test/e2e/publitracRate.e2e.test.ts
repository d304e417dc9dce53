/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// PUBLITRAC's 35 calls a second in the real n8n, as a new user meets it: the packed package installed from its
// tarball, one workflow run by `n8n execute` (a fresh n8n process, whose first execution this is: cold code, no
// warm-up), against a strict server that counts calls when they arrive and refuses (429) any above 35 in the
// trailing second. Whatever the machine's load, the server must see no second with more than 35 calls and refuse
// none: the throttle bounds each call's arrival by its answer, not by when it meant to send it.
import { join } from 'node:path';

import { startPublitracServer, type PublitracServer } from '../servers/publitrac';
import { busiestWindow } from '../servers/vendorServer';
import type { WorkflowJson } from './examples';
import { ensureInstalled, makeTempDir, n8nTargets, packPackage, removeDir } from './n8nProcess';
import { N8nWorkspace, outputItems } from './n8nWorkspace';

// The first 2.x version of scripts/n8n-versions.sh: what a new user installs.
const target = n8nTargets().find((candidate) => Number(candidate.version.split('.')[0]) >= 2);
const describeRate = target ? describe : describe.skip;

const LIMIT = 35;
const CREDENTIAL = { id: 'publitrac-rate-e2e', name: 'PUBLITRAC (rate e2e)', type: 'publitracApi' };
const SYNC_NODE = 'Sync lead';

const emailOf = (leads: number, index: number) => `rate${leads}-${index}@e2e.example`;

/** Manual Trigger → Set (an array of `leads` emails) → Split Out (one item each) → PUBLITRAC syncLead. */
function syncWorkflow(leads: number, pkgName: string): WorkflowJson {
	const id = `publitrac-rate-${leads}`;
	return {
		id,
		name: `PUBLITRAC syncLead ×${leads}`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes: [
			{ id: `${id}-1`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-2`,
				name: 'Emails',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
				parameters: {
					mode: 'raw',
					jsonOutput: `={ "emails": {{ JSON.stringify(Array.from({ length: ${leads} }, (_, index) => 'rate${leads}-' + index + '@e2e.example')) }} }`,
					options: {},
				},
			},
			{ id: `${id}-3`, name: 'One per item', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0], parameters: { fieldToSplitOut: 'emails', options: {} } },
			{
				id: `${id}-4`,
				name: SYNC_NODE,
				type: `${pkgName}.publitrac`,
				typeVersion: 1,
				position: [600, 0],
				parameters: { resource: 'lead', operation: 'syncLead', email: '={{ $json.emails }}' },
				credentials: { publitracApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Emails', type: 'main', index: 0 }]] },
			Emails: { main: [[{ node: 'One per item', type: 'main', index: 0 }]] },
			'One per item': { main: [[{ node: SYNC_NODE, type: 'main', index: 0 }]] },
		},
	} as unknown as WorkflowJson;
}

describeRate('PUBLITRAC in real n8n: the first execution of a fresh process stays within 35 calls a second', () => {
	let server: PublitracServer;
	let workspace: N8nWorkspace;
	let tarball = '';
	const pkgName = 'n8n-nodes-leadbridge';

	beforeAll(async () => {
		ensureInstalled([target!.version]);
		tarball = packPackage();
		server = await startPublitracServer({ rateLimitPerSecond: LIMIT });
		workspace = new N8nWorkspace(target!, makeTempDir(`leadbridge-rate-e2e-${target!.version}-`));
		workspace.installPackage(tarball);
		await workspace.importCredentials([{ ...CREDENTIAL, data: server.credentials() }]);
		await workspace.importWorkflows([40, 300].map((leads) => syncWorkflow(leads, pkgName)));
	});

	afterAll(async () => {
		await server?.close();
		if (workspace && !process.env.LEADBRIDGE_KEEP_E2E) removeDir(workspace.userFolder);
		if (tarball) removeDir(join(tarball, '..'));
	});

	test.each([40, 300])('%i syncLead items: each lead written once, never more than 35 arrivals in a second, 0 × 429', async (leads) => {
		server.reset();
		const result = await workspace.execute(`publitrac-rate-${leads}`);
		const expected = Array.from({ length: leads }, (_, index) => emailOf(leads, index));
		const output = outputItems(result, SYNC_NODE);
		if (result.errorMessage !== undefined || output.length !== leads) {
			throw new Error(`n8n run failed (exit ${result.run.code}): ${result.errorMessage ?? `${output.length} items`}\n${result.run.stderr.slice(-3000)}`);
		}
		expect(output.filter((item) => 'error' in item)).toEqual([]);
		expect(output.map((item) => item.email)).toEqual(expected);
		const syncs = server.calls('syncLead');
		const written = syncs.filter((request) => !request.refusedByLimit).map((request) => (server.queryOf(request).lead as { email: string }).email);
		expect(written.sort()).toEqual([...expected].sort());
		// Every call the server saw, counted when it arrived.
		const figures = { arrivals: server.requests.length, busiestSecond: busiestWindow(server.requests), refused: server.rateLimitedCount };
		process.stdout.write(`real n8n ${target!.version}, syncLead ×${leads}: ${JSON.stringify(figures)}\n`);
		expect(figures.busiestSecond).toBeLessThanOrEqual(LIMIT);
		expect(figures.refused).toBe(0);
	});
});
