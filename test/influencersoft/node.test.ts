import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../engine/runner';
import { startInfluencerSoftServer } from '../servers/influencersoft';
import type { InfluencerSoftServer } from '../servers/influencersoft';

const NEWSLETTER = '1594725950.5982672784';
const CUSTOMERS = '1605870811.1867176380';
const WEBINAR = '1534723950.5982672783';

describe('InfluencerSoft node, through the engine, against a local InfluencerSoft', () => {
	let server: InfluencerSoftServer;

	beforeEach(async () => {
		server = await startInfluencerSoftServer();
	});
	afterEach(async () => await server.close());

	const credentials = (overrides: Record<string, string> = {}) => ({
		influencerSoftApi: { login: server.login, apiKey: server.apiKey, customDomain: server.url, ...overrides },
	});
	const run = (parameters: INodeParameters, input: Array<Record<string, unknown>> = [{}], continueOnFail = false, creds = credentials()) =>
		runNode({ type: nodeType('influencerSoft'), parameters, credentials: creds, input: input as never, continueOnFail });

	describe('Contact: Add or Update (addupdatelead, API 2.0)', () => {
		it('sends every documented field form-encoded with rpsKey in the body, lists and tags comma-joined', async () => {
			const result = await run({
				resource: 'contact',
				operation: 'addOrUpdate',
				email: 'jane@example.com',
				addToLists: [NEWSLETTER, CUSTOMERS],
				removeFromLists: [WEBINAR],
				addTags: ['tag2020', 'n8n'],
				removeTags: ['cold'],
				additionalFields: {
					firstName: 'Jane',
					middleName: 'Q',
					lastName: 'Doe',
					phone: '+1 555 0100',
					timeZone: 'UTC + 03',
					description: 'Met at the webinar',
					personalManager: '42',
					shippingAddress1: '1 Main St',
					shippingAddress2: 'Suite 5',
					shippingCity: 'Springfield',
					shippingState: 'IL',
					shippingZip: '62701',
					shippingCountryCode: 'us',
					billingAddress1: '2 Bank Rd',
					billingAddress2: 'Floor 3',
					billingCity: 'Toronto',
					billingState: 'ON',
					billingZip: 'M5H 2N2',
					billingCountryCode: 'CA',
					facebook: 'fb.jane',
					instagram: 'ig.jane',
					whatsapp: '+15550100',
					telegram: '@jane',
					viber: 'viber-jane',
					vkontakte: 'id123',
					linkedIn: 'jane-doe',
				},
			});
			expect(result.nodeError).toBeUndefined();
			const [request] = server.requestsTo('/api/addupdatelead');
			expect(request.method).toBe('POST');
			expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
			expect(request.query.has('rpsKey')).toBe(false);
			expect(server.fieldsOf('addupdatelead')[0]).toEqual({
				rpsKey: server.apiKey,
				lead_email: 'jane@example.com',
				add_to_lists: `${NEWSLETTER},${CUSTOMERS}`,
				remove_from_lists: WEBINAR,
				add_tags: 'tag2020,n8n',
				remove_tags: 'cold',
				lead_first_name: 'Jane',
				lead_middle_name: 'Q',
				lead_last_name: 'Doe',
				lead_phone: '+1 555 0100',
				lead_utc: 'UTC + 03',
				lead_description: 'Met at the webinar',
				lead_personal_manager: '42',
				lead_shipping_address_1: '1 Main St',
				lead_shipping_address_2: 'Suite 5',
				lead_shipping_city: 'Springfield',
				lead_shipping_state: 'IL',
				lead_shipping_zip: '62701',
				lead_shipping_country_code: 'US',
				lead_billing_address_1: '2 Bank Rd',
				lead_billing_address_2: 'Floor 3',
				lead_billing_city: 'Toronto',
				lead_billing_state: 'ON',
				lead_billing_zip: 'M5H 2N2',
				lead_billing_country_code: 'CA',
				lead_facebook: 'fb.jane',
				lead_instagram: 'ig.jane',
				lead_whatsapp: '+15550100',
				lead_telegram: '@jane',
				lead_viber: 'viber-jane',
				lead_vkontakte: 'id123',
				lead_in: 'jane-doe',
			});
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toEqual({ success: true, message: 'OK', email: 'jane@example.com', result: [] });
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			const lead = server.state.leads.get('jane@example.com');
			expect([...(lead?.groups.keys() ?? [])]).toEqual([NEWSLETTER, CUSTOMERS]);
			expect([...(lead?.tags ?? [])]).toEqual(['tag2020', 'n8n']);
		});

		it('takes group IDs from an expression as a comma list and keeps special characters intact', async () => {
			const name = 'Zoë O’Brien & *VIP* (test) ~ 100% +1 = ü';
			const result = await run(
				{
					resource: 'contact',
					operation: 'addOrUpdate',
					email: '={{ $json.email }}',
					addToLists: `={{ "${NEWSLETTER}, ${CUSTOMERS}" }}`,
					additionalFields: { firstName: '={{ $json.name }}' },
				},
				[{ email: 'zoe+tag@example.com', name }],
			);
			expect(result.nodeError).toBeUndefined();
			expect(server.fieldsOf('addupdatelead')[0]).toMatchObject({ lead_email: 'zoe+tag@example.com', lead_first_name: name, add_to_lists: `${NEWSLETTER},${CUSTOMERS}` });
		});

		it('accepts each documented time zone form', async () => {
			const forms = ['UTC + 03', '+03', '-01', '3', '-1'];
			const result = await run(
				{ resource: 'contact', operation: 'addOrUpdate', email: 'tz@example.com', additionalFields: { timeZone: '={{ $json.tz }}' } },
				forms.map((tz) => ({ tz })),
			);
			expect(result.nodeError).toBeUndefined();
			expect(server.fieldsOf('addupdatelead').map((fields) => fields.lead_utc)).toEqual(forms);
		});

		it.each([
			['an invalid email', { email: 'not-an-email' }, /Email: "not-an-email" is not a valid email address \(item 0\)/],
			['a country code that is not ISO', { email: 'a@example.com', additionalFields: { shippingCountryCode: 'USA' } }, /Shipping Country Code: "USA" is not an ISO 3166-1/],
			['an unknown country code', { email: 'a@example.com', additionalFields: { billingCountryCode: 'XX' } }, /Billing Country Code: "XX"/],
			['a time zone in no accepted form', { email: 'a@example.com', additionalFields: { timeZone: 'Europe/Paris' } }, /Time Zone: "Europe\/Paris" is not a time zone/],
			['an out-of-range offset', { email: 'a@example.com', additionalFields: { timeZone: '+15' } }, /Time Zone: "\+15"/],
			['a tag with a comma', { email: 'a@example.com', addTags: ['a,b'] }, /Add Tags: "a,b" contains a comma/],
			['nothing to send', {}, /Email: nothing to send/],
		])('rejects %s before sending anything', async (_label, parameters, message) => {
			const result = await run({ resource: 'contact', operation: 'addOrUpdate', ...(parameters as INodeParameters) });
			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(result.nodeError?.message).toMatch(message);
			expect(server.requests).toHaveLength(0);
		});

		it('under Continue On Fail, a bad item gives one error item with its pairedItem and the others go on', async () => {
			const result = await run(
				{ resource: 'contact', operation: 'addOrUpdate', email: '={{ $json.email }}' },
				[{ email: 'one@example.com' }, { email: 'broken' }, { email: 'three@example.com' }],
				true,
			);
			expect(result.nodeError).toBeUndefined();
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(result.items[0].json).toMatchObject({ success: true, email: 'one@example.com' });
			expect(result.items[1].json.error).toMatch(/Email: "broken" is not a valid email address \(item 1\)/);
			expect(result.items[2].json).toMatchObject({ success: true, email: 'three@example.com' });
			expect(server.requests).toHaveLength(2);
		});

		it('a wrong API key gives NodeApiError 4 with a hint, and the key appears nowhere', async () => {
			const wrongKey = 'Wrong-Key-0000&x=1';
			const result = await run({ resource: 'contact', operation: 'addOrUpdate', email: 'a@example.com' }, [{}], false, credentials({ apiKey: wrongKey }));
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe('4: Wrong API key');
			expect(result.nodeError?.description).toMatch(/check the API key and the account login/);
			const everything = JSON.stringify({ run: result.run, message: result.nodeError?.message, description: result.nodeError?.description });
			for (const secret of [wrongKey, encodeURIComponent(wrongKey), server.apiKey]) expect(everything).not.toContain(secret);
		});
	});

	describe('Contact: groups (legacy, signed)', () => {
		it('Add to Group signs the PHP-encoded form (rid[], utm[], special characters) and the server accepts the hash', async () => {
			const result = await run({
				resource: 'contact',
				operation: 'addToGroup',
				email: 'new*lead@example.com',
				groups: [CUSTOMERS, WEBINAR],
				additionalFields: { lead_name: "O'Neil (*) ~ Zoë", lead_phone: '+44 20 7946 0000', activation: true, utm_source: 'news letter', utm_campaign: 'spring/2026' },
			});
			expect(result.nodeError).toBeUndefined();
			const [request] = server.requestsTo('/api/AddLeadToGroup');
			// PHP's http_build_query: brackets and * percent-encoded, spaces as +.
			expect(request.body).toContain('rid%5B0%5D=1605870811.1867176380&rid%5B1%5D=1534723950.5982672783');
			expect(request.body).toContain('lead_email=new%2Alead%40example.com');
			expect(request.body).toContain('lead_name=O%27Neil+%28%2A%29+%7E+Zo%C3%AB');
			expect(request.body).toContain('utm%5Butm_source%5D=news+letter');
			expect(request.body).not.toContain('rpsKey');
			expect(server.fieldsOf('AddLeadToGroup')[0]).toMatchObject({ rid: { 0: CUSTOMERS, 1: WEBINAR }, activation: '1', utm: { utm_source: 'news letter', utm_campaign: 'spring/2026' } });
			expect(result.items[0].json).toMatchObject({ success: true, email: 'new*lead@example.com', groups: [CUSTOMERS, WEBINAR] });
			expect(server.state.leads.get('new*lead@example.com')?.groups.get(CUSTOMERS)?.status).toBe('STATUS_WAIT');
		});

		it('Add to Group: an unknown group is vendor error 103 with its hint', async () => {
			const result = await run({ resource: 'contact', operation: 'addToGroup', email: 'a@example.com', groups: ['999.999'] });
			expect(result.nodeError?.message).toBe('103: A non-existent group was passed in the request');
			expect(result.nodeError?.description).toMatch(/pick one from the list/);
			expect((result.nodeError as unknown as { context?: unknown })?.context).toBeDefined();
		});

		it('Get Group Statuses gives one item per contact with its groups; 501 (in no group) is an empty list', async () => {
			const result = await run({ resource: 'contact', operation: 'getGroupStatuses', email: '={{ $json.email }}' }, [{ email: 'ann@example.com' }, { email: 'loner@example.com' }]);
			expect(result.nodeError).toBeUndefined();
			expect(result.items.map((item) => item.json)).toEqual([
				{ email: 'ann@example.com', groups: [{ rass_name: NEWSLETTER, rass_title: 'Newsletter', rass_status: 'STATUS_SUBSCRIBE', subscription_time: '2024-03-01 10:00:00' }] },
				{ email: 'loner@example.com', groups: [] },
			]);
			expect(server.fieldsOf('GetLeadGroupStatuses')[0]).toMatchObject({ email: 'ann@example.com' });
			expect(typeof server.fieldsOf('GetLeadGroupStatuses')[0].hash).toBe('string');
		});

		it('Get Group Statuses of an unknown contact is error 500', async () => {
			const result = await run({ resource: 'contact', operation: 'getGroupStatuses', email: 'nobody@example.com' });
			expect(result.nodeError?.message).toBe('500: No contact with this email exists');
			expect(result.nodeError?.description).toBe('No contact has this email.');
		});

		it('Remove From Group calls DeleteSubscribe with lead_email and rass_name', async () => {
			const result = await run({ resource: 'contact', operation: 'removeFromGroup', email: 'ann@example.com', group: NEWSLETTER });
			expect(result.nodeError).toBeUndefined();
			expect(server.fieldsOf('DeleteSubscribe')[0]).toMatchObject({ lead_email: 'ann@example.com', rass_name: NEWSLETTER });
			expect(server.state.leads.get('ann@example.com')?.groups.size).toBe(0);
			expect(result.items[0].json).toEqual({ success: true, message: 'OK', email: 'ann@example.com', group: NEWSLETTER });
		});
	});

	describe('Group', () => {
		it('Get Many returns every group, or up to the limit', async () => {
			const all = await run({ resource: 'group', operation: 'getAll', returnAll: true });
			expect(all.items.map((item) => item.json.rass_title)).toEqual(['Newsletter', 'Customers', 'Webinar leads']);
			expect(all.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
			const limited = await run({ resource: 'group', operation: 'getAll', returnAll: false, limit: 2 });
			expect(limited.items).toHaveLength(2);
			expect(server.fieldsOf('GetAllGroups')[0]).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
		});

		it('Count Subscribers of a group, of unique contacts and of all contacts', async () => {
			const result = await run(
				{ resource: 'group', operation: 'countSubscribers', scope: '={{ $json.scope }}', group: NEWSLETTER },
				[{ scope: 'group' }, { scope: 'unique' }, { scope: 'all' }],
			);
			expect(result.items.map((item) => item.json)).toEqual([
				{ group: NEWSLETTER, count: 1 },
				{ group: 'unique', count: 1 },
				{ group: 'all', count: 2 },
			]);
			expect(server.fieldsOf('GetCountSubscribe').map((fields) => fields.group_name)).toEqual([NEWSLETTER, 'unique', 'all']);
		});
	});

	describe('Order', () => {
		const createParameters: INodeParameters = {
			resource: 'order',
			operation: 'create',
			customerEmail: 'buyer@example.com',
			products: { product: [{ id: 'course-pro', price: 150 }, { id: 'book-print', price: 0 }] },
			additionalFields: { customer_first_name: 'Bob', customer_shipping: '5 Elm St', customer_shipping_city: 'Lyon', customer_shipping_country_code: 'fr', order_ip: '203.0.113.9' },
		};

		it('Create sends createorder with rpsKey, the customer and goods[n][…], and returns the order number', async () => {
			const result = await run(createParameters);
			expect(result.nodeError).toBeUndefined();
			expect(server.fieldsOf('createorder')[0]).toEqual({
				rpsKey: server.apiKey,
				customer_email: 'buyer@example.com',
				customer_first_name: 'Bob',
				customer_shipping: '5 Elm St',
				customer_shipping_city: 'Lyon',
				customer_shipping_country_code: 'FR',
				order_ip: '203.0.113.9',
				goods: { 0: { good_name: 'course-pro', good_sum: '150' }, 1: { good_name: 'book-print' } },
			});
			expect(result.items[0].json).toEqual({ success: true, orderId: '1001', customerEmail: 'buyer@example.com', result: { bill_id: '1001' } });
		});

		it('Create of an order that exists is error 601 with the existing order number', async () => {
			await run(createParameters);
			const again = await run(createParameters);
			expect(again.nodeError?.message).toBe('601: This order already exists');
			expect(again.nodeError?.description).toMatch(/Existing order number: 1001/);
		});

		it('Create with an unknown product is error 604; without products it is refused before sending', async () => {
			const unknown = await run({ ...createParameters, products: { product: [{ id: 'ghost', price: 0 }] } });
			expect(unknown.nodeError?.message).toBe('604: There is no product with this id in your shop');
			server.reset();
			const empty = await run({ ...createParameters, products: {} });
			expect(empty.nodeError?.message).toMatch(/Products: add at least one product/);
			expect(server.requests).toHaveLength(0);
		});

		it('Create is never sent twice after a connection reset', async () => {
			server.injectFault({ kind: 'reset' });
			const result = await run(createParameters);
			expect(server.requests).toHaveLength(1);
			expect(result.nodeError?.message).toMatch(/Could not reach InfluencerSoft/);
			expect(result.nodeError?.description).toMatch(/not sent again/);
		});

		it('Update Status: paid with a unix date, sent with date and tracking number', async () => {
			const paid = await run({ resource: 'order', operation: 'updateStatus', orderId: '1000', status: 'paid', date: '2026-11-30T10:00:00Z' });
			expect(paid.nodeError).toBeUndefined();
			expect(server.fieldsOf('UpdateOrderStatus')[0]).toMatchObject({ bill_id: '1000', status: 'paid', date: '1796032800' });
			const sent = await run({ resource: 'order', operation: 'updateStatus', orderId: '1000', status: 'sent', date: '2026-12-01T08:30:00Z', trackingNumber: 'RA123456789CN' });
			expect(sent.items[0].json).toEqual({ success: true, message: 'OK', orderId: '1000', status: 'sent', date: 1796113800 });
			expect(server.state.orders.get('1000')).toMatchObject({ status: 'sent', rpo: 'RA123456789CN' });
			const cancel = await run({ resource: 'order', operation: 'updateStatus', orderId: '1000', status: 'cancel' });
			expect(cancel.nodeError).toBeUndefined();
			expect(server.fieldsOf('UpdateOrderStatus')[2]).not.toHaveProperty('date');
		});

		it.each([
			['a status outside the four', { status: '={{ "shipped" }}', date: '2026-11-30T10:00:00Z', trackingNumber: 'RA1' }, /Status: "shipped" is not one of sent, paid, return, cancel/],
			['sent without a tracking number', { status: 'sent', date: '2026-11-30T10:00:00Z', trackingNumber: '={{ $json.rpo }}' }, /Tracking Number: a tracking number is required/],
			['paid without a date', { status: 'paid', date: '={{ $json.paidAt }}' }, /Date: a date is required for status "paid"/],
		])('Update Status refuses %s before sending', async (_label, parameters, message) => {
			const result = await run({ resource: 'order', operation: 'updateStatus', orderId: '1000', ...(parameters as INodeParameters) });
			expect(result.nodeError?.message).toMatch(message);
			expect(server.requests).toHaveLength(0);
		});

		it('Update Status of an unknown order is error 302; Delete removes an order', async () => {
			const unknown = await run({ resource: 'order', operation: 'updateStatus', orderId: '777', status: 'return' });
			expect(unknown.nodeError?.message).toBe('302: A non-existent order number was passed');
			const deleted = await run({ resource: 'order', operation: 'delete', orderId: '1000' });
			expect(deleted.items[0].json).toEqual({ success: true, message: 'OK', orderId: '1000', deleted: true });
			expect(server.fieldsOf('DeleteOrder')[0]).toMatchObject({ bill_id: '1000' });
			expect(server.state.orders.has('1000')).toBe(false);
		});
	});

	describe('Product', () => {
		it('Get Many returns the products with prices as numbers, all or up to the limit', async () => {
			const all = await run({ resource: 'product', operation: 'getAll', returnAll: true });
			expect(all.items.map((item) => item.json)).toEqual([
				{ good_id: '11', good_name: 'course-basic', good_title: 'Basic course', good_sum: 49, good_type: '0' },
				{ good_id: '12', good_name: 'course-pro', good_title: 'Pro course', good_sum: 199.5, good_type: '0' },
				{ good_id: '13', good_name: 'book-print', good_title: 'Printed book', good_sum: 25, good_type: '1' },
			]);
			const one = await run({ resource: 'product', operation: 'getAll', returnAll: false, limit: 1 });
			expect(one.items).toHaveLength(1);
		});

		it('Delete calls DeleteGood; an empty shop (700) lists nothing rather than failing', async () => {
			server.state.goods.splice(1);
			const deleted = await run({ resource: 'product', operation: 'delete', product: 'course-basic' });
			expect(deleted.items[0].json).toEqual({ success: true, message: 'OK', product: 'course-basic', deleted: true });
			expect(server.fieldsOf('DeleteGood')[0]).toMatchObject({ good_name: 'course-basic' });
			const none = await run({ resource: 'product', operation: 'getAll', returnAll: true });
			expect(none.nodeError).toBeUndefined();
			expect(none.items).toHaveLength(0);
			const missing = await run({ resource: 'product', operation: 'delete', product: 'course-basic' });
			expect(missing.nodeError?.message).toBe('604: There is no product with this id in your shop');
		});
	});

	describe('Partner', () => {
		it('Get Stats sends the partner and the period as YYYY-MM-DD and passes the stats on', async () => {
			const result = await run({ resource: 'partner', operation: 'getStats', partner: 'partner-ann', dateFrom: '2026-11-01T00:00:00', dateTo: '2026-11-30T23:59:00' });
			expect(result.nodeError).toBeUndefined();
			expect(server.fieldsOf('GetPartnerStats')[0]).toEqual({ partner: 'partner-ann', date_from: '2026-11-01', date_to: '2026-11-30', hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
			expect(result.items[0].json).toEqual({
				partner: 'partner-ann',
				dateFrom: '2026-11-01',
				dateTo: '2026-11-30',
				stats: { partner: 'partner-ann', date_from: '2026-11-01', date_to: '2026-11-30', orders: 3, paid: 2, fee: '39.90' },
			});
		});

		it('Get Stats refuses a period that ends before it starts', async () => {
			const result = await run({ resource: 'partner', operation: 'getStats', partner: 'partner-ann', dateFrom: '2026-12-01', dateTo: '2026-11-01' });
			expect(result.nodeError?.message).toMatch(/From: 2026-12-01 is after 2026-11-01/);
			expect(server.requests).toHaveLength(0);
		});
	});

	describe('signatures and faults', () => {
		it('a legacy answer with a wrong signature is an error, and nothing of it is used', async () => {
			server.tamperResponses(1);
			const result = await run({ resource: 'group', operation: 'getAll', returnAll: true });
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe("BAD_RESPONSE_HASH: The signature of InfluencerSoft's answer to GetAllGroups does not match");
			expect(result.items).toHaveLength(0);
		});

		it('API 2.0 answers are not checked (their signing key is unconfirmed)', async () => {
			server.tamperResponses(1);
			const result = await run({ resource: 'contact', operation: 'addOrUpdate', email: 'a@example.com' });
			expect(result.nodeError).toBeUndefined();
		});

		it('a wrong login breaks the legacy signature: error 4 with its hint', async () => {
			const result = await run({ resource: 'group', operation: 'getAll', returnAll: true }, [{}], false, credentials({ login: 'someone-else' }));
			expect(result.nodeError?.message).toBe('4: The request hash signature is wrong');
			expect(result.nodeError?.description).toMatch(/check the API key and the account login in the credential/);
		});

		it('retries 503 and 429 on a read, then succeeds', async () => {
			server.injectFault({ kind: 'status', status: 503 });
			server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 0 });
			const result = await run({ resource: 'group', operation: 'getAll', returnAll: true });
			expect(result.nodeError).toBeUndefined();
			expect(server.requestsTo('/api/GetAllGroups')).toHaveLength(3);
			expect(result.items).toHaveLength(3);
		});

		it('an HTML error page is reported as such, with the HTTP status', async () => {
			server.injectFault({ kind: 'html', status: 502 }, 5);
			const result = await run({ resource: 'product', operation: 'delete', product: 'course-basic' });
			expect(server.requests).toHaveLength(1);
			expect(result.nodeError?.message).toMatch(/^502: InfluencerSoft sent an HTML page instead of JSON/);
		});
	});
});
