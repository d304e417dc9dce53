import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { nodeType, runNode, runWorkflow } from '../engine/runner';
import type { WorkflowJson } from '../engine/runner';
import { startJtelServer } from '../servers/jtel';
import type { JtelServer } from '../servers/jtel';

const JTEL = nodeType('jtelDialler');
const BEARER_VALUE = 'jtel-Secret+Token/42==';
const CLIENTS_ID = '1001';

const byList = (value: string) => ({ __rl: true, mode: 'list', value });
const byName = (value: string) => ({ __rl: true, mode: 'name', value });

describe('jtel ACD Dialler node, through the engine against a local jtel server', () => {
	let server: JtelServer;

	beforeEach(async () => {
		server = await startJtelServer({ clientsId: CLIENTS_ID, token: BEARER_VALUE });
	});
	afterEach(async () => await server.close());

	const run = (
		parameters: INodeParameters,
		options: { input?: IDataObject[]; continueOnFail?: boolean; credentials?: IDataObject } = {},
	) =>
		runNode({
			type: JTEL,
			parameters,
			credentials: { jtelApi: { ...server.credentials(), ...options.credentials } },
			input: options.input,
			continueOnFail: options.continueOnFail,
		});

	const importParameters = (overrides: INodeParameters = {}): INodeParameters => ({
		resource: 'contact',
		operation: 'import',
		campaign: byList('538'),
		name: 'Mustermann',
		phoneNumber1: '+49 89 1234567',
		...overrides,
	});

	/** Everything a failed run exposes, to look for secrets in. */
	const everything = (result: Awaited<ReturnType<typeof run>>) =>
		JSON.stringify({ run: result.run, message: result.nodeError?.message, description: result.nodeError?.description, items: result.items });

	describe('contact: import', () => {
		it('posts the contact as JSON to /rest/v1.0/{ClientsID}/dialler/contacts/import with the bearer token', async () => {
			const result = await run(importParameters({ additionalFields: { firstName: 'Max', company: 'Musterfirma GmbH', amount: 12.5 } }));
			expect(result.nodeError).toBeUndefined();
			expect(server.requests).toHaveLength(1);
			const [request] = server.requests;
			expect(request.method).toBe('POST');
			expect(request.path).toBe(`/rest/v1.0/${CLIENTS_ID}/dialler/contacts/import`);
			expect(request.query.get('overwriteDuplicates')).toBe('false');
			expect(request.headers.authorization).toBe(`Bearer ${BEARER_VALUE}`);
			expect(request.headers['content-type']).toMatch(/^application\/json/);
			expect(JSON.parse(request.body)).toEqual({
				DiallerCampaignsID: 538,
				Name: 'Mustermann',
				PhoneNumber1: '+49 89 1234567',
				FirstName: 'Max',
				Company: 'Musterfirma GmbH',
				Amount: 12.5,
			});
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({ ID: server.contacts[0].ID, DiallerCampaignsID: 538, Name: 'Mustermann', nTriesPhoneNumber1: 0, dtNextTry: null });
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		});

		it('imports by campaign name, keeping special characters intact, and can simplify the output', async () => {
			const result = await run(
				importParameters({
					campaign: byName('Renewals Q1 & Q2 "Süd"'),
					name: 'Müller-Lüdenscheidt & Söhne "GmbH" 🚀',
					additionalFields: { comment: 'Line 1\nLine 2 <b>&amp;</b> ?x=1&y=2', phoneNumber3: '(030) 123-456/7' },
					simplify: true,
				}),
			);
			expect(result.nodeError).toBeUndefined();
			const body = JSON.parse(server.requests[0].body) as IDataObject;
			expect(body).toEqual({
				DiallerCampaignsName: 'Renewals Q1 & Q2 "Süd"',
				Name: 'Müller-Lüdenscheidt & Söhne "GmbH" 🚀',
				PhoneNumber1: '+49 89 1234567',
				PhoneNumber3: '(030) 123-456/7',
				Comment: 'Line 1\nLine 2 <b>&amp;</b> ?x=1&y=2',
			});
			expect(result.items[0].json).toEqual({
				ID: server.contacts[0].ID,
				ClientsID: 1001,
				DiallerCampaignsID: 540,
				Name: 'Müller-Lüdenscheidt & Söhne "GmbH" 🚀',
				PhoneNumber1: '+49 89 1234567',
				PhoneNumber3: '(030) 123-456/7',
				Comment: 'Line 1\nLine 2 <b>&amp;</b> ?x=1&y=2',
				nTriesPhoneNumber1: 0,
				nTriesPhoneNumber2: 0,
				nTriesPhoneNumber3: 0,
				nTriesPhoneNumber4: 0,
				nTriesPhoneNumber5: 0,
				nTriesPhoneNumber6: 0,
			});
		});

		/** Start → jtel import in a workflow whose time zone is Europe/Berlin. */
		const importInBerlin = (additionalFields: INodeParameters) => {
			const workflow: WorkflowJson = {
				nodes: [
					{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{
						id: 'j',
						name: 'jtel',
						type: JTEL,
						typeVersion: 1,
						position: [200, 0],
						parameters: importParameters({ additionalFields }),
						credentials: { jtelApi: { id: 'x', name: 'x' } },
					},
				],
				connections: { Start: { main: [[{ node: 'jtel', type: 'main', index: 0 }]] } },
				settings: { timezone: 'Europe/Berlin' },
			};
			return runWorkflow(workflow, { credentials: { jtelApi: server.credentials() } });
		};

		it('sends every date as YYYY-MM-DDTHH:MM:SS whatever the user typed, converting zoned values to the workflow time zone', async () => {
			const result = await importInBerlin({
				dtBeginDate: '2026-03-01 09:30',
				dtEndDate: '31.03.2026',
				followUpDateTime: '2026-03-02T08:15:00.000Z',
			});
			expect(result.error).toBeUndefined();
			expect(JSON.parse(server.requests[0].body)).toMatchObject({
				dtBeginDate: '2026-03-01T09:30:00',
				dtEndDate: '2026-03-31T00:00:00',
				FollowUpDateTime: '2026-03-02T09:15:00',
			});
			expect(result.output('jtel')[0].json).toMatchObject({ dtBeginDate: '2026-03-01T09:30:00', FollowUpDateTime: '2026-03-02T09:15:00' });
		});

		it('formats n8n date values from expressions (Luxon DateTime, offsets) the same way', async () => {
			const result = await importInBerlin({
				dtBeginDate: "={{ DateTime.fromISO('2026-07-01T10:00:00', { zone: 'UTC' }) }}",
				dtEndDate: '2026-07-31T23:59:59-05:00',
			});
			expect(result.error).toBeUndefined();
			expect(JSON.parse(server.requests[0].body)).toMatchObject({ dtBeginDate: '2026-07-01T12:00:00', dtEndDate: '2026-08-01T06:59:59' });
		});

		it('with Overwrite Duplicates, updates the contact whose UserData matches instead of creating another', async () => {
			const first = await run(importParameters({ overwriteDuplicates: true, additionalFields: { userData: 'crm-42', tag: 'old' } }));
			const second = await run(importParameters({ overwriteDuplicates: true, name: 'Mustermann-Neu', additionalFields: { userData: 'crm-42', tag: 'new' } }));
			expect(server.requests.map((request) => request.query.get('overwriteDuplicates'))).toEqual(['true', 'true']);
			expect(server.contacts).toHaveLength(1);
			expect(second.items[0].json.ID).toBe(first.items[0].json.ID);
			expect(second.items[0].json).toMatchObject({ Name: 'Mustermann-Neu', Tag: 'new', UserData: 'crm-42' });
		});

		it('without Overwrite Duplicates, creates a new contact even when UserData matches', async () => {
			await run(importParameters({ additionalFields: { userData: 'crm-42' } }));
			await run(importParameters({ additionalFields: { userData: 'crm-42' } }));
			expect(server.contacts).toHaveLength(2);
			expect(server.contacts[0].ID).not.toBe(server.contacts[1].ID);
		});

		it('imports one contact per input item, each paired with its item, from expressions', async () => {
			const result = await run(importParameters({ name: '={{ $json.last }}', phoneNumber1: '={{ $json.phone }}' }), {
				input: [
					{ last: 'Eins', phone: '+49 1' + '11' },
					{ last: 'Zwei', phone: '0221 222' },
					{ last: 'Drei', phone: '0331-333' },
				],
			});
			expect(result.nodeError).toBeUndefined();
			expect(result.items.map((item) => [item.json.Name, item.pairedItem])).toEqual([
				['Eins', { item: 0 }],
				['Zwei', { item: 1 }],
				['Drei', { item: 2 }],
			]);
			expect(server.requests).toHaveLength(3);
		});
	});

	describe('bad input is refused before any request, naming the field and the item', () => {
		const cases: Array<[string, INodeParameters, RegExp]> = [
			['no phone number', importParameters({ phoneNumber1: '' }), /^Phone Number 1: no phone number given \(item 0\)/],
			['a blank name', importParameters({ name: '   ' }), /^Name: is empty \(item 0\)/],
			// n8n itself refuses an empty or malformed fixed value; an expression can still produce one.
			['no campaign', importParameters({ campaign: byList('={{ "" }}') }), /^Campaign: is empty \(item 0\)/],
			['no campaign name', importParameters({ campaign: byName(' ') }), /^Campaign: is empty \(item 0\)/],
			['a campaign ID that is not a number', importParameters({ campaign: { __rl: true, mode: 'id', value: '={{ "abc" }}' } }), /^Campaign: "abc" is not an ID: it must be a whole number of 1 or more/],
			['a phone number with letters', importParameters({ phoneNumber1: '+49 89 CALL-ME' }), /^Phone Number 1: "\+49 89 CALL-ME" contains letters \(item 0\)/],
			['an extra phone number with letters', importParameters({ additionalFields: { phoneNumber4: '0800 FLOWERS' } }), /^Phone Number 4: "0800 FLOWERS" contains letters/],
			['a phone number of symbols', importParameters({ phoneNumber1: '+#*' }), /^Phone Number 1: "\+#\*" is not a phone number/],
			['a date that does not exist', importParameters({ additionalFields: { dtBeginDate: '2026-02-30T10:00:00' } }), /^Begin Date: "2026-02-30T10:00:00" is not a date and time \(item 0\)/],
			['a date that does not parse', importParameters({ additionalFields: { followUpDateTime: 'next tuesday' } }), /^Follow Up Date Time: "next tuesday" is not a date and time/],
			['an hour out of range', importParameters({ additionalFields: { dtEndDate: '2026-03-01 24:30' } }), /^End Date: "2026-03-01 24:30" is not a date and time/],
			['an end before the beginning', importParameters({ additionalFields: { dtBeginDate: '2026-03-10', dtEndDate: '2026-03-01' } }), /^End Date: 2026-03-01T00:00:00 is before Begin Date 2026-03-10T00:00:00/],
			['a contact ID that is not a number', { resource: 'contact', operation: 'get', contactId: '12; DROP' }, /^Contact ID: "12; DROP" is not an ID: it must be a whole number of 1 or more/],
			['an empty UserData to delete by', { resource: 'contact', operation: 'deleteByUserData', userData: ' ' }, /^User Data: is empty \(item 0\)/],
		];
		it.each(cases)('%s', async (_label, parameters, message) => {
			const result = await run(parameters);
			expect(result.nodeError?.message).toMatch(message);
			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(server.requests).toHaveLength(0);
		});

		it('names the item that failed and, under Continue On Fail, lets the others through', async () => {
			const result = await run(importParameters({ phoneNumber1: '={{ $json.phone }}' }), {
				input: [{ phone: '+49 1' }, { phone: 'ring ring' }, { phone: '+49 3' }],
				continueOnFail: true,
			});
			expect(result.nodeError).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(result.items[1].json.error).toBe('Phone Number 1: "ring ring" contains letters (item 1)');
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(server.requests).toHaveLength(2);
			expect(server.contacts.map((contact) => contact.PhoneNumber1)).toEqual(['+49 1', '+49 3']);
		});

		it('refuses a base URL that is not http(s)', async () => {
			const result = await run(importParameters(), { credentials: { baseUrl: 'acd.example.com:8443' } });
			expect(result.nodeError?.message).toMatch(/^Base URL: "acd.example.com:8443" is not an http\(s\) URL/);
			expect(server.requests).toHaveLength(0);
		});
	});

	describe('contact: get, get many, delete', () => {
		beforeEach(async () => {
			await run(importParameters({ name: 'A', additionalFields: { userData: 'dup' } }));
			await run(importParameters({ name: 'B', campaign: byList('539'), additionalFields: { userData: 'dup' } }));
			await run(importParameters({ name: 'C', campaign: byList('539') }));
			server.reset();
		});

		it('gets a contact by ID', async () => {
			const id = server.contacts[1].ID as number;
			const result = await run({ resource: 'contact', operation: 'get', contactId: String(id) });
			expect(server.requests[0].method).toBe('GET');
			expect(server.requests[0].path).toBe(`/rest/v1.0/${CLIENTS_ID}/dialler/contacts/${id}`);
			expect(result.items.map((item) => item.json.Name)).toEqual(['B']);
		});

		it('reports a missing contact with jtel\'s 404 message', async () => {
			const result = await run({ resource: 'contact', operation: 'get', contactId: '999999' });
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe('404: Dialler contact not found');
			expect(server.requests).toHaveLength(1);
		});

		it('gets many contacts: Limit applied by the node, Return All, and a campaign filter', async () => {
			const limited = await run({ resource: 'contact', operation: 'getAll', limit: 2 });
			expect(limited.items.map((item) => item.json.Name)).toEqual(['A', 'B']);
			expect(server.requests[0].path).toBe(`/rest/v1.0/${CLIENTS_ID}/dialler/contacts`);
			expect([...server.requests[0].query.keys()]).toEqual([]);

			const all = await run({ resource: 'contact', operation: 'getAll', returnAll: true });
			expect(all.items.map((item) => item.json.Name)).toEqual(['A', 'B', 'C']);
			expect(all.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);

			const filtered = await run({ resource: 'contact', operation: 'getAll', returnAll: true, filters: { campaignId: '539' }, simplify: true });
			expect(server.requests[2].query.get('diallerCampaignsID')).toBe('539');
			expect(filtered.items.map((item) => item.json.Name)).toEqual(['B', 'C']);
			expect(Object.values(filtered.items[0].json)).not.toContain(null);
		});

		it('deletes a contact by ID', async () => {
			const id = server.contacts[0].ID as number;
			const result = await run({ resource: 'contact', operation: 'delete', contactId: String(id) });
			expect(server.requests[0].method).toBe('DELETE');
			expect(server.requests[0].path).toBe(`/rest/v1.0/${CLIENTS_ID}/dialler/contacts/contact/${id}`);
			expect(result.items[0].json).toEqual({ deleted: true, DiallerContactsID: id, status: 200 });
			expect(server.contacts.map((contact) => contact.Name)).toEqual(['B', 'C']);
		});

		it('deletes only the first contact whose UserData matches', async () => {
			const result = await run({ resource: 'contact', operation: 'deleteByUserData', userData: 'dup' });
			expect(server.requests[0].method).toBe('DELETE');
			expect(server.requests[0].path).toBe(`/rest/v1.0/${CLIENTS_ID}/dialler/contacts/contact`);
			expect(server.requests[0].query.get('userData')).toBe('dup');
			expect(result.items[0].json).toEqual({ deleted: true, UserData: 'dup', status: 200 });
			expect(server.contacts.map((contact) => contact.Name)).toEqual(['B', 'C']);
		});

		it('sends UserData with special characters intact', async () => {
			await run(importParameters({ additionalFields: { userData: 'a&b=c ü/#?+' } }));
			server.reset();
			const result = await run({ resource: 'contact', operation: 'deleteByUserData', userData: 'a&b=c ü/#?+' });
			expect(result.nodeError).toBeUndefined();
			expect(server.requests[0].query.get('userData')).toBe('a&b=c ü/#?+');
			expect(server.contacts.some((contact) => contact.UserData === 'a&b=c ü/#?+')).toBe(false);
		});

		it('never retries a delete by UserData (a resend would delete the next match)', async () => {
			server.injectFault({ kind: 'status', status: 503, body: '{"status":503,"error":"busy"}' });
			const result = await run({ resource: 'contact', operation: 'deleteByUserData', userData: 'dup' });
			expect(server.requests).toHaveLength(1);
			expect(result.nodeError?.message).toBe('503: busy');
			expect(server.contacts).toHaveLength(3);
		});
	});

	describe('campaign: get, get many', () => {
		it('gets a campaign by ID', async () => {
			const result = await run({ resource: 'campaign', operation: 'get', campaign: byList('539') });
			expect(server.requests[0].path).toBe(`/rest/v1.0/${CLIENTS_ID}/dialler/campaigns/539`);
			expect(result.items.map((item) => item.json)).toEqual([{ ClientsID: 1001, ID: 539, Name: 'Spring Outreach', ContactPreviewTime: 15, nMaxParallelLines: 3 }]);
		});

		it('reports an unknown campaign with jtel\'s message', async () => {
			const result = await run({ resource: 'campaign', operation: 'get', campaign: { __rl: true, mode: 'id', value: '77' } });
			expect(result.nodeError?.message).toBe('404: Dialler campaign not found');
		});

		it('gets many campaigns with Limit and Return All', async () => {
			const limited = await run({ resource: 'campaign', operation: 'getAll', limit: 2 });
			expect(limited.items.map((item) => item.json.ID)).toEqual([538, 539]);
			const all = await run({ resource: 'campaign', operation: 'getAll', returnAll: true });
			expect(all.items.map((item) => item.json.ID)).toEqual([538, 539, 540]);
			expect(server.requests.map((request) => request.path)).toEqual([
				`/rest/v1.0/${CLIENTS_ID}/dialler/campaigns`,
				`/rest/v1.0/${CLIENTS_ID}/dialler/campaigns`,
			]);
		});

		it('accepts a base URL pasted with /rest/v1.0 and a trailing slash', async () => {
			const result = await run({ resource: 'campaign', operation: 'getAll', returnAll: true }, { credentials: { baseUrl: `${server.url}/rest/v1.0/` } });
			expect(result.nodeError).toBeUndefined();
			expect(server.requests[0].path).toBe(`/rest/v1.0/${CLIENTS_ID}/dialler/campaigns`);
		});
	});

	describe('return codes and faults', () => {
		it('401: a wrong token is reported with jtel\'s message and no token anywhere', async () => {
			const refusedBearerValue = 'wrong-Token/With+Chars';
			const result = await run(importParameters(), { credentials: { apiToken: refusedBearerValue } });
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe('401: Unauthorized');
			expect(result.nodeError?.description).toMatch(/token or the ClientsID/);
			expect(server.requests[0].headers.authorization).toBe(`Bearer ${refusedBearerValue}`);
			const text = everything(result);
			for (const secret of [refusedBearerValue, encodeURIComponent(refusedBearerValue), BEARER_VALUE]) expect(text).not.toContain(secret);
		});

		it('masks the token where jtel echoes it back in an error', async () => {
			server.injectFault({ kind: 'status', status: 400, body: JSON.stringify({ status: 400, error: `Bad header: Bearer ${BEARER_VALUE}` }) });
			const result = await run({ resource: 'campaign', operation: 'getAll' });
			expect(result.nodeError?.message).toBe('400: Bad header: Bearer [redacted]');
			expect(everything(result)).not.toContain(BEARER_VALUE);
		});

		it('401: a wrong ClientsID in the path', async () => {
			const result = await run({ resource: 'campaign', operation: 'getAll' }, { credentials: { clientsId: '9999' } });
			expect(server.requests[0].path).toBe('/rest/v1.0/9999/dialler/campaigns');
			expect(result.nodeError?.message).toBe('401: Unauthorized');
		});

		it('400 and 404 from jtel carry its own message', async () => {
			const unknownCampaign = await run(importParameters({ campaign: byName('No Such Campaign') }));
			expect(unknownCampaign.nodeError?.message).toBe('404: Dialler campaign not found');
			server.injectFault({ kind: 'status', status: 400, body: '{"status":400,"error":"Missing parameter: Name"}' });
			const badRequest = await run(importParameters());
			expect(badRequest.nodeError?.message).toBe('400: Missing parameter: Name');
			expect(badRequest.nodeError?.description).toMatch(/missing or invalid/);
		});

		it('404 with an empty body says the endpoint does not exist (wrong base URL or jtel version)', async () => {
			const result = await run({ resource: 'campaign', operation: 'getAll' }, { credentials: { baseUrl: `${server.url}/jtel` } });
			expect(server.requests[0].path).toBe(`/jtel/rest/v1.0/${CLIENTS_ID}/dialler/campaigns`);
			expect(result.nodeError?.message).toBe('404: jtel has no endpoint GET /rest/v1.0/{ClientsID}/dialler/campaigns');
			expect(result.nodeError?.description).toMatch(/check the Base URL/);
		});

		it('409 is reported, not retried, even on an import that would be safe to repeat', async () => {
			server.injectFault({ kind: 'status', status: 409, body: '{"status":409,"error":"Dialler contact already exists"}' });
			const result = await run(importParameters({ overwriteDuplicates: true, additionalFields: { userData: 'u-1' } }));
			expect(server.requests).toHaveLength(1);
			expect(result.nodeError?.message).toBe('409: Dialler contact already exists');
			expect(result.nodeError?.description).toMatch(/not repeated/);
		});

		it('500 on an import without Overwrite Duplicates is reported once, never resent', async () => {
			server.injectFault({ kind: 'status', status: 500, body: '{"status":500,"error":"Internal Server Error"}' }, 3);
			const result = await run(importParameters());
			expect(server.requests).toHaveLength(1);
			expect(result.nodeError?.message).toBe('500: Internal Server Error');
			expect(server.contacts).toHaveLength(0);
		});

		it('a reset connection on an import without Overwrite Duplicates is not resent', async () => {
			server.injectFault({ kind: 'reset' });
			const result = await run(importParameters());
			expect(server.requests).toHaveLength(1);
			expect(result.nodeError?.message).toMatch(/Could not reach jtel/);
			expect(result.nodeError?.description).toMatch(/not sent again/);
		});

		it('an overwriting import keyed by UserData is retried after a 503 or a reset (it cannot create a duplicate)', async () => {
			server.injectFault({ kind: 'status', status: 503, body: '' });
			server.injectFault({ kind: 'reset' });
			const result = await run(importParameters({ overwriteDuplicates: true, additionalFields: { userData: 'u-7' } }));
			expect(result.nodeError).toBeUndefined();
			expect(server.requests).toHaveLength(3);
			expect(server.contacts).toHaveLength(1);
		});

		it('an overwriting import without UserData is not retried (jtel would create a second contact)', async () => {
			server.injectFault({ kind: 'status', status: 502, body: '' });
			const result = await run(importParameters({ overwriteDuplicates: true }));
			expect(server.requests).toHaveLength(1);
			expect(result.nodeError?.message).toMatch(/^502: jtel answered HTTP 502/);
		});

		it('429 is retried, honouring Retry-After, even for a non-idempotent import', async () => {
			server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 1 });
			const result = await run(importParameters());
			expect(result.nodeError).toBeUndefined();
			expect(server.requests).toHaveLength(2);
			expect(server.requests[1].receivedAt - server.requests[0].receivedAt).toBeGreaterThanOrEqual(950);
			expect(server.contacts).toHaveLength(1);
		});

		it('reads are retried after 5xx and resets', async () => {
			server.injectFault({ kind: 'status', status: 500, body: '{"status":500,"error":"db"}' });
			server.injectFault({ kind: 'reset' });
			const result = await run({ resource: 'campaign', operation: 'getAll', returnAll: true });
			expect(result.nodeError).toBeUndefined();
			expect(server.requests).toHaveLength(3);
			expect(result.items).toHaveLength(3);
		});

		it('an HTML error page or a cut-off body is reported clearly', async () => {
			server.injectFault({ kind: 'html', status: 200 });
			const html = await run({ resource: 'contact', operation: 'getAll' });
			expect(html.nodeError?.message).toMatch(/jtel sent an HTML page instead of JSON/);
			server.injectFault({ kind: 'truncated', body: '{"records":[{"ID":1' }, 5);
			const truncated = await run({ resource: 'contact', operation: 'getAll' });
			expect(truncated.nodeError).toBeDefined();
		});

		it('under Continue On Fail, a vendor error becomes one error item for its own item', async () => {
			const result = await run(importParameters({ campaign: byName('={{ $json.campaign }}') }), {
				input: [{ campaign: 'My Campaign' }, { campaign: 'Unknown' }, { campaign: 'Spring Outreach' }],
				continueOnFail: true,
			});
			expect(result.nodeError).toBeUndefined();
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(result.items[0].json.DiallerCampaignsID).toBe(538);
			expect(result.items[1].json.error).toBe('404: Dialler campaign not found');
			expect(result.items[2].json.DiallerCampaignsID).toBe(539);
		});
	});
});
