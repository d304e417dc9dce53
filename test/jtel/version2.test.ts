import type { IDataObject, INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { loadMapperFields, searchNodeList } from '../engine/pollRunner';
import { nodeType, runNode } from '../engine/runner';
import { startJtelServer } from '../servers/jtel';
import type { JtelServer } from '../servers/jtel';

const JTEL = nodeType('jtelDialler');

describe('jtel version 2: import field mapping, campaign and contact pickers', () => {
	let server: JtelServer;
	const run = (parameters: INodeParameters, input: IDataObject[] = [{}], continueOnFail = false) =>
		runNode({ type: JTEL, typeVersion: 2, parameters, credentials: { jtelApi: server.credentials() }, input, continueOnFail });
	const harness = () => ({ type: JTEL, typeVersion: 2, parameters: {}, credentials: { jtelApi: server.credentials() } });
	const columns = (schema: ResourceMapperField[], value: Record<string, string | number> | null, mappingMode = 'defineBelow'): INodeParameters => ({
		mappingMode,
		value,
		matchingColumns: [],
		schema: schema as unknown as INodeParameters[],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	});
	const importBody = (index = 0) => JSON.parse(server.requests.filter((request) => request.path.endsWith('/dialler/contacts/import'))[index].body) as IDataObject;

	beforeEach(async () => {
		server = await startJtelServer({ clientsId: '1001' });
	});
	afterEach(async () => await server.close());

	it('Import maps the contact fields by their jtel names, typed; the campaign comes from its picker', async () => {
		const { fields } = await loadMapperFields({ ...harness(), method: 'getImportFields' });
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(byId.Name).toMatchObject({ required: true, type: 'string' });
		expect(byId.Amount).toMatchObject({ type: 'number' });
		expect(byId.dtBeginDate).toMatchObject({ type: 'dateTime', displayName: 'Begin Date' });
		expect(byId.PhoneNumber6).toBeDefined();

		const result = await run(
			{
				resource: 'contact',
				operation: 'import',
				campaign: { __rl: true, mode: 'list', value: '538' },
				columns: columns(fields, { Name: '={{ $json.last }}', PhoneNumber2: '+49 89 7654321', Amount: 12.5, UserData: 'CRM-1', dtBeginDate: '2026-03-01T09:00:00' }),
				overwriteDuplicates: true,
			},
			[{ last: 'Mustermann' }],
		);
		expect(result.nodeError).toBeUndefined();
		expect(importBody()).toEqual({
			DiallerCampaignsID: 538,
			Name: 'Mustermann',
			PhoneNumber2: '+49 89 7654321',
			Amount: 12.5,
			UserData: 'CRM-1',
			dtBeginDate: '2026-03-01T09:00:00',
		});
		expect(server.requests.at(-1)?.query.get('overwriteDuplicates')).toBe('true');
	});

	it('"Map Automatically" takes jtel-named input fields; an item without a phone number fails before sending', async () => {
		const { fields } = await loadMapperFields({ ...harness(), method: 'getImportFields' });
		const result = await run(
			{ resource: 'contact', operation: 'import', campaign: { __rl: true, mode: 'name', value: 'My Campaign' }, columns: columns(fields, null, 'autoMapInputData') },
			[{ Name: 'Auto', PhoneNumber1: '+49 30 111', Email: 'auto@example.com', other: 'x' }, { Name: 'No Phone' }],
			true,
		);
		expect(server.requests.filter((request) => request.path.endsWith('/import'))).toHaveLength(1);
		expect(importBody()).toEqual({ DiallerCampaignsName: 'My Campaign', Name: 'Auto', PhoneNumber1: '+49 30 111', Email: 'auto@example.com' });
		expect(result.items[1].json.error).toMatch(/^Phone Number 1: no phone number given \(item 1\)$/);
	});

	it('the contact picker lists jtel\'s contacts, filtered by name, phone or ID and paged for the editor; Get and Delete take the picked one', async () => {
		for (let index = 0; index < 120; index++) {
			await run({ resource: 'contact', operation: 'import', campaign: { __rl: true, mode: 'id', value: '539' }, columns: columns([], { Name: `Bulk ${index}`, PhoneNumber1: `+49 89 ${1000 + index}` }) });
		}
		server.reset();
		const first = await searchNodeList({ ...harness(), method: 'searchContacts', parameter: 'contactId' });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await searchNodeList({ ...harness(), method: 'searchContacts', parameter: 'contactId', paginationToken: '100' });
		expect(second.results).toHaveLength(server.contacts.length - 100);
		const found = await searchNodeList({ ...harness(), method: 'searchContacts', parameter: 'contactId', filter: 'bulk 17' });
		expect(found.results).toEqual([{ name: 'Bulk 17 · +49 89 1017 (' + String(server.contacts.find((contact) => contact.Name === 'Bulk 17')?.ID) + ')', value: expect.any(String) }]);
		expect(server.requests.every((request) => request.path === '/rest/v1.0/1001/dialler/contacts')).toBe(true);

		const id = found.results[0].value as string;
		const got = await run({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'list', value: id } });
		expect(got.nodeError).toBeUndefined();
		expect(got.items[0].json).toMatchObject({ Name: 'Bulk 17' });
		const deleted = await run({ resource: 'contact', operation: 'delete', contactId: { __rl: true, mode: 'id', value: id } });
		expect(deleted.items[0].json).toMatchObject({ deleted: true, DiallerContactsID: Number(id) });
		expect(server.contacts.some((contact) => String(contact.ID) === id)).toBe(false);
	});

	it('the campaign picker filters by name or ID, the same in both versions', async () => {
		const campaigns = await searchNodeList({ ...harness(), method: 'searchCampaigns', parameter: 'campaign', filter: '539' });
		expect(campaigns).toEqual({ results: [{ name: 'Spring Outreach (539)', value: '539' }] });
	});
});
