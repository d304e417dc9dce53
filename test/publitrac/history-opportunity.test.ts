import { runNode } from '../engine/runner';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { PUBLITRAC, runPublitrac } from './run';

describe('PUBLITRAC history, opportunities and e-commerce, through the engine', () => {
	let server: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer();
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it.each([
		['addWebVisitHistory', 'webvisitleadhistory', '3002'],
		['addClickLinkHistory', 'clicklinkleadhistory', '3003'],
	])('%s posts email and the <%s> document', async (operation, element, status) => {
		const visit = {
			information: '/blog',
			context: 'Blog viewed',
			url: 'http://www.acme.com/blog?a=1&b=2',
			query: 'blog_post=product_abc_launch',
			referral: 'http://www.linkedin.com/home.php?udi=1',
			ip: '71.23.75.32',
			userAgent: 'Mozilla/5.0 (Windows; U; Windows NT 6.1; es-ES; rv:1.9.1.16) Gecko/20101130 Firefox/3.5.16',
			sessionId: '2192c0f3802f8e0744e9940788121624',
		};
		const result = await runPublitrac(server, { resource: 'history', operation, parameters: { email: 'claude@sage.com', additionalFields: visit } });
		expect(result.json).toEqual([{ email: 'claude@sage.com', status, message: expect.stringMatching(/success/) }]);
		const [request] = server.requests;
		expect(request.method).toBe('POST');
		expect(server.paramsOf(request).get('email')).toBe('claude@sage.com');
		expect(request.query.has('email')).toBe(false);
		expect(server.queryOf(request)).toEqual({ [element]: visit });
	});

	it('addFillFormHistory sends the values as CDATA, unchanged', async () => {
		const values = 'Firstname: Claude\nLastname: Sage & <Fils>\nNote: ]]> é 😀\n';
		const result = await runPublitrac(server, {
			resource: 'history',
			operation: 'addFillFormHistory',
			parameters: { email: 'claude@sage.com', formName: 'Infolettre', additionalFields: { information: 'Registration Form', url: '/infolettre.php', values } },
		});
		expect(result.json).toEqual([{ email: 'claude@sage.com', formName: 'Infolettre', status: '3004', message: 'Add fill form history success.' }]);
		expect(new URLSearchParams(server.requests[0].body).get('query')).toContain('<values><![CDATA[');
		expect(server.state.histories.at(-1)?.entry).toEqual({ information: 'Registration Form', formName: 'Infolettre', url: '/infolettre.php', values });
	});

	it('history of an unknown lead is a NodeApiError; an email of 50 characters or more is refused before sending', async () => {
		const unknown = await runPublitrac(server, { resource: 'history', operation: 'addWebVisitHistory', parameters: { email: 'ghost@nowhere.example' } });
		expect(unknown.nodeError?.message).toBe('9005: Lead does not exist.');
		server.reset();
		const long = `${'a'.repeat(40)}@example.com`;
		const tooLong = await runPublitrac(server, { resource: 'history', operation: 'addClickLinkHistory', parameters: { email: long } });
		expect(tooLong.nodeError?.message).toBe('Email: must be shorter than 50 characters (PUBLITRAC\'s limit), got 52 (item 0)');
		expect(server.requests).toHaveLength(0);
	});

	it('syncOpportunity sends the opportunity with a normalised date and its leads', async () => {
		const result = await runPublitrac(server, {
			resource: 'opportunity',
			operation: 'syncOpportunity',
			parameters: {
				opportunityId: 'Product ABC',
				name: 'Promotion Product ABC',
				salesStage: 'Closed Won',
				amount: 100000,
				probability: 100,
				leadIds: '123ABC, 5564344',
				additionalFields: { description: 'Product ABC is a revolutionary…', type: 'New Business', accountName: 'XYZ Solutions', campaignName: 'LinkedIn', leadSource: 'Web', dateClosed: '2012-08-20T10:00:00.000Z' },
			},
		});
		expect(result.nodeError).toBeUndefined();
		expect(result.json).toEqual([{ id: 'Product ABC', status: '5002', message: 'Opportunity synchronized.' }]);
		expect(server.queryOf(server.requests[0])).toEqual({
			opportunity: {
				id: 'Product ABC', name: 'Promotion Product ABC', description: 'Product ABC is a revolutionary…', type: 'New Business', accountName: 'XYZ Solutions',
				salesStage: 'Closed Won', campaignName: 'LinkedIn', leadSource: 'Web', amount: '100000', dateClosed: '2012-08-20', probability: '100',
				leads: { leadId: ['123ABC', '5564344'] },
			},
		});
	});

	it('a JavaScript Date closes the opportunity on the day the workflow\'s clock shows, not on its UTC day', async () => {
		// 23:30 UTC on 1 March is already 2 March in Paris and still 1 March in New York.
		for (const [timezone, expected] of [['Europe/Paris', '2026-03-02'], ['America/New_York', '2026-03-01']]) {
			server.reset();
			const result = await runNode({
				type: PUBLITRAC,
				parameters: {
					resource: 'opportunity',
					operation: 'syncOpportunity',
					opportunityId: 'Late deal',
					name: 'Late deal',
					salesStage: 'Closed Won',
					leadIds: '123ABC',
					additionalFields: { dateClosed: '={{ new Date("2026-03-01T23:30:00Z") }}' },
				},
				credentials: { publitracApi: server.credentials() },
				settings: { timezone },
			});
			expect(result.nodeError).toBeUndefined();
			expect((server.queryOf(server.requests[0]) as { opportunity: { dateClosed: string } }).opportunity.dateClosed).toBe(expected);
		}
	});

	it('getOpportunities returns the opportunities with Return All', async () => {
		const result = await runPublitrac(server, { resource: 'opportunity', operation: 'getOpportunities', parameters: { returnAll: true } });
		expect(result.json).toHaveLength(server.state.opportunities.size);
		expect(result.json[0]).toEqual(expect.objectContaining({ id: '1', Name: 'PUBLITRAC', Sales_Stage: 'Closed Won', Amount: '9000' }));
		expect(server.requests).toHaveLength(1);
	});

	it('createTransaction posts the transaction JSON, token and email; "200 OK" is success', async () => {
		const result = await runPublitrac(server, {
			resource: 'ecommerce',
			operation: 'createTransaction',
			parameters: {
				email: 'claude@sage.com',
				accountToken: server.state.accountToken,
				transactionId: '1000',
				total: 40,
				currency: 'eur',
				items: { item: [{ id: '9991', name: 'Bunnies', sku: 'DD23444', category: 'Animals', price: 10, quantity: 1 }] },
				additionalFields: { tax: 12, shipping: 'air', info: 'my first transaction' },
			},
		});
		expect(result.nodeError).toBeUndefined();
		expect(result.json).toEqual([{ transactionId: '1000', email: 'claude@sage.com', status: '200', message: '200 OK' }]);
		const params = server.paramsOf(server.requests[0]);
		expect(params.get('token')).toBe(server.state.accountToken);
		expect(JSON.parse(params.get('transaction') ?? '')).toEqual({
			id: '1000', token: server.state.accountToken, email: 'claude@sage.com', type: 'buying', total: '40', tax: '12', shipping: 'air', info: 'my first transaction', currency: 'EUR',
			items: [{ id: '9991', name: 'Bunnies', sku: 'DD23444', category: 'Animals', price: '10', quantity: '1' }],
		});
		expect(server.requests[0].query.has('method')).toBe(false);
		// Only what the document lists, in the form body: the account's API key, username and password go nowhere.
		expect([...params.keys()].sort()).toEqual(['email', 'token', 'transaction']);
		expect([...server.requests[0].query.keys()]).toEqual([]);
		const wire = `${server.requests[0].path}?${server.requests[0].query.toString()} ${server.requests[0].body}`;
		for (const secret of [server.account.apiKey, server.account.password, encodeURIComponent(server.account.password)]) expect(wire).not.toContain(secret);
	});

	it('createTransaction at a typed Endpoint URL: that URL gets the transaction, token and email, and no credential secret', async () => {
		server.reset();
		const endpointUrl = `${server.url}/shop/transactions`;
		const result = await runPublitrac(server, {
			resource: 'ecommerce',
			operation: 'createTransaction',
			parameters: { endpointUrl, email: 'claude@sage.com', accountToken: server.state.accountToken, transactionId: '2000', total: 9.5, currency: 'CAD' },
		});
		expect(result.json).toEqual([{ transactionId: '2000', email: 'claude@sage.com', status: '200', message: '200 OK' }]);
		const [request] = server.requests;
		expect(`${server.url}${request.path}`).toBe(endpointUrl);
		expect(request.headers.authorization).toBeUndefined();
		const wire = `${request.path}?${request.query.toString()} ${request.body} ${JSON.stringify(request.headers)}`;
		for (const secret of [server.account.apiKey, server.account.username, server.account.password, encodeURIComponent(server.account.password)]) {
			expect(wire).not.toContain(secret);
		}
	});

	it('createTransaction: a plain-text error answer is that error (code, words), not "not valid XML"', async () => {
		const recorded = server.state.transactions.length;
		const result = await runPublitrac(server, {
			resource: 'ecommerce',
			operation: 'createTransaction',
			parameters: { email: 'claude@sage.com', accountToken: 'not-the-token', transactionId: '1001', total: 5, currency: 'EUR' },
			input: [{}, {}],
			continueOnFail: true,
		});
		expect(result.nodeError).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ error: '401: 401 Unauthorized: invalid account token' },
			{ error: '401: 401 Unauthorized: invalid account token' },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(server.state.transactions).toHaveLength(recorded);
	});
});
