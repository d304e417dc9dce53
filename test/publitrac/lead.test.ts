import { startPublitracServer, trackingCookie } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { runPublitrac } from './run';

describe('PUBLITRAC lead operations, through the engine', () => {
	let server: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer({ extraLeads: 230 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('getLeads sends the conditions as <queries> XML on a GET with auth in the query string', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'getLeads',
			parameters: {
				conditions: { condition: [{ field: 'firstName', operator: 'like', value: 'john' }, { field: 'email', operator: 'like', value: 'johnsmith@%' }] },
				returnAll: true,
			},
		});
		expect(result.nodeError).toBeUndefined();
		expect(result.json.map((lead) => lead.email)).toEqual(['johnsmith@publipage.com', 'johnsmith@publitrac.com']);
		const [request] = server.requests;
		expect(request.method).toBe('GET');
		expect(request.query.get('method')).toBe('getLeads');
		expect(request.query.get('apikey')).toBe(server.account.apiKey);
		expect(request.query.get('apiKey')).toBe(server.account.apiKey);
		expect(request.query.get('username')).toBe(server.account.username);
		expect(request.query.get('password')).toBe(server.account.password);
		expect(request.query.get('page')).toBe('1');
		expect(server.queryOf(request)).toEqual({
			queries: {
				query: [
					{ field: 'firstName', operator: 'like', value: 'john' },
					{ field: 'email', operator: 'like', value: 'johnsmith@%' },
				],
			},
		});
		// Custom fields come back as ordinary lead properties, values as strings.
		expect(result.json[0]).toMatchObject({ id: '470', someCustomField: 'my custom field', score: '80', doNotCall: '0', middleName: '' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('getLeads with no condition sends an empty <queries/> and Return All walks every page', async () => {
		const result = await runPublitrac(server, { resource: 'lead', operation: 'getLeads', parameters: { returnAll: true } });
		expect(result.json).toHaveLength(server.state.leads.size);
		expect(server.calls('getLeads').map((request) => request.query.get('page'))).toEqual(['1', '2', '3']);
		expect(server.queryOf(server.requests[0])).toEqual({ queries: '' });
		expect(new Set(result.json.map((lead) => lead.email)).size).toBe(server.state.leads.size);
	});

	it('getLeads with a Limit asks for no more pages than needed', async () => {
		const result = await runPublitrac(server, { resource: 'lead', operation: 'getLeads', parameters: { returnAll: false, limit: 120 } });
		expect(result.json).toHaveLength(120);
		expect(server.calls('getLeads')).toHaveLength(2);
		const small = await runPublitrac(server, { resource: 'lead', operation: 'getLeads', parameters: { returnAll: false, limit: 5 } });
		expect(small.json).toHaveLength(5);
		expect(server.calls('getLeads')).toHaveLength(3);
	});

	it('getLeads on a custom field, and Simplify drops the empty fields', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'getLeads',
			parameters: { conditions: { condition: [{ field: '__custom', customField: 'GamePreferences', operator: 'like', value: 'strat%' }] }, returnAll: true, simplify: true },
		});
		expect(result.json).toEqual([
			expect.objectContaining({ email: 'jcarmack@idsoftware.ca', GamePreferences: 'Strategy', GamePlayed: '23' }),
		]);
		expect(result.json[0]).not.toHaveProperty('middleName');
	});

	it('getLead and getLeadByExternalId return the lead, one output item per input item', async () => {
		const byEmail = await runPublitrac(server, {
			resource: 'lead',
			operation: 'getLead',
			parameters: { email: '={{ $json.email }}' },
			input: [{ email: 'johnsmith@publitrac.com' }, { email: 'helene@exemple.ca' }],
		});
		expect(byEmail.json.map((lead) => lead.lastName)).toEqual(['Smith', 'Côté']);
		expect(byEmail.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(server.calls('getLead').map((request) => request.query.get('email'))).toEqual(['johnsmith@publitrac.com', 'helene@exemple.ca']);

		const byExternalId = await runPublitrac(server, { resource: 'lead', operation: 'getLeadByExternalId', parameters: { externalId: '123ABC' } });
		expect(byExternalId.json).toEqual([expect.objectContaining({ email: 'johnsmith@publitrac.com', crmLeadId: '123ABC' })]);
		expect(server.calls('getLeadByExternalId')[0].query.get('externalId')).toBe('123ABC');
	});

	it('getLead of an unknown email is a NodeApiError with the vendor code and its error line', async () => {
		const result = await runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: 'nobody@nowhere.example' } });
		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe('9005: Lead does not exist.');
		expect(result.nodeError?.description).toMatch(/^9005 - Lead \(nobody@nowhere\.example\) does not exist\.\nWhat to do \(9005\): /);
	});

	it('syncLead POSTs one <lead> as a form body: typed fields, custom fields, flags', async () => {
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'syncLead',
			parameters: {
				email: 'new.lead@acme.example',
				additionalFields: { firstName: 'Zoë', lastName: "O'Brien & <Sons>", score: 90, doNotCall: '1', dateOfBirth: '1980-02-29T00:00:00', crmLeadId: 'CRM_ID134', country: 'USA' },
				customFields: { field: [{ name: 'carColor', value: 'Red' }, { name: 'carMaker', value: 'Infiniti 🚗' }] },
				options: { customUnicityKeys: 'email, crmLeadId' },
			},
		});
		expect(result.nodeError).toBeUndefined();
		expect(result.json).toEqual([{ email: 'new.lead@acme.example', status: '2006', message: 'Leads synchronization successfull.' }]);
		const [request] = server.calls('syncLead');
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect([...request.query.keys()].sort()).toEqual(['apiKey', 'apikey', 'method', 'password', 'username']);
		expect(new URLSearchParams(request.body).get('query')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><request>/);
		expect(server.queryOf(request)).toEqual({
			customUnicityKeys: 'email,crmLeadId',
			lead: {
				crmLeadId: 'CRM_ID134',
				firstName: 'Zoë',
				lastName: "O'Brien & <Sons>",
				dateOfBirth: '1980-02-29',
				score: '90',
				country: 'USA',
				doNotCall: '1',
				email: 'new.lead@acme.example',
				customFields: { carColor: 'Red', carMaker: 'Infiniti 🚗' },
			},
		});
		expect(server.state.leads.get('new.lead@acme.example')).toMatchObject({ lastName: "O'Brien & <Sons>", carMaker: 'Infiniti 🚗', doNotCall: '1' });
	});

	it('syncLead sends useToken and mergeAnonymous as true only when set, and updates the lead found by token', async () => {
		const cookie = trackingCookie('publipage.com', '1282527313351-84730');
		const result = await runPublitrac(server, {
			resource: 'lead',
			operation: 'syncLead',
			parameters: { email: 'john.new@publipage.com', additionalFields: { token: cookie, jobTitle: 'CTO' }, options: { useToken: true, mergeAnonymous: true } },
		});
		expect(result.nodeError).toBeUndefined();
		const query = server.queryOf(server.calls('syncLead')[0]);
		expect(query).toMatchObject({ useToken: 'true', mergeAnonymous: 'true' });
		expect(server.state.leads.get('john.new@publipage.com')).toMatchObject({ id: '470', jobTitle: 'CTO' });

		server.reset();
		await runPublitrac(server, { resource: 'lead', operation: 'syncLead', parameters: { email: 'plain@acme.example' } });
		expect(Object.keys(server.queryOf(server.calls('syncLead')[0]))).toEqual(['lead']);
	});

	it('removeLeadFromList posts the list and the lead', async () => {
		server.state.lists.set('Newsletter', new Set(['claude@sage.com', 'helene@exemple.ca']));
		const result = await runPublitrac(server, { resource: 'lead', operation: 'removeLeadFromList', parameters: { email: 'claude@sage.com', listName: 'Newsletter' } });
		expect(result.json).toEqual([{ email: 'claude@sage.com', listName: 'Newsletter', status: '2008', message: 'Remove lead from list success.' }]);
		expect(server.queryOf(server.requests[0])).toEqual({ list: { name: 'Newsletter' }, leads: { lead: [{ email: 'claude@sage.com' }] } });
		expect([...(server.state.lists.get('Newsletter') ?? [])]).toEqual(['helene@exemple.ca']);
	});
});
