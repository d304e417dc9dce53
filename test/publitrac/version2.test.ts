import type { INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { loadMapperFields, searchNodeList } from '../engine/pollRunner';
import { runNode } from '../engine/runner';
import { startPublitracServer, trackingCookie } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { PUBLITRAC } from './run';

describe('PUBLITRAC version 2: lead field mapping, list / view / form / campaign pickers', () => {
	let server: PublitracServer;
	const run = (resource: string, operation: string, parameters: INodeParameters, input: Array<Record<string, unknown>> = [{}], continueOnFail = false) =>
		runNode({
			type: PUBLITRAC,
			typeVersion: 2,
			parameters: { resource, operation, ...parameters },
			credentials: { publitracApi: server.credentials() },
			input: input as never,
			continueOnFail,
		});
	const harness = () => ({ type: PUBLITRAC, typeVersion: 2, parameters: {}, credentials: { publitracApi: server.credentials() } });
	const columns = (schema: ResourceMapperField[], value: Record<string, string | number | boolean> | null, extra: INodeParameters = {}): INodeParameters => ({
		mappingMode: 'defineBelow',
		value,
		matchingColumns: ['email'],
		schema: schema as unknown as INodeParameters[],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
		...extra,
	});

	beforeAll(async () => {
		server = await startPublitracServer({ extraCampaigns: 150 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('the lead mapper lists the native fields typed, and the custom fields found on the account\'s leads', async () => {
		const { fields } = await loadMapperFields({ ...harness(), method: 'getSyncLeadFields' });
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(byId.email).toMatchObject({ required: true, defaultMatch: true, canBeUsedToMatch: true });
		expect(byId.doNotCall).toMatchObject({ type: 'boolean' });
		expect(byId.score).toMatchObject({ type: 'number' });
		expect(byId.dateOfBirth).toMatchObject({ type: 'dateTime' });
		expect(fields.filter((field) => field.canBeUsedToMatch).map((field) => field.id)).toEqual(['email', 'token', 'crmLeadId']);
		// Custom fields are plain elements of the leads PUBLITRAC answers (someCustomField, GamePreferences, GamePlayed).
		expect(fields.filter((field) => field.id.startsWith('custom_')).map((field) => field.displayName)).toEqual([
			'GamePlayed (custom field)',
			'GamePreferences (custom field)',
			'someCustomField (custom field)',
		]);
		expect(server.requests.map((request) => server.methodOf(request))).toEqual(['getLeads']);
		expect(server.queryOf(server.requests[0])).toEqual({ queries: '' });
	});

	it('Sync sends the mapped lead: flags 0/1, numbers, dates, custom fields under <customFields>', async () => {
		const { fields } = await loadMapperFields({ ...harness(), method: 'getSyncLeadFields' });
		server.reset();
		const result = await run('lead', 'syncLead', {
			columns: columns(fields, {
				email: '={{ $json.email }}',
				firstName: '={{ $json.first }}',
				doNotCall: true,
				score: 42,
				dateOfBirth: '1980-02-29',
				custom_GamePreferences: 'Puzzle',
			}),
		}, [{ email: 'mapped@example.com', first: 'Ada' }]);
		expect(result.nodeError).toBeUndefined();
		expect(server.queryOf(server.requests[0])).toEqual({
			lead: { firstName: 'Ada', dateOfBirth: '1980-02-29', score: '42', doNotCall: '1', email: 'mapped@example.com', customFields: { GamePreferences: 'Puzzle' } },
		});
		expect(result.items[0].json).toMatchObject({ email: 'mapped@example.com', status: '2006' });
	});

	it('Sync finds the lead by the mapper\'s Find By: Token sends useToken, CRM Lead ID sends customUnicityKeys', async () => {
		const { fields } = await loadMapperFields({ ...harness(), method: 'getSyncLeadFields' });
		server.reset();
		const byToken = await run('lead', 'syncLead', {
			columns: columns(fields, { email: 'johnsmith@publipage.com', token: trackingCookie('publipage.com', '1282527313351-84730'), city: 'Laval' }, { matchingColumns: ['token'] }),
		});
		expect(byToken.nodeError).toBeUndefined();
		expect(server.queryOf(server.requests[0])).toMatchObject({ useToken: 'true', lead: { city: 'Laval' } });
		server.reset();
		const byCrmId = await run('lead', 'syncLead', {
			columns: columns(fields, { email: 'johnsmith@publipage.com', crmLeadId: '5564344' }, { matchingColumns: ['crmLeadId'] }),
		});
		expect(byCrmId.nodeError).toBeUndefined();
		expect(server.queryOf(server.requests[0])).toMatchObject({ customUnicityKeys: 'crmLeadId' });
	});

	it('"Map Automatically" sends the input fields named like lead fields; a bad value fails its item before any call', async () => {
		const { fields } = await loadMapperFields({ ...harness(), method: 'getLeadFields' });
		server.reset();
		const result = await run(
			'lead',
			'addLead',
			{ columns: { ...columns(fields, null), mappingMode: 'autoMapInputData' } },
			[{ email: 'new.lead@example.com', lastName: 'Lovelace', unrelated: 'x' }, { email: 'second@example.com', score: 'lots' }],
			true,
		);
		expect(server.requests).toHaveLength(1);
		expect(server.queryOf(server.requests[0])).toEqual({ lead: { lastName: 'Lovelace', email: 'new.lead@example.com' } });
		expect(result.items[1].json.error).toMatch(/^Fields > Score: .*\(item 1\)$/);
	});

	it('lists, views and forms are picked by name; From List looks the typed name up and shows its lead count', async () => {
		const lists = await searchNodeList({ ...harness(), method: 'searchLists', parameter: 'listName', filter: 'Newsletter' });
		expect(lists).toEqual({ results: [{ name: 'Newsletter', value: 'Newsletter', description: '3 leads' }] });
		expect((await searchNodeList({ ...harness(), method: 'searchLists', parameter: 'listName', filter: 'No Such List' })).results).toEqual([]);
		expect((await searchNodeList({ ...harness(), method: 'searchViews', parameter: 'viewName', filter: 'PromoABC_Email_Open' })).results).toHaveLength(1);
		expect((await searchNodeList({ ...harness(), method: 'searchLists', parameter: 'listName' })).results).toEqual([]);
		server.reset();

		const list = await run('list', 'getList', { listName: { __rl: true, mode: 'list', value: 'Newsletter' }, returnAll: true });
		expect(list.nodeError).toBeUndefined();
		expect(list.items.map((item) => item.json.email).sort()).toEqual(['claude@sage.com', 'helene@exemple.ca', 'johnsmith@publipage.com']);
		expect(server.paramsOf(server.requests[0]).get('listName')).toBe('Newsletter');

		server.reset();
		const added = await run('list', 'addLeadsToList', { listName: { __rl: true, mode: 'name', value: 'Fresh List' }, email: '={{ $json.email }}' }, [{ email: 'claude@sage.com' }]);
		expect(added.nodeError).toBeUndefined();
		expect(server.state.lists.get('Fresh List')).toEqual(new Set(['claude@sage.com']));

		server.reset();
		const form = await run('history', 'addFillFormHistory', { email: 'claude@sage.com', formName: { __rl: true, mode: 'name', value: 'Infolettre' } });
		expect(form.nodeError).toBeUndefined();
		expect(server.queryOf(server.requests[0])).toMatchObject({ fillformleadhistory: { formName: 'Infolettre' } });
	});

	it('the campaign picker pages through getCampaigns and filters by name; Execute Campaign takes the picked one', async () => {
		const first = await searchNodeList({ ...harness(), method: 'searchCampaigns', parameter: 'campaigns' });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await searchNodeList({ ...harness(), method: 'searchCampaigns', parameter: 'campaigns', paginationToken: first.paginationToken });
		expect(second.results.length).toBeGreaterThan(0);
		const picked = first.results[0];
		const filtered = await searchNodeList({ ...harness(), method: 'searchCampaigns', parameter: 'campaigns', filter: String(picked.name).toUpperCase() });
		expect(filtered.results.map((result) => result.value)).toContain(picked.value);
		expect(server.requests.map((request) => server.paramsOf(request).get('page'))).toEqual(['1', '2', '1']);

		server.reset();
		const executed = await run('campaign', 'executeCampaign', { campaigns: { __rl: true, mode: 'list', value: picked.value }, email: 'claude@sage.com' });
		expect(executed.nodeError).toBeUndefined();
		expect(server.queryOf(server.requests[0])).toMatchObject({ campaigns: { campaign: [{ name: picked.value }] } });
	});
});
