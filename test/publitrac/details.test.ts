import { PUBLITRAC_ERROR_HINTS } from '../../nodes/Publitrac/errorHints';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { JANUARY_PROMOTION, runPublitrac } from './run';

describe('PUBLITRAC documented details', () => {
	let server: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer();
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	describe('error codes 9001–9018 carry a hint, the vendor code, message and lines unchanged', () => {
		it('a list that does not exist: 9009 with its line, then what to do', async () => {
			const result = await runPublitrac(server, { resource: 'list', operation: 'getList', parameters: { listName: 'No such list', returnAll: true } });
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe('9009: List does not exist.');
			expect(result.nodeError?.description).toBe(`9009 - List (No such list) does not exist.\nWhat to do (9009): ${PUBLITRAC_ERROR_HINTS['9009']}`);
		});

		it('a status and its error lines with other codes: one hint per code, each once', async () => {
			const result = await runPublitrac(server, {
				resource: 'list',
				operation: 'addLeadsToList',
				parameters: { listName: 'Newsletter', email: '={{ $json.email }}' },
				input: [{ email: 'ghost1@nowhere.example' }, { email: 'ghost2@nowhere.example' }],
			});
			expect(result.nodeError?.message).toBe('9013: Add Leads To List failed.');
			expect(result.nodeError?.description).toBe(
				[
					'9005 - (ghost1@nowhere.example) Leads not found.',
					`What to do (9013): ${PUBLITRAC_ERROR_HINTS['9013']}`,
					`What to do (9005): ${PUBLITRAC_ERROR_HINTS['9005']}`,
				].join('\n'),
			);
		});

		const codes = Array.from({ length: 18 }, (_, index) => String(9001 + index));
		it.each(codes)('%s has a hint that is added to the vendor error', async (code) => {
			server.injectFault({
				kind: 'status',
				status: 200,
				body: `<?xml version="1.0"?><response><status>${code}</status><message>Vendor says ${code}</message><errors><error>${code} - vendor line</error></errors></response>`,
			});
			const result = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'claude@sage.com' } });
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe(`${code}: Vendor says ${code}`);
			expect(PUBLITRAC_ERROR_HINTS[code].length).toBeGreaterThan(40);
			expect(result.nodeError?.description).toBe(`${code} - vendor line\nWhat to do (${code}): ${PUBLITRAC_ERROR_HINTS[code]}`);
		});

		it('an undocumented code gets no invented hint', async () => {
			const result = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'claude@sage.com' }, credentials: server.credentials({ password: 'wrong' }) });
			expect(result.nodeError?.message).toBe('9000: Authentication failed: invalid API key, username or password.');
			expect(result.nodeError?.description ?? '').not.toContain('What to do');
		});

		it('under Continue On Fail, the error item shows the hint too', async () => {
			const result = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'nobody@nowhere.example' }, continueOnFail: true });
			expect(result.json[0].error).toBe('9005: Lead does not exist.');
			expect(JSON.stringify(result.json[0])).toContain(PUBLITRAC_ERROR_HINTS['9005'].slice(0, 40));
		});
	});

	describe('executeCampaign: an email of 50 characters or more is stopped before sending', () => {
		const longEmail = `${'a'.repeat(38)}@example.com`;

		it('the local server refuses the whole call for one such email, as the document says', async () => {
			expect(longEmail).toHaveLength(50);
			server.state.leads.set(longEmail, { ...server.state.leads.get('claude@sage.com')!, email: longEmail });
			const before = server.state.executions.length;
			const { nodeError } = await runPublitrac(server, { resource: 'campaign', operation: 'executeCampaign', parameters: { campaigns: ['Webinar'] }, input: [{ email: 'claude@sage.com' }] });
			expect(nodeError).toBeUndefined();
			const response = await fetch(
				`${server.url}/api?method=executeCampaign&apikey=${server.account.apiKey}&username=${server.account.username}&password=${encodeURIComponent(server.account.password)}`,
				{
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({
						query: `<?xml version="1.0"?><request><leads><lead><email>claude@sage.com</email></lead><lead><email>${longEmail}</email></lead></leads><campaigns><campaign><name>Webinar</name></campaign></campaigns></request>`,
					}).toString(),
				},
			);
			const text = await response.text();
			expect(text).toContain('<status>9005</status>');
			expect(text).toContain(`9002 - Email (${longEmail}) must be shorter than 50 characters`);
			expect(server.state.executions).toHaveLength(before + 1);
		});

		it('under Continue On Fail, that item gets its own error and the others are sent in one call', async () => {
			const input = [{ email: 'claude@sage.com' }, { email: longEmail }, { email: 'helene@exemple.ca' }];
			const result = await runPublitrac(server, {
				resource: 'campaign',
				operation: 'executeCampaign',
				parameters: { campaigns: ['Webinar'], email: '={{ $json.email }}' },
				input,
				continueOnFail: true,
			});
			expect(result.json[0]).toMatchObject({ email: 'claude@sage.com', status: '1100' });
			expect(result.json[1]).toEqual({ error: "Email: must be shorter than 50 characters (PUBLITRAC's limit), got 50 (item 1)" });
			expect(result.json[2]).toMatchObject({ email: 'helene@exemple.ca', status: '1100' });
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(server.calls('executeCampaign')).toHaveLength(1);
			expect(server.queryOf(server.calls('executeCampaign')[0])).toMatchObject({ leads: { lead: [{ email: 'claude@sage.com' }, { email: 'helene@exemple.ca' }] } });
			expect(server.state.executions.at(-1)).toEqual({ emails: ['claude@sage.com', 'helene@exemple.ca'], campaigns: ['Webinar'] });
		});

		it('without Continue On Fail, the run stops naming the field and item, and nothing is sent', async () => {
			const result = await runPublitrac(server, {
				resource: 'campaign',
				operation: 'executeCampaign',
				parameters: { campaigns: ['Webinar'], email: '={{ $json.email }}' },
				input: [{ email: 'claude@sage.com' }, { email: longEmail }],
			});
			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(result.nodeError?.message).toBe("Email: must be shorter than 50 characters (PUBLITRAC's limit), got 50 (item 1)");
			expect(server.requests).toHaveLength(0);
		});

		it('an email of 49 characters goes through', async () => {
			const email = `${'b'.repeat(37)}@example.com`;
			server.state.leads.set(email, { ...server.state.leads.get('claude@sage.com')!, email });
			const result = await runPublitrac(server, { resource: 'campaign', operation: 'executeCampaign', parameters: { campaigns: ['Webinar'], email } });
			expect(result.nodeError).toBeUndefined();
			expect(result.json).toEqual([expect.objectContaining({ email, status: '1100' })]);
		});
	});

	it('addEmailCampaign sends originalSource and originalSourceType in each lead, in the document\'s order', async () => {
		const result = await runPublitrac(server, {
			resource: 'campaign',
			operation: 'addEmailCampaign',
			parameters: {
				...JANUARY_PROMOTION,
				html: '<p>Hello {{FirstName;Default=}}</p>',
				email: 'jcarmack@idsoftware.ca',
				leadFields: { firstName: 'John', lastName: 'Carmack', leadSource: 'New Production ABC', originalSource: 'New Production ABC', originalSourceType: 'Web' },
			},
		});
		expect(result.nodeError).toBeUndefined();
		const body = server.paramsOf(server.calls('addEmailCampaign')[0]).get('query') ?? '';
		expect(body).toContain(
			'<lead><firstName>John</firstName><lastName>Carmack</lastName><email>jcarmack@idsoftware.ca</email><leadSource>New Production ABC</leadSource><originalSource>New Production ABC</originalSource><originalSourceType>Web</originalSourceType></lead>',
		);
		expect(server.state.leads.get('jcarmack@idsoftware.ca')).toMatchObject({ originalSource: 'New Production ABC', originalSourceType: 'Web' });
	});

	describe('syncOpportunity: lead IDs are required, as the annex lists them', () => {
		const opportunity = { opportunityId: 'o-1', name: 'Deal', salesStage: 'Prospecting', amount: 500, probability: 40 };

		it('without lead IDs: a clear error naming the field and item, nothing sent', async () => {
			const result = await runPublitrac(server, {
				resource: 'opportunity',
				operation: 'syncOpportunity',
				parameters: { ...opportunity, leadIds: '={{ $json.ids }}' },
				input: [{ ids: ' , ' }],
			});
			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(result.nodeError?.message).toBe('Lead IDs: needs at least one lead ID (item 0)');
			expect(server.requests).toHaveLength(0);
		});

		it('the local server refuses an opportunity without leads', async () => {
			const response = await fetch(
				`${server.url}/api?method=syncOpportunity&apikey=${server.account.apiKey}&username=${server.account.username}&password=${encodeURIComponent(server.account.password)}`,
				{
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({
						query: '<?xml version="1.0"?><request><opportunity><id>x</id><name>X</name><salesStage>Prospecting</salesStage><amount>1</amount><probability>5</probability></opportunity></request>',
					}).toString(),
				},
			);
			expect(await response.text()).toContain('<error>At least one lead id is required</error>');
		});

		it('a list of IDs from an expression is sent as one <leadId> each, duplicates once', async () => {
			const result = await runPublitrac(server, {
				resource: 'opportunity',
				operation: 'syncOpportunity',
				parameters: { ...opportunity, leadIds: '={{ $json.ids }}' },
				input: [{ ids: ['123ABC', '5564344', '123ABC'] }],
			});
			expect(result.nodeError).toBeUndefined();
			expect(server.queryOf(server.requests[0])).toMatchObject({ opportunity: { leads: { leadId: ['123ABC', '5564344'] } } });
			expect(server.state.opportunities.get('o-1')?.leadIds).toEqual(['123ABC', '5564344']);
		});
	});
});
