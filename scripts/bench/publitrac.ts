// Benchmark (not a test), issue 9 items 1 and 2, our side: the PUBLITRAC node through n8n's engine against the
// local PUBLITRAC server enforcing 35 calls/s. syncLead for 1,000 items (one call each, the limit is the floor),
// then addLeadsToList, executeCampaign and addEmailCampaign for 2,000 emails (batched calls against one per item).
import '../../test/engine/setupEnv';

import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../../test/engine/runner';
import { startPublitracServer } from '../../test/servers/publitrac';
import type { PublitracServer } from '../../test/servers/publitrac';
import { fail, print } from './print';

const LIMIT = 35;
const SYNC_ITEMS = 1000;
const BATCH_EMAILS = 2000;

type Row = Record<string, string | number>;

async function measure(server: PublitracServer, label: string, method: string, parameters: INodeParameters, input: Array<Record<string, unknown>>): Promise<Row> {
	server.reset();
	const started = Date.now();
	const result = await runNode({
		type: nodeType('publitrac'),
		parameters,
		credentials: { publitracApi: server.credentials() },
		input: input as never,
		continueOnFail: true,
	});
	const wallMs = Date.now() - started;
	const calls = server.calls(method);
	const arrivals = calls.map((request) => request.receivedAt);
	const spanMs = arrivals.length > 1 ? arrivals[arrivals.length - 1] - arrivals[0] : 0;
	const achieved = spanMs > 0 ? ((arrivals.length - 1) * 1000) / spanMs : 0;
	const errors = (result.nodeError ? 1 : 0) + result.items.filter((item) => item.json.error !== undefined).length;
	const floorMs = (calls.length / LIMIT) * 1000;
	return {
		benchmark: label,
		items: input.length,
		outputItems: result.items.length,
		calls: calls.length,
		callsOnePerItem: input.length,
		wallMs,
		floorMs: Math.round(floorMs),
		wallToFloor: Number((wallMs / floorMs).toFixed(2)),
		rateLimited429: server.rateLimitedCount,
		errors,
		callsPerSecond: Number(achieved.toFixed(2)),
		percentOfLimit: Number(((achieved / LIMIT) * 100).toFixed(1)),
	};
}

export async function benchPublitrac(): Promise<Row[]> {
	const server = await startPublitracServer({ rateLimitPerSecond: LIMIT, extraLeads: BATCH_EMAILS });
	try {
		const rows: Row[] = [];
		const syncInput = Array.from({ length: SYNC_ITEMS }, (_, index) => ({ email: `bench${index}@sync.example`, firstName: `Bench ${index}`, score: index % 100 }));
		rows.push(
			await measure(
				server,
				`PUBLITRAC node syncLead x${SYNC_ITEMS}`,
				'syncLead',
				{
					resource: 'lead',
					operation: 'syncLead',
					email: '={{ $json.email }}',
					additionalFields: { firstName: '={{ $json.firstName }}', score: '={{ $json.score }}' },
				},
				syncInput,
			),
		);
		const emails = Array.from({ length: BATCH_EMAILS }, (_, index) => ({ email: `lead${index}@demo.example` }));
		rows.push(await measure(server, `PUBLITRAC node addLeadsToList x${BATCH_EMAILS}`, 'addLeadsToList', { resource: 'list', operation: 'addLeadsToList', listName: 'Benchmark list' }, emails));
		rows.push(await measure(server, `PUBLITRAC node executeCampaign x${BATCH_EMAILS}`, 'executeCampaign', { resource: 'campaign', operation: 'executeCampaign', campaigns: ['Webinar'] }, emails));
		rows.push(
			await measure(
				server,
				`PUBLITRAC node addEmailCampaign x${BATCH_EMAILS}`,
				'addEmailCampaign',
				{
					resource: 'campaign',
					operation: 'addEmailCampaign',
					campaignName: 'Benchmark campaign',
					fromName: 'Bench',
					fromEmail: 'bench@publitrac.example',
					subject: 'Hello',
					html: '<p>Hello {{FirstName;Default=}}</p>',
				},
				emails,
			),
		);
		return rows;
	} finally {
		await server.close();
	}
}

if (require.main === module) {
	benchPublitrac()
		.then((rows) => {
			for (const row of rows) print(Object.entries(row).map(([key, value]) => `${key}=${value}`).join('  '));
		})
		.catch(fail);
}
