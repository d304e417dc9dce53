import type { INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { loadMapperFields, searchNodeList } from '../engine/pollRunner';
import { nodeType, runNode } from '../engine/runner';
import { startInfluencerSoftServer } from '../servers/influencersoft';
import type { InfluencerSoftServer } from '../servers/influencersoft';

const INFLUENCERSOFT = nodeType('influencerSoft');
const NEWSLETTER = '1594725950.5982672784';

describe('InfluencerSoft version 2: contact field mapping, group and product pickers', () => {
	let server: InfluencerSoftServer;
	const credentials = () => ({ influencerSoftApi: { login: server.login, apiKey: server.apiKey, customDomain: server.url } });
	const run = (parameters: INodeParameters, input: Array<Record<string, unknown>> = [{}], continueOnFail = false) =>
		runNode({ type: INFLUENCERSOFT, typeVersion: 2, parameters, credentials: credentials(), input: input as never, continueOnFail });
	const harness = () => ({ type: INFLUENCERSOFT, typeVersion: 2, parameters: {}, credentials: credentials() });
	const columns = (schema: ResourceMapperField[], value: Record<string, string> | null, mappingMode = 'defineBelow'): INodeParameters => ({
		mappingMode,
		value,
		matchingColumns: ['email'],
		schema: schema as unknown as INodeParameters[],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	});

	beforeEach(async () => {
		server = await startInfluencerSoftServer();
	});
	afterEach(async () => await server.close());

	it('Add or Update maps the documented contact fields; the email finds the contact', async () => {
		const { fields } = await loadMapperFields({ ...harness(), method: 'getContactFields' });
		expect(fields.find((field) => field.id === 'email')).toMatchObject({ defaultMatch: true, canBeUsedToMatch: true, required: false });
		expect(fields.map((field) => field.id)).toEqual(expect.arrayContaining(['firstName', 'timeZone', 'shippingCountryCode', 'linkedIn']));
		expect(fields.every((field) => field.type === 'string')).toBe(true);
		expect(server.requests).toHaveLength(0);

		const result = await run(
			{
				resource: 'contact',
				operation: 'addOrUpdate',
				columns: columns(fields, { email: '={{ $json.email }}', firstName: '={{ $json.name }}', timeZone: '+03', shippingCountryCode: 'ca' }),
				addToLists: [NEWSLETTER],
			},
			[{ email: 'mapped@example.com', name: 'Mia' }],
		);
		expect(result.nodeError).toBeUndefined();
		expect(server.fieldsOf('addupdatelead')[0]).toEqual({
			rpsKey: server.apiKey,
			lead_email: 'mapped@example.com',
			add_to_lists: NEWSLETTER,
			lead_first_name: 'Mia',
			lead_utc: '+03',
			lead_shipping_country_code: 'CA',
		});
	});

	it('"Map Automatically" takes the input fields named like contact fields; a bad country fails its item before sending', async () => {
		const { fields } = await loadMapperFields({ ...harness(), method: 'getContactFields' });
		const result = await run(
			{ resource: 'contact', operation: 'addOrUpdate', columns: columns(fields, null, 'autoMapInputData') },
			[{ email: 'auto@example.com', lastName: 'Auto', other: 'ignored' }, { email: 'bad@example.com', billingCountryCode: 'Narnia' }],
			true,
		);
		expect(server.fieldsOf('addupdatelead')).toEqual([{ rpsKey: server.apiKey, lead_email: 'auto@example.com', lead_last_name: 'Auto' }]);
		expect(result.items[1].json.error).toMatch(/Billing Country Code/);
	});

	it('the group and product pickers list InfluencerSoft\'s groups and products, filtered by title or ID', async () => {
		const groups = await searchNodeList({ ...harness(), method: 'searchGroups', parameter: 'group' });
		expect(groups.results.map((group) => group.name)).toEqual(['Customers', 'Newsletter', 'Webinar leads']);
		expect(groups.paginationToken).toBeUndefined();
		expect((await searchNodeList({ ...harness(), method: 'searchGroups', parameter: 'group', filter: 'webinar' })).results).toEqual([
			{ name: 'Webinar leads', value: '1534723950.5982672783', description: 'ID 1534723950.5982672783' },
		]);
		const products = await searchNodeList({ ...harness(), method: 'searchProducts', parameter: 'product', filter: 'COURSE' });
		expect(products.results.map((product) => product.value)).toEqual(['course-basic', 'course-pro']);
		expect(server.requests.map((request) => request.path)).toEqual(['/api/GetAllGroups', '/api/GetAllGroups', '/api/GetAllGoods']);
	});

	it('Remove from Group, Count Subscribers and Delete Product take the picked record', async () => {
		server.state.leads.get('loner@example.com')?.groups.set(NEWSLETTER, { status: 'STATUS_SUBSCRIBE', since: '2024-03-01 10:00:00' });
		const removed = await run({ resource: 'contact', operation: 'removeFromGroup', email: 'loner@example.com', group: { __rl: true, mode: 'list', value: NEWSLETTER } });
		expect(removed.nodeError).toBeUndefined();
		expect(server.fieldsOf('DeleteSubscribe')[0]).toMatchObject({ lead_email: 'loner@example.com', rass_name: NEWSLETTER });

		const counted = await run({ resource: 'group', operation: 'countSubscribers', scope: 'group', group: { __rl: true, mode: 'id', value: NEWSLETTER } });
		expect(counted.nodeError).toBeUndefined();
		expect(server.fieldsOf('GetCountSubscribe')[0]).toMatchObject({ group_name: NEWSLETTER });

		const deleted = await run({ resource: 'product', operation: 'delete', product: { __rl: true, mode: 'list', value: 'book-print' } });
		expect(deleted.nodeError).toBeUndefined();
		expect(server.fieldsOf('DeleteGood')[0]).toMatchObject({ good_name: 'book-print' });
		expect(server.state.goods.map((good) => good.good_name)).toEqual(['course-basic', 'course-pro']);
	});
});
