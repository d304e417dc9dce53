import { startPublitracServer, trackingCookie } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { runPublitrac } from './run';

/** An error item's details start with PUBLITRAC's own error line; hints ("What to do (90xx): …") follow it. */
const firstLine = (json: Record<string, unknown>) => ('details' in json ? { ...json, details: String(json.details).split('\n')[0] } : json);

// The lead methods PUBLITRAC names only in its status tables, sent as vendor-apis.md › Decisions settle them.
describe('PUBLITRAC lead methods of the status tables (getLeadByTokenId, addLead, updateLead, deleteLead)', () => {
	let server: PublitracServer;

	beforeEach(async () => {
		server = await startPublitracServer();
	});
	afterEach(async () => await server.close());

	it('Get by Tracking Token: a GET with tokenId finds the tracked visitor, one result per item, paired', async () => {
		const cookie = trackingCookie('publipage.com', '1282527313351-84730');
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'getLeadByTokenId',
			parameters: { trackingCookie: '={{ $json.cookie }}', simplify: true },
			input: [{ cookie }, { cookie: ` ${cookie} ` }],
		});
		expect(result.nodeError).toBeUndefined();
		expect(result.json.map((lead) => [lead.email, lead.token])).toEqual([
			['johnsmith@publipage.com', cookie],
			['johnsmith@publipage.com', cookie],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(server.requests.map((request) => [request.method, server.methodOf(request), request.query.get('tokenId')])).toEqual([
			['GET', 'getLeadByTokenId', cookie],
			['GET', 'getLeadByTokenId', cookie],
		]);
	});

	it('Get by Tracking Token: 9015 answers are NodeApiErrors with every line; under Continue On Fail one error item each', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'getLeadByTokenId',
			parameters: { trackingCookie: '={{ $json.cookie }}' },
			input: [{ cookie: '_nl-publitrac.com-1111111111111-11111' }, { cookie: 'not-a-cookie' }, { cookie: '' }, { cookie: 'has space' }],
			continueOnFail: true,
		});
		expect(result.json.map(firstLine)).toEqual([
			{ error: '9015: getLeadByTokenId failed.', details: '9005 - lead not found' },
			{ error: '9015: getLeadByTokenId failed.', details: 'Tok Id is invalid' },
			{ error: 'Tracking Token: is required (item 2)' },
			{ error: 'Tracking Token: "has space" contains spaces: a tracking token has none (item 3)' },
		]);
		expect(String(result.json[1].details)).toContain('What to do (9015)');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(server.requests).toHaveLength(2);
	});

	it('Create (addLead) posts <request><lead> without syncLead options; success 2003; an existing email is 9016/9004', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'addLead',
			parameters: {
				email: '={{ $json.email }}',
				additionalFields: { firstName: '={{ $json.first }}', score: 7, doNotCall: '1', dateOfBirth: '1990-04-25T00:00:00' },
				customFields: { field: [{ name: 'carColor', value: 'red' }] },
			},
			input: [
				{ email: 'new.lead@example.com', first: 'Zoé' },
				{ email: 'johnsmith@publipage.com', first: 'Again' },
			],
			continueOnFail: true,
		});
		expect(result.json.map(firstLine)).toEqual([
			{ email: 'new.lead@example.com', status: '2003', message: 'Create new lead success.' },
			{
				error: '9016: Create new lead have errors.',
				details: '9004 - Lead with email address johnsmith@publipage.com already exists, please use the updateLead() call.',
			},
		]);
		const [first] = server.calls('addLead');
		expect(first.method).toBe('POST');
		expect([...new URLSearchParams(first.body).keys()]).toEqual(['query']);
		expect(server.queryOf(first)).toEqual({
			lead: { firstName: 'Zoé', dateOfBirth: '1990-04-25', score: '7', doNotCall: '1', email: 'new.lead@example.com', customFields: { carColor: 'red' } },
		});
		expect(server.state.leads.get('new.lead@example.com')).toMatchObject({ firstName: 'Zoé', carColor: 'red', score: '7' });
		expect(server.state.leads.get('johnsmith@publipage.com')?.firstName).toBe('John');
	});

	it('Create is never resent after an unsure failure (it may have created the lead); Update is', async () => {
		server.injectFault({ kind: 'reset' });
		const created = await runPublitrac(server, { resource: 'lead', operation: 'addLead', parameters: { email: 'once@example.com' } });
		expect(created.nodeError?.message).toMatch(/Could not reach PUBLITRAC/);
		expect(server.calls('addLead')).toHaveLength(1);

		server.injectFault({ kind: 'reset' });
		const updated = await runPublitrac(server, { resource: 'lead', operation: 'updateLead', parameters: { email: 'claude@sage.com', additionalFields: { city: 'Lyon' } } });
		expect(updated.nodeError).toBeUndefined();
		expect(server.calls('updateLead')).toHaveLength(2);
		expect(server.state.leads.get('claude@sage.com')?.city).toBe('Lyon');
	});

	it('Update (updateLead) changes an existing lead (2004); an unknown email is 9017/9005 and creates nothing', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'updateLead',
			parameters: { email: '={{ $json.email }}', additionalFields: { city: 'Montréal', unsubscribed: '1' } },
			input: [{ email: 'helene@exemple.ca' }, { email: 'nobody@example.com' }],
			continueOnFail: true,
		});
		expect(result.json.map(firstLine)).toEqual([
			{ email: 'helene@exemple.ca', status: '2004', message: 'Leads updated successfully.' },
			{ error: '9017: Update Lead contain error', details: '9005 - Lead (nobody@example.com) does not exist.' },
		]);
		expect(server.queryOf(server.calls('updateLead')[0])).toEqual({ lead: { city: 'Montréal', unsubscribed: '1', email: 'helene@exemple.ca' } });
		expect(server.state.leads.get('helene@exemple.ca')).toMatchObject({ city: 'Montréal', unsubscribed: '1', firstName: 'Hélène' });
		expect(server.state.leads.has('nobody@example.com')).toBe(false);
	});

	it('bad input is refused before anything is sent, naming the field and the item', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'updateLead',
			parameters: { email: 'claude@sage.com', additionalFields: { score: '={{ "lots" }}' } },
		});
		expect(result.nodeError?.message).toBe('Additional Fields > Score: must be a whole number, got "lots" (item 0)');
		expect(server.requests).toHaveLength(0);
	});

	it('Delete (deleteLead) posts the email; success 2005; an unknown email is 9005', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'deleteLead',
			parameters: { email: '={{ $json.email }}' },
			input: [{ email: 'claude@sage.com' }, { email: 'claude@sage.com' }],
			continueOnFail: true,
		});
		expect(result.json.map(firstLine)).toEqual([
			{ email: 'claude@sage.com', deleted: true, status: '2005', message: 'Lead deleted successfully.' },
			{ error: '9005: Lead does not exist.', details: '9005 - Lead (claude@sage.com) does not exist.' },
		]);
		const [call] = server.calls('deleteLead');
		expect(call.method).toBe('POST');
		expect(new URLSearchParams(call.body).get('email')).toBe('claude@sage.com');
		expect(server.state.leads.has('claude@sage.com')).toBe(false);
	});

	it('Delete is not resent after an unsure failure unless asked; when asked, a retry that finds no lead counts as deleted', async () => {
		server.injectFault({ kind: 'reset' });
		const unsure = await runPublitrac(server, { resource: 'lead', operation: 'deleteLead', parameters: { email: 'claude@sage.com' } });
		expect(unsure.nodeError?.message).toMatch(/Could not reach PUBLITRAC/);
		expect(server.calls('deleteLead')).toHaveLength(1);

		// The first try deletes the lead but its answer is lost; the retry finds nothing to delete.
		server.reset();
		server.state.leads.delete('claude@sage.com');
		server.injectFault({ kind: 'reset' });
		const retried = await runPublitrac(server, { resource: 'lead', operation: 'deleteLead', parameters: { email: 'claude@sage.com', options: { retryIfUnsure: true } } });
		expect(retried.nodeError).toBeUndefined();
		expect(retried.json).toEqual([{ email: 'claude@sage.com', deleted: true, status: '9005', message: 'Deleted by an earlier try of this call' }]);
		expect(server.calls('deleteLead')).toHaveLength(2);
	});

	it('the local server knows these methods strictly: a parameter they do not take is refused', async () => {
		const url = new URL(server.credentials().customUrl);
		for (const [key, value] of Object.entries({ method: 'getLeadByTokenId', apikey: server.account.apiKey, username: server.account.username, password: server.account.password })) {
			url.searchParams.set(key, value);
		}
		url.searchParams.set('tokenId', '_nl-publipage.com-1282527313351-84730');
		url.searchParams.set('email', 'johnsmith@publipage.com');
		const response = await fetch(url);
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Unexpected parameter(s) for getLeadByTokenId: email.');
	});
});
