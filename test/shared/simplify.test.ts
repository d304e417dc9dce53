import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { loadPackage, nodeType, runNode } from '../engine/runner';
import { runPublitrac } from '../publitrac/run';
import { startInfluencerSoftServer } from '../servers/influencersoft';
import { startJtelServer } from '../servers/jtel';
import { startPublitracServer } from '../servers/publitrac';
import { startSpreadServer } from '../servers/spread';

/**
 * Simplify on every read and write answer: one flat object per record, values typed from the vendor's table
 * (nodes/shared/typedOutput.ts). Off, the vendor's answer is unchanged. Each through n8n's engine against the
 * vendor's local server.
 */
describe('Simplify: typed output for every vendor', () => {
	it('PUBLITRAC leads: flags as booleans, score as a number, dates as ISO text, custom fields kept, empties left out', async () => {
		const server = await startPublitracServer();
		try {
			const parameters = { conditions: { condition: [{ field: 'email', operator: 'like', value: 'claude@%' }] }, returnAll: true };
			const off = await runPublitrac(server, { resource: 'lead', operation: 'getLeads', parameters });
			expect(off.json[0]).toMatchObject({ email: 'claude@sage.com', score: '12', doNotCall: '0', fax: '', postalCode: '01234' });
			const on = await runPublitrac(server, { resource: 'lead', operation: 'getLeads', parameters: { ...parameters, simplify: true } });
			expect(on.json[0]).toMatchObject({ email: 'claude@sage.com', score: 12, doNotCall: false, unsubscribed: false, postalCode: '01234', status: 'Active' });
			expect(on.json[0].createdDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
			expect(on.json[0]).not.toHaveProperty('fax');
			for (const value of Object.values(on.json[0])) expect(value === null || typeof value !== 'object').toBe(true);

			const lists = await runPublitrac(server, { resource: 'list', operation: 'getList', parameters: { listName: 'Newsletter', returnAll: true, simplify: true } });
			expect(lists.json.map((lead) => typeof lead.score)).toEqual(['number', 'number', 'number']);
		} finally {
			await server.close();
		}
	});

	it('PUBLITRAC opportunities, campaigns and write answers', async () => {
		const server = await startPublitracServer();
		try {
			const off = await runPublitrac(server, { resource: 'opportunity', operation: 'getOpportunities', parameters: { returnAll: true } });
			expect(off.json[0]).toMatchObject({ Amount: '9000', Probability: '100', Created_Date: '0000-00-00 00:00:00' });
			const on = await runPublitrac(server, { resource: 'opportunity', operation: 'getOpportunities', parameters: { returnAll: true, simplify: true } });
			expect(on.json[0]).toMatchObject({ Amount: 9000, Probability: 100, Date_Closed: '2010-10-10', Sales_Stage: 'Closed Won' });
			// MySQL's "no date" is no date.
			expect(on.json[0]).not.toHaveProperty('Created_Date');

			const campaigns = await runPublitrac(server, { resource: 'campaign', operation: 'getCampaigns', parameters: { returnAll: true, simplify: true } });
			expect(campaigns.json[0].Created_Date).toMatch(/^\d{4}-\d{2}-\d{2}T/);

			const synced = await runPublitrac(server, { resource: 'lead', operation: 'syncLead', parameters: { email: 'typed@example.com', simplify: true } });
			expect(synced.json).toEqual([{ email: 'typed@example.com', status: 2006, message: expect.any(String) }]);
			const added = await runPublitrac(server, {
				resource: 'list',
				operation: 'addLeadsToList',
				parameters: { listName: 'Newsletter', email: 'typed@example.com', simplify: true },
			});
			expect(added.json[0].status).toBe(2009);
		} finally {
			await server.close();
		}
	});

	it('SPREAD orders, campaigns, cagnotte, sponsorships and the order write answer', async () => {
		const server = await startSpreadServer({ customers: 5 });
		const credentials = { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } };
		const run = async (parameters: INodeParameters) => (await runNode({ type: nodeType('spread'), parameters, credentials })).items.map((item) => item.json);
		try {
			const orders = await run({ resource: 'order', operation: 'getAll', returnAll: true, simplify: true });
			expect(orders[0]).toMatchObject({ id: '9000', amount: 20, status: 10, customerId: '123456', tags: [], attributes: {} });
			expect(orders[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
			expect((await run({ resource: 'order', operation: 'getAll', returnAll: true }))[0]).toMatchObject({ amount: '20', status: '10' });

			const sponsorships = await run({ resource: 'sponsorship', operation: 'getAll', returnAll: true, simplify: true });
			expect(sponsorships.map((sponsorship) => sponsorship.sponsorshipValidated)).toEqual([true, false, true, false]);
			expect(sponsorships[0].createdAt).toBe('2020-01-01T00:00:00');

			const campaign = await run({ resource: 'campaign', operation: 'get', campaignId: '12347', simplify: true });
			expect(campaign[0]).toMatchObject({ createdAt: '2019-03-01T09:00:00', dateStart: '2019-03-05T00:00:00' });

			const credit = await run({ resource: 'cagnotte', operation: 'add', identifyBy: 'customerId', customerId: '123457', amount: 2.5, simplify: true });
			expect(credit[0]).toMatchObject({ customer_id: '123457', customer_cagnotteAmount: 2.5, cagnotte_amount: 2.5 });
			const lines = await run({ resource: 'cagnotte', operation: 'getAll', returnAll: true, simplify: true });
			expect(lines[0].amount).toBe(2.5);

			const created = await run({
				resource: 'order',
				operation: 'create',
				customerEmail: 'buyer@example.com',
				orderId: 'TYPED-1',
				amount: 19.9,
				additionalFields: { date: '2026-03-10T10:00:00' },
				simplify: true,
			});
			// Flat: only the order's free-form attributes (a map, like a customer's custom fields) stay an object.
			const nested = Object.entries(created[0]).filter(([, value]) => value !== null && !Array.isArray(value) && typeof value === 'object');
			expect(nested).toEqual([['response_order_attributes', {}]]);
			expect(created[0]).toMatchObject({ orderId: 'TYPED-1', amount: 19.9, state: 10, response_order_amount: 19.9, response_order_status: 10 });
		} finally {
			await server.close();
		}
	});

	it('jtel contacts: counts and flags typed, nulls left out; InfluencerSoft groups and products typed', async () => {
		const jtel = await startJtelServer({ contacts: [{ DiallerCampaignsID: 538, Name: 'Typed', PhoneNumber1: '+49 89 1', bPhoneNumber1Invalid: 1 }] });
		try {
			const result = await runNode({
				type: nodeType('jtelDialler'),
				parameters: { resource: 'contact', operation: 'getAll', returnAll: true, simplify: true },
				credentials: { jtelApi: jtel.credentials() },
			});
			expect(result.items[0].json).toMatchObject({ Name: 'Typed', nTriesPhoneNumber1: 0 });
			expect(Object.values(result.items[0].json)).not.toContain(null);
		} finally {
			await jtel.close();
		}

		const influencer = await startInfluencerSoftServer();
		const run = async (parameters: INodeParameters) =>
			(
				await runNode({
					type: nodeType('influencerSoft'),
					parameters,
					credentials: { influencerSoftApi: { login: influencer.login, apiKey: influencer.apiKey, customDomain: influencer.url } },
				})
			).items.map((item) => item.json);
		try {
			const statuses = await run({ resource: 'contact', operation: 'getGroupStatuses', email: 'ann@example.com', simplify: true });
			expect(statuses[0].groups).toEqual([expect.objectContaining({ rass_status: 'STATUS_SUBSCRIBE', subscription_time: '2024-03-01T10:00:00' })]);
			const products = await run({ resource: 'product', operation: 'getAll', returnAll: true, simplify: true });
			expect(products[0]).toMatchObject({ good_sum: 49, good_type: 0 });
			expect((await run({ resource: 'product', operation: 'getAll', returnAll: true }))[0].good_type).toBe('0');
		} finally {
			await influencer.close();
		}
	});

	it('every read and write operation of the four API nodes offers Simplify, off by default', async () => {
		const pkg = await loadPackage();
		for (const name of ['publitrac', 'spread', 'influencerSoft', 'jtelDialler']) {
			const type = pkg.nodeTypes.getByNameAndVersion(nodeType(name), 1) as INodeType;
			const properties = type.description.properties;
			const operations = properties.filter((property) => property.name === 'operation');
			for (const selector of operations) {
				const resource = selector.displayOptions!.show!.resource![0] as string;
				for (const option of selector.options as Array<{ value: string }>) {
					const simplify = properties.find(
						(property: INodeProperties) =>
							property.name === 'simplify' &&
							(property.displayOptions?.show?.resource ?? []).includes(resource) &&
							(property.displayOptions?.show?.operation ?? []).includes(option.value),
					);
					expect([name, resource, option.value, simplify?.default]).toEqual([name, resource, option.value, false]);
				}
			}
		}
	});
});
