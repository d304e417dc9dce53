import { nodeType, runNode } from '../engine/runner';
import { startInfluencerSoftServer } from '../servers/influencersoft';
import type { InfluencerSoftServer } from '../servers/influencersoft';

/**
 * InfluencerSoft refuses calls over its per-address limit with error 8 under HTTP 200, and names no number for the
 * limit. The node takes it as the vendor's 429: the call was not processed, so it is sent again, and the calls out at
 * once are halved. Overlap is proven by counting held answers, never by timing.
 */
describe('InfluencerSoft error 8 (request limit exhausted) is a 429, not an error', () => {
	let server: InfluencerSoftServer;
	beforeAll(async () => {
		server = await startInfluencerSoftServer();
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());


	const run = (emails: string[], operation = 'addOrUpdate', requestOptions = {}) =>
		runNode({
			type: nodeType('influencerSoft'),
			parameters: {
				resource: 'contact',
				operation,
				email: '={{ $json.email }}',
				...(operation === 'addOrUpdate' ? { additionalFields: { firstName: '={{ "item" + $json.item }}' } } : {}),
				requestOptions,
			},
			credentials: { influencerSoftApi: { login: server.login, apiKey: server.apiKey, customDomain: server.url } },
			input: emails.map((email, item) => ({ email, item })) as never,
		});

	it('a refused write is sent again: every contact is written once, every item succeeds, in input order', async () => {
		const emails = ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com', 'a@example.com'];
		server.refuseOverLimit(3);
		const result = await run(emails);
		expect(result.nodeError).toBeUndefined();
		expect(server.limitRefusals()).toBe(3);
		expect(result.items.map((item) => item.json.error)).toEqual(emails.map(() => undefined));
		expect(result.items.map((item) => item.json.email)).toEqual(emails);
		expect(result.items.map((item) => item.pairedItem)).toEqual(emails.map((_, item) => ({ item })));
		// Processed calls: one per item (the refused ones were not processed); a's two items landed in input order.
		expect(server.requestsTo('/api/addupdatelead').length - server.limitRefusals()).toBe(emails.length);
		expect(server.state.leads.get('a@example.com')?.fields.lead_first_name).toBe('item5');
	});

	it('refusals slow the overlap down: after a burst of error 8s, no more than half as many calls are out at once', async () => {
		// Reads of group statuses overlap (eight at a time here). The first eight calls are refused (answered at
		// once); after them the server holds answers until five wait at once, which never happens while the limit is
		// halved: the gate opens on its fallback instead.
		server.refuseOverLimit(8);
		let arrived = 0;
		const held = server.holdAnswers({ key: (request) => (request.path === '/api/GetLeadGroupStatuses' && ++arrived > 8 ? String(arrived) : undefined), until: 5, fallbackMs: 1000 });
		const known = [...server.state.leads.keys()][0];
		const emails = Array.from({ length: 12 }, () => known);
		const result = await run(emails, 'getGroupStatuses', { requestsInParallel: 8 });
		expect(result.nodeError).toBeUndefined();
		expect(held.openedBy).toBe('fallback');
		expect(held.mostAtOnce).toBeLessThanOrEqual(4);
		expect(result.items.map((item) => item.json.email)).toEqual(emails);
		expect(server.limitRefusals()).toBe(8);
	});
});
