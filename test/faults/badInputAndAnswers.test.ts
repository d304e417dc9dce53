import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../engine/runner';
import { startInfluencerSoftServer } from '../servers/influencersoft';
import type { InfluencerSoftServer } from '../servers/influencersoft';
import { startJtelServer } from '../servers/jtel';
import type { JtelServer } from '../servers/jtel';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { startSpreadServer } from '../servers/spread';
import type { SpreadServer } from '../servers/spread';

const ONE_MB = 1024 * 1024;
const xml = (inner: string) => ({ kind: 'status' as const, status: 200, headers: { 'content-type': 'text/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>${inner}` });
const LEAD = '<leads><lead><id>1</id><email>claude@sage.com</email><firstName>&x;</firstName></lead></leads>';
const ENTITY = '<!DOCTYPE response [<!ENTITY x "Spoofed by the DTD">]>';

describe('bad answers and bad input: refused before any request, or as an answer, naming the field and the item', () => {
	let publitrac: PublitracServer;
	let spread: SpreadServer;
	let jtel: JtelServer;
	let influencerSoft: InfluencerSoftServer;

	beforeAll(async () => {
		[publitrac, spread, jtel, influencerSoft] = await Promise.all([startPublitracServer(), startSpreadServer({ customers: 3 }), startJtelServer(), startInfluencerSoftServer()]);
	});
	afterAll(async () => {
		await Promise.all([publitrac.close(), spread.close(), jtel.close(), influencerSoft.close()]);
	});
	beforeEach(() => {
		for (const server of [publitrac, spread, jtel, influencerSoft]) server.reset();
	});

	const runPublitrac = (parameters: INodeParameters, input: object[] = [{}], continueOnFail = true) =>
		runNode({ type: nodeType('publitrac'), parameters, credentials: { publitracApi: publitrac.credentials() }, input: input as never, continueOnFail });
	const runSpread = (parameters: INodeParameters, input: object[] = [{}], continueOnFail = true) =>
		runNode({
			type: nodeType('spread'),
			parameters,
			credentials: { spreadApi: { publicKey: spread.publicKey, privateKey: spread.privateKey, baseUrl: spread.baseUrl } },
			input: input as never,
			continueOnFail,
		});
	const runJtel = (parameters: INodeParameters, input: object[] = [{}], continueOnFail = true) =>
		runNode({ type: nodeType('jtelDialler'), parameters, credentials: { jtelApi: jtel.credentials() }, input: input as never, continueOnFail });
	const runInfluencerSoft = (parameters: INodeParameters, input: object[] = [{}], continueOnFail = true) =>
		runNode({
			type: nodeType('influencerSoft'),
			parameters,
			credentials: { influencerSoftApi: { login: influencerSoft.login, apiKey: influencerSoft.apiKey, customDomain: influencerSoft.url } },
			input: input as never,
			continueOnFail,
		});

	describe('PUBLITRAC XML answers: a DTD is refused wherever it stands, only XML references are decoded', () => {
		const getLead = () => runPublitrac({ resource: 'lead', operation: 'getLead', email: 'claude@sage.com' }, [{}], false);

		it.each([
			['at the start', `${ENTITY}<response><status>2002</status><message>ok</message>${LEAD}</response>`],
			['after a 3 KB comment', `<!--${'x'.repeat(3072)}-->${ENTITY}<response><status>2002</status><message>ok</message>${LEAD}</response>`],
			['after 3 KB of spaces', `${' '.repeat(3072)}${ENTITY}<response><status>2002</status><message>ok</message>${LEAD}</response>`],
			['in the middle of the response', `<response><status>2002</status><message>ok</message>${ENTITY}${LEAD}</response>`],
		])('a DOCTYPE %s: an error, and no entity text anywhere', async (_where, body) => {
			publitrac.injectFault(xml(body));
			const result = await getLead();
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toMatch(/DOCTYPE, which is refused/);
			expect(JSON.stringify(result.run)).not.toContain('Spoofed by the DTD');
		});

		it('a DOCTYPE inside CDATA is text; numeric and predefined references are decoded', async () => {
			publitrac.injectFault(
				xml('<response><status>2002</status><message>ok</message><leads><lead><id>1</id><email>claude@sage.com</email><firstName>Zo&#235; &amp; &#x41;l &lt;b&gt;</firstName><notes><![CDATA[<!DOCTYPE html><p>&amp;</p>]]></notes></lead></leads></response>'),
			);
			const result = await getLead();
			expect(result.nodeError).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ firstName: 'Zoë & Al <b>', notes: '<!DOCTYPE html><p>&amp;</p>' });
		});
	});

	describe('answers missing their record or with another status', () => {
		it('PUBLITRAC getLead answered 2002 without a lead: one error item per input item', async () => {
			publitrac.injectFault(xml('<response><status>2002</status><message>Get lead success.</message></response>'));
			const result = await runPublitrac({ resource: 'lead', operation: 'getLead', email: '={{ $json.email }}' }, [{ email: 'claude@sage.com' }, { email: 'claude@sage.com' }]);
			expect(result.items.map((item) => item.json)).toEqual([
				{ error: '2002: PUBLITRAC answered getLead as a success but sent no lead', details: expect.stringMatching(/no <leads><lead>/) },
				expect.objectContaining({ email: 'claude@sage.com' }),
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('PUBLITRAC syncLead answered <status>503</status> under HTTP 503 until retries are spent: an error, not {"status":"503"}', async () => {
			publitrac.injectFault({ ...xml('<response><status>503</status><message>Service unavailable</message></response>'), status: 503 }, 5);
			const result = await runPublitrac({ resource: 'lead', operation: 'syncLead', email: 'new.lead@example.com' }, [{}], false);
			expect(result.nodeError?.name).toBe('NodeApiError');
			expect(result.nodeError?.message).toBe('503: Service unavailable');
			expect(result.nodeError?.description).toBe('PUBLITRAC answered status 503 where syncLead succeeds with 2006.');
			expect(publitrac.calls('syncLead')).toHaveLength(5);
		});

		it('PUBLITRAC getLead answered <status>429</status> with a Retry-After beyond the retry budget: an error, not {}', async () => {
			publitrac.injectFault({ ...xml('<response><status>429</status><message>Too many requests</message></response>'), status: 429, headers: { 'content-type': 'text/xml', 'retry-after': '120' } });
			const result = await runPublitrac({ resource: 'lead', operation: 'getLead', email: 'claude@sage.com' }, [{}], false);
			expect(result.nodeError?.message).toBe('429: Too many requests');
		});

		it('PUBLITRAC syncLead answered with another method\'s success status: an error', async () => {
			publitrac.injectFault(xml('<response><status>2002</status><message>Get lead success.</message></response>'));
			const result = await runPublitrac({ resource: 'lead', operation: 'syncLead', email: 'new.lead@example.com' }, [{}], false);
			expect(result.nodeError?.message).toBe('2002: Get lead success.');
			expect(result.nodeError?.description).toBe('PUBLITRAC answered status 2002 where syncLead succeeds with 2006.');
		});

		it.each([
			['create', { operation: 'create', email: 'someone@example.com' }, '{}'],
			['update', { operation: 'update', customerId: '123456', email: 'someone@example.com', updateFields: { firstName: 'Ann' } }, '{"response":"ok"}'],
			['update email', { operation: 'updateEmail', oldEmail: 'a@example.com', newEmail: 'b@example.com' }, '[]'],
		])('SPREAD %s answered 200 without the customer: an error item, never a vanished item', async (_label, parameters, body) => {
			spread.injectFault({ kind: 'status', status: 200, body, headers: { 'content-type': 'application/json' } });
			const result = await runSpread({ resource: 'customer', ...parameters });
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json.error).toBe('SPREAD answered without the customer record');
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		});
	});

	describe('redirects: never followed, the Location named', () => {
		it('SPREAD create answered 302: one POST, no GET replay, an error naming the Location', async () => {
			spread.injectFault({ kind: 'status', status: 302, headers: { location: '/api/v2/customers?page=1' } });
			const result = await runSpread({ resource: 'customer', operation: 'create', email: 'redirected@example.com' }, [{}], false);
			expect(result.nodeError?.message).toBe('302: SPREAD answered POST with a redirect (HTTP 302) to /api/v2/customers?page=1');
			expect(spread.requests.map((request) => request.method)).toEqual(['POST']);
		});

		it('SPREAD get answered 301: not followed either (no credential leaves for another address)', async () => {
			spread.injectFault({ kind: 'status', status: 301, headers: { location: 'https://elsewhere.example/api/v2/customers/123456' } });
			const result = await runSpread({ resource: 'customer', operation: 'get', customerId: '123456' }, [{}], false);
			expect(result.nodeError?.message).toBe('301: SPREAD answered GET with a redirect (HTTP 301) to https://elsewhere.example/api/v2/customers/123456');
			expect(result.nodeError?.description).toMatch(/put the new address in the credential/);
			expect(spread.requests).toHaveLength(1);
		});

		it('jtel import answered 307: an error, the contact not imported twice', async () => {
			jtel.injectFault({ kind: 'status', status: 307, headers: { location: '/rest/v1.0/1001/dialler/contacts/import' } });
			const result = await runJtel({ resource: 'contact', operation: 'import', campaign: { __rl: true, mode: 'list', value: '538' }, name: 'Redirected', phoneNumber1: '+49 89 1' }, [{}], false);
			expect(result.nodeError?.message).toMatch(/^307: jtel answered POST with a redirect \(HTTP 307\)/);
			expect(jtel.requests).toHaveLength(1);
		});
	});

	describe('malformed IDs and path tricks: refused before any request', () => {
		const BAD_IDS = ['..', '.', 'abc', '1.5e3', '12/34', '%2e%2e', '0', '-5', '12?x=1', '12#a', ' '];

		it.each(BAD_IDS)('SPREAD Customer ID %j on Delete', async (id) => {
			const result = await runSpread({ resource: 'customer', operation: 'delete', customerId: '={{ $json.id }}' }, [{ id: '123456' }, { id }]);
			expect(result.items[1].json.error).toMatch(/^Customer ID: .* \(item 1\)$/);
			expect(spread.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['DELETE /api/v2/customers/123456']);
		});

		it.each(BAD_IDS)('jtel Contact ID %j on Get', async (id) => {
			const result = await runJtel({ resource: 'contact', operation: 'get', contactId: id }, [{}], false);
			expect(result.nodeError?.name).toBe('NodeOperationError');
			expect(result.nodeError?.message).toMatch(/^Contact ID: .* \(item 0\)$/);
			expect(jtel.requests).toHaveLength(0);
		});

		it.each(['..', 'a/b', 'A%2F1', 'x y'])('SPREAD Merchant Order ID %j (free text) is refused as a path segment', async (id) => {
			const result = await runSpread({ resource: 'order', operation: 'get', merchantOrderId: id }, [{}], false);
			expect(result.nodeError?.message).toMatch(/^Merchant Order ID: .* cannot be used in a URL path .*\(item 0\)$/);
			expect(spread.requests).toHaveLength(0);
		});

		it('a merchant order number with letters and dashes goes through, encoded', async () => {
			await runSpread({ resource: 'order', operation: 'get', merchantOrderId: 'A-1001_b' }, [{}]);
			expect(spread.requests.map((request) => request.path)).toEqual(['/api/v2/orders/A-1001_b']);
		});
	});

	describe('invalid emails, out-of-range choices, XML specials, 1 MB fields', () => {
		const HUGE_EMAIL = `${'a'.repeat(ONE_MB)}@example.com`;

		it.each([
			['SPREAD create', () => runSpread({ resource: 'customer', operation: 'create', email: '={{ $json.email }}' }, [{ email: 'ok@example.com' }, { email: 'not-an-email' }, { email: HUGE_EMAIL }]), () => spread.requests.length],
			['PUBLITRAC getLead', () => runPublitrac({ resource: 'lead', operation: 'getLead', email: '={{ $json.email }}' }, [{ email: 'claude@sage.com' }, { email: 'x@' }, { email: HUGE_EMAIL }]), () => publitrac.requests.length],
			[
				'InfluencerSoft addOrUpdate',
				() => runInfluencerSoft({ resource: 'contact', operation: 'addOrUpdate', email: '={{ $json.email }}' }, [{ email: 'ok@example.com' }, { email: 'a b@c.de' }, { email: HUGE_EMAIL }]),
				() => influencerSoft.requests.length,
			],
		])('%s: bad and 1 MB emails fail their own item, named, before any request; the good one goes', async (_label, run, requestCount) => {
			const result = await run();
			expect(result.items).toHaveLength(3);
			expect(result.items[0].json.error).toBeUndefined();
			expect(result.items[1].json.error).toMatch(/^Email: ".*" is not a valid email address \(item 1\)$/);
			expect(result.items[2].json.error).toBe(`Email: is ${HUGE_EMAIL.length} characters long: an email address has at most 254 (item 2)`);
			expect(requestCount()).toBe(1);
		});

		it('InfluencerSoft order status out of its list: refused before any request', async () => {
			const result = await runInfluencerSoft({ resource: 'order', operation: 'updateStatus', orderId: '1000', status: '={{ "shipped" }}', date: '2026-11-30T10:00:00Z', trackingNumber: 'RA1' }, [{}], false);
			expect(result.nodeError?.message).toMatch(/^Status: "shipped" is not one of sent, paid, return, cancel \(item 0\)$/);
			expect(influencerSoft.requests).toHaveLength(0);
		});

		it('PUBLITRAC sales stage out of its list: refused before any request', async () => {
			const result = await runPublitrac({ resource: 'opportunity', operation: 'syncOpportunity', opportunityId: 'X', name: 'X', salesStage: '={{ "Won?" }}', leadIds: 'crm-1' }, [{}], false);
			expect(result.nodeError?.message).toMatch(/^Sales Stage: "Won\?" is not one of PUBLITRAC's stages \(item 0\)$/);
			expect(publitrac.requests).toHaveLength(0);
		});

		it('PUBLITRAC: XML specials arrive intact, a control character is refused naming the field', async () => {
			const specials = 'O\'Brien & <Fils> "quoted" ]]> &amp;';
			const result = await runPublitrac(
				{ resource: 'lead', operation: 'syncLead', email: '={{ $json.email }}', additionalFields: { firstName: '={{ $json.name }}' } },
				[{ email: 'specials@example.com', name: specials }, { email: 'control@example.com', name: 'bell\u0007' }],
			);
			expect(publitrac.state.leads.get('specials@example.com')?.firstName).toBe(specials);
			expect(result.items[1].json.error).toMatch(/firstName: contains a control character that XML cannot carry \(item 1\)$/);
			expect(publitrac.calls('syncLead')).toHaveLength(1);
		});

		it('1 MB text fields: sent whole and stored whole (no silent truncation), or an error', async () => {
			const huge = 'é'.repeat(ONE_MB / 2);
			const publitracRun = await runPublitrac({ resource: 'lead', operation: 'syncLead', email: 'big@example.com', additionalFields: { firstName: huge } }, [{}], false);
			expect(publitracRun.nodeError).toBeUndefined();
			expect(publitrac.state.leads.get('big@example.com')?.firstName).toBe(huge);
			const spreadRun = await runSpread({ resource: 'customer', operation: 'create', email: 'big@example.com', additionalFields: { firstName: huge } }, [{}], false);
			expect(spreadRun.nodeError).toBeUndefined();
			expect(spreadRun.items[0].json.firstName).toBe(huge);
		});
	});
});
