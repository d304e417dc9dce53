import { PUBLITRAC_ERROR_HINTS } from '../../nodes/Publitrac/errorHints';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { JANUARY_PROMOTION, runPublitrac } from './run';

/** An error item's details: the vendor's line, then the hint of each code it carries. */
const withHints = (line: string, ...codes: string[]) => [line, ...codes.map((code) => `What to do (${code}): ${PUBLITRAC_ERROR_HINTS[code]}`)].join('\n');

const emails = (count: number, prefix = 'lead') => Array.from({ length: count }, (_, index) => ({ email: `${prefix}${index}@demo.example` }));

describe('PUBLITRAC lists, views, campaigns: batching and paging, through the engine', () => {
	let server: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer({ extraLeads: 260, extraCampaigns: 120 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('addLeadsToList sends the emails of many items in one call per batch, one output item per input item', async () => {
		const input = emails(260);
		const result = await runPublitrac(server, { resource: 'list', operation: 'addLeadsToList', parameters: { listName: 'Spring promo', options: { batchSize: 100 } }, input });
		expect(result.nodeError).toBeUndefined();
		const calls = server.calls('addLeadsToList');
		expect(calls).toHaveLength(3);
		expect(calls.map((request) => (server.queryOf(request).leads as { lead: unknown[] }).lead.length)).toEqual([100, 100, 60]);
		expect(server.queryOf(calls[0])).toMatchObject({ list: { name: 'Spring promo' } });
		expect(result.items).toHaveLength(260);
		expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(result.json[259]).toEqual({ email: 'lead259@demo.example', listName: 'Spring promo', added: true, status: '2009', message: 'Add leads to list success.' });
		expect(server.state.lists.get('Spring promo')?.size).toBe(260);
	});

	it('addLeadsToList: under Continue (using error output) a lead PUBLITRAC names as not found goes to the error output', async () => {
		const input = [{ email: 'lead1@demo.example' }, { email: 'ghost@demo.example' }];
		const result = await runPublitrac(server, { resource: 'list', operation: 'addLeadsToList', parameters: { listName: 'Partial' }, input, continueOnErrorOutput: true });
		expect(result.nodeError).toBeUndefined();
		expect(result.output('Under Test', 0).map((item) => item.json.email)).toEqual(['lead1@demo.example']);
		const failed = result.output('Under Test', 1);
		expect(failed).toHaveLength(1);
		// The vendor's detail line travels with the error, and n8n merges in the input item that failed.
		expect(failed[0].json).toEqual({ email: 'ghost@demo.example', error: '9013: Add Leads To List failed.', details: withHints('9005 - (ghost@demo.example) Leads not found.', '9013', '9005') });
	});

	it('addLeadsToList groups items by list name', async () => {
		const input = [{ email: 'lead1@demo.example', list: 'A' }, { email: 'lead2@demo.example', list: 'B' }, { email: 'lead3@demo.example', list: 'A' }];
		const result = await runPublitrac(server, { resource: 'list', operation: 'addLeadsToList', parameters: { listName: '={{ $json.list }}' }, input });
		expect(result.json.map((json) => json.listName)).toEqual(['A', 'B', 'A']);
		expect(server.calls('addLeadsToList').map((request) => server.queryOf(request))).toEqual([
			{ list: { name: 'A' }, leads: { lead: [{ email: 'lead1@demo.example' }, { email: 'lead3@demo.example' }] } },
			{ list: { name: 'B' }, leads: { lead: [{ email: 'lead2@demo.example' }] } },
		]);
	});

	it('addLeadsToList: leads PUBLITRAC names as not found fail alone under Continue On Fail', async () => {
		const input = [{ email: 'lead1@demo.example' }, { email: 'ghost@demo.example' }, { email: 'lead2@demo.example' }];
		const result = await runPublitrac(server, { resource: 'list', operation: 'addLeadsToList', parameters: { listName: 'Partial' }, input, continueOnFail: true });
		expect(server.calls('addLeadsToList')).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ email: 'lead1@demo.example', added: true, status: '9013' });
		expect(result.json[1]).toEqual({ error: '9013: Add Leads To List failed.', details: withHints('9005 - (ghost@demo.example) Leads not found.', '9013', '9005') });
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.json[2]).toMatchObject({ email: 'lead2@demo.example', added: true });

		const stopped = await runPublitrac(server, { resource: 'list', operation: 'addLeadsToList', parameters: { listName: 'Partial' }, input });
		expect(stopped.nodeError?.message).toBe('9013: Add Leads To List failed.');
	});

	it('addLeadsToList into a filtered list fails the whole batch with 9012', async () => {
		const result = await runPublitrac(server, { resource: 'list', operation: 'addLeadsToList', parameters: { listName: 'PromoABC_Email_Open' }, input: emails(2), continueOnFail: true });
		expect(result.json.map((json) => json.error)).toEqual(['9013: Add Leads To List failed.', '9013: Add Leads To List failed.']);
		expect(result.json[0].details).toMatch(/^9012 - You are trying to insert a lead inside a filtered list/);
	});

	it('getList and getView walk pages with Return All and stop at the Limit', async () => {
		server.state.lists.set('Big', new Set(emails(150).map(({ email }) => email)));
		const list = await runPublitrac(server, { resource: 'list', operation: 'getList', parameters: { listName: 'Big', returnAll: true } });
		expect(list.json).toHaveLength(150);
		expect(server.calls('getList').map((request) => [request.query.get('listName'), request.query.get('page')])).toEqual([['Big', '1'], ['Big', '2']]);
		expect(server.calls('getList')[0].query.has('viewName')).toBe(false);

		const view = await runPublitrac(server, { resource: 'view', operation: 'getView', parameters: { viewName: 'PromoABC_Email_Open', returnAll: false, limit: 3 } });
		expect(view.json).toHaveLength(3);
		expect(view.json.every((lead) => Number(lead.score) >= 50)).toBe(true);

		const missing = await runPublitrac(server, { resource: 'view', operation: 'getView', parameters: { viewName: 'Nope', returnAll: true } });
		expect(missing.nodeError?.message).toBe('9010: View does not exist.');
	});

	it('getCampaigns reads bare <campaign> elements and pages until an empty page', async () => {
		const all = await runPublitrac(server, { resource: 'campaign', operation: 'getCampaigns', parameters: { returnAll: true } });
		expect(all.json).toHaveLength(server.state.campaigns.length);
		expect(all.json[0]).toEqual({
			id: '2071', Name: 'AdCenter - Drip Marketing', Type: 'Paid Search', Token: expect.stringMatching(/^CMP-/), CampaignType: 'CAMPAIGNTRACKING',
			Created_Date: '2011-03-04 20:12:32', Last_Updated: '2011-12-08 01:10:14',
		});
		expect(server.calls('getCampaigns').map((request) => request.query.get('page'))).toEqual(['1', '2', '3']);
		server.reset();
		const few = await runPublitrac(server, { resource: 'campaign', operation: 'getCampaigns', parameters: { returnAll: false, limit: 2 } });
		expect(few.json.map((campaign) => campaign.Name)).toEqual(['AdCenter - Drip Marketing', 'AdCenter - Internet Marketing Software']);
		expect(server.calls('getCampaigns')).toHaveLength(1);
	});

	it('executeCampaign puts many leads in many campaigns in one call', async () => {
		const result = await runPublitrac(server, {
			resource: 'campaign',
			operation: 'executeCampaign',
			parameters: { campaigns: ['Trade Show May', 'Webinar'] },
			input: emails(40),
		});
		expect(result.nodeError).toBeUndefined();
		const calls = server.calls('executeCampaign');
		expect(calls).toHaveLength(1);
		const query = server.queryOf(calls[0]);
		expect((query.leads as { lead: unknown[] }).lead).toHaveLength(40);
		expect(query.campaigns).toEqual({ campaign: [{ name: 'Trade Show May' }, { name: 'Webinar' }] });
		expect(result.json[0]).toEqual({ email: 'lead0@demo.example', campaigns: ['Trade Show May', 'Webinar'], status: '1100', message: 'Execute campaigns on leads success.' });
		expect(server.state.executions).toHaveLength(1);
	});

	it('executeCampaign is all or nothing: an unknown campaign fails every item of the call', async () => {
		const before = server.state.executions.length;
		const result = await runPublitrac(server, { resource: 'campaign', operation: 'executeCampaign', parameters: { campaigns: 'Webinar, Nope' }, input: emails(2), continueOnFail: true });
		expect(result.json).toEqual([
			{ error: '9005: Execute campaigns on leads failed.', details: withHints('Campaign (Nope) does not exist.', '9005') },
			{ error: '9005: Execute campaigns on leads failed.', details: withHints('Campaign (Nope) does not exist.', '9005') },
		]);
		expect(server.state.executions).toHaveLength(before);
	});

	it('addEmailCampaign sends at most 50 leads a call, the email once per call, bodies as CDATA', async () => {
		const html = '<html><body>Hello <strong>{{FirstName;Default=}}</strong> & welcome ]]> 🎉</body></html>';
		const result = await runPublitrac(server, {
			resource: 'campaign',
			operation: 'addEmailCampaign',
			parameters: {
				...JANUARY_PROMOTION,
				html,
				textBody: 'Hello {{FirstName;Default=}}.',
				leadFields: { firstName: '={{ $json.first }}' },
				customFields: { field: [{ name: 'GamePreferences', value: 'Action' }] },
			},
			input: emails(120).map((entry, index) => ({ ...entry, first: `N${index}` })),
		});
		expect(result.nodeError).toBeUndefined();
		const calls = server.calls('addEmailCampaign');
		expect(calls.map((request) => (server.queryOf(request).leads as { lead: unknown[] }).lead.length)).toEqual([50, 50, 20]);
		const raw = new URLSearchParams(calls[0].body).get('query') ?? '';
		expect(raw).toContain('<html><![CDATA[<html><body>Hello <strong>{{FirstName;Default=}}</strong> & welcome ]]]]><![CDATA[> 🎉</body></html>]]></html>');
		const query = server.queryOf(calls[0]);
		expect(query.information).toEqual({ name: 'Promotion January 2014' });
		expect(query.email).toEqual({
			fromName: 'PUBLITRAC', fromEmail: 'no-reply@publipage.com', subject: 'January Promotion',
			message: { html, text: 'Hello {{FirstName;Default=}}.' }, options: { sendAsSalesRep: 'false' },
		});
		expect((query.leads as { lead: unknown[] }).lead[1]).toEqual({ firstName: 'N1', email: 'lead1@demo.example', customFields: { GamePreferences: 'Action' } });
		expect(result.items).toHaveLength(120);
		expect(server.state.emailSends.at(-1)?.email).toMatchObject({ message: { html } });
	});
});
