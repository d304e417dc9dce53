import { PUBLITRAC_ERROR_HINTS } from '../../nodes/Publitrac/errorHints';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { runPublitrac } from './run';

describe('PUBLITRAC bad input: a clear error naming field and item, and nothing sent', () => {
	let server: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer();
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it.each([
		['an invalid email', 'lead', 'syncLead', { email: 'not-an-email' }, 'Email: "not-an-email" is not a valid email address (item 0)'],
		['a missing email', 'lead', 'getLead', { email: '={{ $json.missing }}' }, 'Email: is required (item 0)'],
		['a 0/1 field given anything else', 'lead', 'syncLead', { email: 'a@b.example', additionalFields: { doNotCall: 'yes' } }, 'Additional Fields > Do Not Call: must be 0 or 1, got "yes" (item 0)'],
		['a score that is not a whole number', 'lead', 'syncLead', { email: 'a@b.example', additionalFields: { score: 2.5 } }, 'Additional Fields > Score: must be a whole number, got "2.5" (item 0)'],
		['a date that does not parse', 'lead', 'syncLead', { email: 'a@b.example', additionalFields: { dateOfBirth: '20/08/2012' } }, 'Additional Fields > Date of Birth: "20/08/2012" is not a date PUBLITRAC accepts (item 0)'],
		['an impossible date', 'lead', 'syncLead', { email: 'a@b.example', additionalFields: { dateOfBirth: '2023-02-30' } }, 'Additional Fields > Date of Birth: "2023-02-30" is not a date PUBLITRAC accepts (item 0)'],
		['a custom field name XML cannot carry', 'lead', 'syncLead', { email: 'a@b.example', customFields: { field: [{ name: 'car color', value: 'x' }] } }, 'Custom Fields > Name: "car color" cannot be a PUBLITRAC field name (letters, digits, _ . - only) (item 0)'],
		['a control character', 'lead', 'syncLead', { email: 'a@b.example', additionalFields: { notes: 'bell\u0007' } }, 'lead.notes: contains a control character that XML cannot carry (item 0)'],
		['useToken without a token', 'lead', 'syncLead', { email: 'a@b.example', options: { useToken: true } }, 'Additional Fields > Token: is required when Use Token or Merge Anonymous is on (item 0)'],
		['a list name of 50 characters', 'list', 'addLeadsToList', { listName: 'L'.repeat(50), email: 'a@b.example' }, 'List Name: must be shorter than 50 characters, got 50 (item 0)'],
		['a campaign name of 50 characters', 'campaign', 'executeCampaign', { campaigns: ['C'.repeat(50)], email: 'a@b.example' }, 'Campaign Names or IDs: must be shorter than 50 characters, got 50 (item 0)'],
		['an email campaign name of 50 characters', 'campaign', 'addEmailCampaign', { campaignName: 'é'.repeat(50), fromName: 'A', fromEmail: 'a@b.example', subject: 'S', html: '<p>x</p>', email: 'a@b.example' }, 'Campaign Name: must be shorter than 50 characters, got 50 (item 0)'],
		['a probability above 100', 'opportunity', 'syncOpportunity', { opportunityId: 'o1', name: 'N', salesStage: 'Prospecting', amount: 5, probability: 101, leadIds: '123ABC' }, 'Probability: must be between 1 and 100, got 101 (item 0)'],
		['a probability of 0', 'opportunity', 'syncOpportunity', { opportunityId: 'o1', name: 'N', salesStage: 'Prospecting', amount: 5, probability: 0, leadIds: '123ABC' }, 'Probability: must be between 1 and 100, got 0 (item 0)'],
		['a sales stage outside the list', 'opportunity', 'syncOpportunity', { opportunityId: 'o1', name: 'N', salesStage: 'Won', amount: 5, probability: 50, leadIds: '123ABC' }, 'Sales Stage: "Won" is not one of PUBLITRAC\'s stages (item 0)'],
		['an amount that is not an integer', 'opportunity', 'syncOpportunity', { opportunityId: 'o1', name: 'N', salesStage: 'Prospecting', amount: 10.5, probability: 50, leadIds: '123ABC' }, 'Amount: must be a whole number, got "10.5" (item 0)'],
		['a closed opportunity without its date', 'opportunity', 'syncOpportunity', { opportunityId: 'o1', name: 'N', salesStage: 'Closed Lost', amount: 5, probability: 50, leadIds: '123ABC' }, 'Additional Fields > Date Closed: is required when the sales stage is Closed Lost (item 0)'],
		['a missing opportunity ID', 'opportunity', 'syncOpportunity', { opportunityId: ' ', name: 'N', salesStage: 'Prospecting', amount: 5, probability: 50, leadIds: '123ABC' }, 'Opportunity ID: is required (item 0)'],
		['a missing form name', 'history', 'addFillFormHistory', { email: 'claude@sage.com', formName: '={{ "  " }}' }, 'Form Name: is required (item 0)'],
	])('refuses %s', async (_case, resource, operation, parameters, message) => {
		const result = await runPublitrac(server, { resource, operation, parameters: parameters as never });
		expect(result.nodeError?.name).toBe('NodeOperationError');
		expect(result.nodeError?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	it('a batch operation checks every item before sending anything', async () => {
		const input = [{ email: 'claude@sage.com' }, { email: 'claude@sage.com' }, { email: 'broken' }];
		const result = await runPublitrac(server, { resource: 'list', operation: 'addLeadsToList', parameters: { listName: 'Newsletter' }, input });
		expect(result.nodeError?.message).toBe('Email: "broken" is not a valid email address (item 2)');
		expect(server.requests).toHaveLength(0);
	});

	it('without Continue On Fail, the first failed item stops the run: no later item is started', async () => {
		const input = Array.from({ length: 12 }, (_, index) => ({ email: index === 2 ? 'broken' : `lead${index}@nowhere.example` }));
		const result = await runPublitrac(server, { resource: 'lead', operation: 'syncLead', parameters: { email: '={{ $json.email }}' }, input });
		expect(result.nodeError?.message).toBe('Email: "broken" is not a valid email address (item 2)');
		// Items already in flight when item 2 failed finish; nothing after them starts.
		expect(server.requests.length).toBeLessThanOrEqual(4);
		expect(server.calls('syncLead').map((request) => (server.queryOf(request).lead as { email: string }).email)).not.toContain('lead11@nowhere.example');
	});

	it('under Continue On Fail, a bad item gives an error item and the others are sent', async () => {
		const input = [{ email: 'claude@sage.com' }, { email: 'broken' }, { email: 'helene@exemple.ca' }];
		const result = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: '={{ $json.email }}' }, input, continueOnFail: true });
		expect(result.json[0]).toMatchObject({ email: 'claude@sage.com' });
		expect(result.json[1]).toEqual({ error: 'Email: "broken" is not a valid email address (item 1)' });
		expect(result.json[2]).toMatchObject({ email: 'helene@exemple.ca' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(server.requests).toHaveLength(2);
	});
});

describe('PUBLITRAC vendor errors, faults and secrets', () => {
	let server: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer();
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	const sync = (email = 'claude@sage.com', extra: Record<string, unknown> = {}) =>
		runPublitrac(server, { resource: 'lead', operation: 'syncLead', parameters: { email, ...extra } });

	it('a custom host without a URL is a clear error, before anything is sent', async () => {
		const result = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'claude@sage.com' }, credentials: { ...server.credentials(), customUrl: ' ' } });
		expect(result.nodeError?.message).toBe('The PUBLITRAC credential\'s Custom URL "" is not an http(s) URL');
		expect(server.requests).toHaveLength(0);
	});

	it('a 9xxx status becomes a NodeApiError with the status, the message and every <error> line', async () => {
		server.injectFault({
			kind: 'status',
			status: 200,
			headers: { 'content-type': 'text/xml' },
			body: '<?xml version="1.0"?><response><status>9017</status><message>Update Lead contain error</message><errors><error>9006 - Score (x) must be a valid integer for xml lead-&gt;email (claude@sage.com) </error><error>9007 - DoNotCall (2) must be 0 or 1 for xml lead-&gt;email (claude@sage.com) </error></errors></response>',
		});
		const result = await sync();
		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe('9017: Update Lead contain error');
		expect(result.nodeError?.description).toBe(
			[
				'9006 - Score (x) must be a valid integer for xml lead->email (claude@sage.com)',
				'9007 - DoNotCall (2) must be 0 or 1 for xml lead->email (claude@sage.com)',
				`What to do (9017): ${PUBLITRAC_ERROR_HINTS['9017']}`,
				`What to do (9006): ${PUBLITRAC_ERROR_HINTS['9006']}`,
				`What to do (9007): ${PUBLITRAC_ERROR_HINTS['9007']}`,
			].join('\n'),
		);
		expect((result.nodeError as unknown as { httpCode?: string }).httpCode).toBe('200');
	});

	it('an <errors> element fails the call even with a success status', async () => {
		server.injectFault({ kind: 'status', status: 200, body: '<response><status>2006</status><message>Partly done</message><errors><error>9008 - Unsupported tag</error></errors></response>' });
		const result = await sync();
		expect(result.nodeError?.message).toBe('2006: Partly done');
		expect(result.nodeError?.description).toBe(`9008 - Unsupported tag\nWhat to do (9008): ${PUBLITRAC_ERROR_HINTS['9008']}`);
	});

	it('a refused login is a NodeApiError, with no secret in it', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'getLead',
			parameters: { email: 'claude@sage.com' },
			credentials: server.credentials({ password: 'Wr0ng&Pass<word>' }),
		});
		expect(result.nodeError?.message).toBe('9000: Authentication failed: invalid API key, username or password.');
		const everything = JSON.stringify(result.run) + JSON.stringify({ message: result.nodeError?.message, description: result.nodeError?.description });
		for (const secret of ['Wr0ng&Pass<word>', encodeURIComponent('Wr0ng&Pass<word>'), server.account.apiKey]) expect(everything).not.toContain(secret);
	});

	it('an error that echoes the request URL never shows the API key or password', async () => {
		server.injectFault({ kind: 'status', status: 200, body: `<response><status>9011</status><message>Invalid XML in apikey=${server.account.apiKey}&amp;password=${encodeURIComponent(server.account.password)}</message></response>` });
		const result = await sync();
		expect(result.nodeError?.message).toBe('9011: Invalid XML in apikey=[redacted]&password=[redacted]');
		const everything = JSON.stringify(result.run);
		expect(everything).not.toContain(server.account.apiKey);
		expect(everything).not.toContain(encodeURIComponent(server.account.password));
	});

	it('a malformed XML body and an HTML page are clear NodeApiErrors', async () => {
		server.injectFault({ kind: 'status', status: 200, body: '<response><status>2006</status><message>ok</message>' });
		const malformed = await sync();
		expect(malformed.nodeError?.name).toBe('NodeApiError');
		expect(malformed.nodeError?.message).toMatch(/^PUBLITRAC syncLead answered HTTP 200 with a body that is not valid XML/);

		server.injectFault({ kind: 'html', status: 502 });
		const html = await runPublitrac(server, { resource: 'history', operation: 'addWebVisitHistory', parameters: { email: 'claude@sage.com' } });
		expect(html.nodeError?.message).toMatch(/^502: PUBLITRAC addWebVisitHistory answered HTTP 502 with an HTML page/);

		server.injectFault({ kind: 'truncated', body: '<response><status>20' }, 5);
		const truncated = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'claude@sage.com' } });
		expect(truncated.nodeError?.name).toBe('NodeApiError');
	});

	it('a document with a DOCTYPE is refused, so no entity is expanded', async () => {
		server.injectFault({ kind: 'status', status: 200, body: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY boom "BOOM">]><response><status>2002</status><message>&boom;</message></response>' });
		const result = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'claude@sage.com' } });
		expect(result.nodeError?.message).toMatch(/DOCTYPE, which is refused/);
	});

	it('retries 429 (honouring Retry-After) and 5xx on a read, and a 429 on a write', async () => {
		server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 0 });
		server.injectFault({ kind: 'status', status: 503 });
		const read = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'claude@sage.com' } });
		expect(read.json).toEqual([expect.objectContaining({ email: 'claude@sage.com' })]);
		expect(server.calls('getLead')).toHaveLength(3);

		server.reset();
		server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 0 });
		const write = await runPublitrac(server, { resource: 'history', operation: 'addWebVisitHistory', parameters: { email: 'claude@sage.com' } });
		expect(write.json).toEqual([expect.objectContaining({ status: '3002' })]);
		expect(server.calls('addWebVisitHistory')).toHaveLength(2);
	});

	it('never resends a call that is not safe to repeat after a 5xx or a reset', async () => {
		const historyBefore = server.state.histories.length;
		server.injectFault({ kind: 'status', status: 500, body: 'Internal Server Error' });
		const failed = await runPublitrac(server, { resource: 'history', operation: 'addWebVisitHistory', parameters: { email: 'claude@sage.com' } });
		expect(server.calls('addWebVisitHistory')).toHaveLength(1);
		expect(failed.nodeError?.message).toMatch(/^500: PUBLITRAC addWebVisitHistory answered HTTP 500/);

		server.reset();
		server.injectFault({ kind: 'reset' });
		const reset = await runPublitrac(server, { resource: 'campaign', operation: 'executeCampaign', parameters: { campaigns: ['Webinar'], email: 'claude@sage.com' } });
		expect(server.calls('executeCampaign')).toHaveLength(1);
		expect(reset.nodeError?.description).toMatch(/not sent again/);
		expect(server.state.histories.length).toBe(historyBefore);
	});

	it('XML special characters and non-ASCII text reach the server unchanged and come back unchanged', async () => {
		const tricky = { firstName: 'Zoë 😀', lastName: 'A&B <c> "d" \'e\' ]]> f', notes: '  spaced  \n second line ' };
		const synced = await sync('tricky@example.com', { additionalFields: tricky, customFields: { field: [{ name: 'Remark', value: '<![CDATA[x]]> & é' }] } });
		expect(synced.nodeError).toBeUndefined();
		expect(server.state.leads.get('tricky@example.com')).toMatchObject({ ...tricky, Remark: '<![CDATA[x]]> & é' });
		const read = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'tricky@example.com' } });
		expect(read.json[0]).toMatchObject({ ...tricky, Remark: '<![CDATA[x]]> & é' });
		const searched = await runPublitrac(server, {
			resource: 'lead',
			operation: 'getLeads',
			parameters: { conditions: { condition: [{ field: 'lastName', operator: 'like', value: 'A&B <c>%' }] }, returnAll: true },
		});
		expect(searched.json.map((lead) => lead.email)).toEqual(['tricky@example.com']);
	});
});
