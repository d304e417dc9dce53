import { runPublitrac } from './run';
import type { PublitracServer } from '../servers/publitrac';
import { startPublitracServer } from '../servers/publitrac';

/** Paging totals without Return All, and a start page to resume a large export (PUBLITRAC's `<paging>`, 100 leads a page). */
describe('PUBLITRAC paged reads: Add Total and Start Page', () => {
	let server: PublitracServer;
	beforeEach(async () => {
		server = await startPublitracServer({ extraLeads: 230 });
	});
	afterEach(async () => await server.close());

	const search = (parameters: Record<string, unknown>) => runPublitrac(server, { resource: 'lead', operation: 'getLeads', parameters: parameters as never });
	const pagesAsked = () => server.calls('getLeads').map((request) => request.query.get('page'));

	it('Add Total gives the whole search\'s total and the page to carry on from, in one call', async () => {
		const total = server.state.leads.size;
		const result = await search({ returnAll: false, limit: 50, paging: { addTotal: true } });
		expect(result.json).toHaveLength(50);
		expect(result.json[0]).toMatchObject({ _total: total, _nextPage: 1 });
		expect(result.json[1]).not.toHaveProperty('_total');
		expect(pagesAsked()).toEqual(['1']);

		server.reset();
		const page = await search({ returnAll: false, limit: 100, paging: { addTotal: true }, simplify: true });
		expect(page.json[0]).toMatchObject({ _total: total, _nextPage: 2 });
		expect(pagesAsked()).toEqual(['1']);
	});

	it('a search that finds nothing gives one item with the total 0', async () => {
		const result = await search({ conditions: { condition: [{ field: 'email', operator: 'like', value: 'nobody%' }] }, returnAll: true, paging: { addTotal: true } });
		expect(result.json).toEqual([{ _total: 0, _nextPage: null }]);
	});

	it('Start Page resumes an export: two runs of 100 hold exactly the first 200 leads of one whole read', async () => {
		const whole = (await search({ returnAll: true })).json.map((lead) => lead.id);
		server.reset();
		const first = await search({ returnAll: false, limit: 100, paging: { addTotal: true } });
		const next = first.json[0]._nextPage;
		expect(next).toBe(2);
		const second = await search({ returnAll: false, limit: 100, paging: { startPage: next, addTotal: true } });
		expect([...first.json, ...second.json].map((lead) => lead.id)).toEqual(whole.slice(0, 200));
		expect(second.json[0]._nextPage).toBe(3);
		expect(pagesAsked()).toEqual(['1', '2']);
	});

	it('Start Page with Return All reads from that page to the end, and says nothing is left', async () => {
		const whole = (await search({ returnAll: true })).json.map((lead) => lead.id);
		server.reset();
		const rest = await search({ returnAll: true, paging: { startPage: 2, addTotal: true } });
		expect(rest.json.map((lead) => lead.id)).toEqual(whole.slice(100));
		expect(rest.json[0]._nextPage).toBeNull();
		// A walk that starts late cannot count what came before: it stops at the first empty page.
		expect(pagesAsked()).toEqual(['2', '3', '4']);
	});

	it('a start page below 1 is refused before any request, naming the field', async () => {
		const result = await search({ returnAll: true, paging: { startPage: 0 } });
		expect(result.nodeError?.message).toContain('Paging > Start Page');
		expect(server.requests).toHaveLength(0);
	});

	it('opportunities and lists take the same options', async () => {
		const opportunities = await runPublitrac(server, { resource: 'opportunity', operation: 'getOpportunities', parameters: { returnAll: false, limit: 1, paging: { addTotal: true } } });
		expect(opportunities.json[0]).toMatchObject({ _total: server.state.opportunities.size, _nextPage: null });
		const list = await runPublitrac(server, { resource: 'list', operation: 'getList', parameters: { listName: 'Newsletter', returnAll: true, paging: { addTotal: true } } });
		expect(list.json[0]).toMatchObject({ _total: 3, _nextPage: null });
	});
});
