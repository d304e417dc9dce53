import type { INode, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { decodeMembers } from '../../nodes/Publitrac/trigger/memberSet';
import { pollRunner } from '../engine/pollRunner';
import { loadPackage, nodeType } from '../engine/runner';
import type { Lead, PublitracServer } from '../servers/publitrac';
import { addLead, startPublitracServer } from '../servers/publitrac';

const TRIGGER = nodeType('publitracTrigger');
const DAY = 86_400_000;

/** PUBLITRAC's stamp (`yyyy-mm-dd hh:mm:ss`), here in UTC: the tests set Account Time Zone to UTC. */
const stampAt = (time: number) => new Date(time).toISOString().slice(0, 19).replace('T', ' ');
const dayOf = (time: number) => stampAt(time).slice(0, 10);

describe('PUBLITRAC Trigger (polling), through n8n-core\'s PollContext', () => {
	let server: PublitracServer;
	const trigger = (parameters: INodeParameters, nodeStaticData?: Record<string, unknown>) =>
		pollRunner({
			type: TRIGGER,
			parameters: { ...parameters, options: { accountTimeZone: 'UTC', ...(parameters.options as object) } },
			credentials: { publitracApi: server.credentials() },
			nodeStaticData: nodeStaticData as never,
			timezone: 'UTC',
		});
	const emails = (items: Array<{ json: Record<string, unknown> }> | null) => (items ?? []).map((item) => item.json.email);
	const newLead = (email: string, time = Date.now(), fields: Record<string, string> = {}): Lead =>
		addLead(server.state, { email, createdDate: stampAt(time), lastUpdated: stampAt(time), ...fields });
	const searchedDays = () => server.calls('getLeads').map((request) => String((server.queryOf(request).queries as { query: Array<{ value: string }> }).query[0].value));

	beforeEach(async () => {
		server = await startPublitracServer({ rateLimitPerSecond: 35 });
	});
	afterEach(async () => await server.close());

	// Up to 0.1.0 the first poll called nothing and kept a cursor in the account's zone: the bug of issue 27. It now
	// notes the leads of the dates a clock on Earth shows (2 or 3 calls) and emits none of them.
	it('the first poll after activation emits nothing old (it notes the leads of the dates around now); later polls emit each new lead once', async () => {
		const runner = await trigger({ event: 'leadCreated' });
		newLead('just-before@example.com');
		expect(await runner.poll()).toBeNull();
		expect(server.calls('getLeads').length).toBeGreaterThanOrEqual(2);
		expect(server.calls('getLeads').length).toBeLessThanOrEqual(3);
		expect(searchedDays()).toContain(`${dayOf(Date.now())}%`);
		expect(runner.staticData()).toMatchObject({ lastPoll: expect.any(Number), seen: expect.any(Object) });
		server.reset();

		const first = newLead('first@example.com');
		const second = await runner.poll();
		expect(emails(second)).toEqual([first.email]);
		expect(second![0].json).toMatchObject({ id: first.id, createdDate: first.createdDate });
		const [request] = server.calls('getLeads');
		expect(request.method).toBe('GET');
		expect(server.queryOf(request)).toEqual({ queries: { query: [{ field: 'createdDate', operator: 'like', value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}%$/) }] } });
		expect(searchedDays()).toContain(`${dayOf(Date.now())}%`);
		expect(request.query.get('page')).toBe('1');

		expect(await runner.poll()).toBeNull();
		const later = newLead('later@example.com', Date.now() + 1000);
		expect(emails(await runner.poll())).toEqual([later.email]);
		expect(await runner.poll()).toBeNull();
	});

	it('leads stamped in the same second as the last one emitted are neither missed nor repeated', async () => {
		const now = Date.now();
		const runner = await trigger({ event: 'leadCreated' });
		expect(await runner.poll()).toBeNull();
		const one = newLead('one@example.com', now);
		expect(emails(await runner.poll())).toEqual([one.email]);
		const two = newLead('two@example.com', now);
		expect(emails(await runner.poll())).toEqual([two.email]);
		expect(await runner.poll()).toBeNull();
		// The state is keys, not a stamp: both leads of that second, under their date.
		expect((runner.staticData().seen as Record<string, string[]>)[dayOf(now)]).toEqual(expect.arrayContaining([`${one.id}@${stampAt(now)}`, `${two.id}@${stampAt(now)}`]));
	});

	it('across midnight: each day since the cursor is asked for, the leads on both sides emitted once', async () => {
		const today = Date.parse(`${dayOf(Date.now())}T00:00:00Z`);
		const runner = await trigger({ event: 'leadCreated' }, { event: 'leadCreated', cursor: stampAt(today - 2000), seenAtCursor: [] });
		newLead('too-old@example.com', today - 3000);
		const before = newLead('before-midnight@example.com', today - 1000);
		const at = newLead('midnight@example.com', today);
		const items = await runner.poll();
		expect(emails(items)).toEqual([before.email, at.email]);
		// From a state of 0.1.0 (a cursor): it carries on once, reading the dates of any zone around it.
		expect(searchedDays()).toEqual(expect.arrayContaining([`${dayOf(today - DAY)}%`, `${dayOf(today)}%`]));
		expect(await runner.poll()).toBeNull();
	});

	it('"created or updated" watches lastUpdated: each change of a lead once, by id and stamp', async () => {
		const now = Date.now();
		const runner = await trigger({ event: 'leadChanged', options: { simplify: true } }, { event: 'leadChanged', cursor: stampAt(now - 5000), seenAtCursor: [] });
		const lead = server.state.leads.get('claude@sage.com')!;
		lead.lastUpdated = stampAt(now - 1000);
		lead.city = 'Lyon';
		const changed = await runner.poll();
		expect(changed!.map((item) => [item.json.email, item.json.city])).toEqual([['claude@sage.com', 'Lyon']]);
		// Simplify leaves out the fields PUBLITRAC sends empty.
		expect(changed![0].json).not.toHaveProperty('fax');
		expect(server.queryOf(server.calls('getLeads')[0])).toMatchObject({ queries: { query: [{ field: 'lastUpdated' }] } });
		expect(await runner.poll()).toBeNull();
		lead.lastUpdated = stampAt(now);
		lead.city = 'Brest';
		expect((await runner.poll())!.map((item) => item.json.city)).toEqual(['Brest']);
		expect(await runner.poll()).toBeNull();
	});

	it('a day of several pages: every lead once, page by page', async () => {
		const now = Date.now();
		const runner = await trigger({ event: 'leadCreated' }, { event: 'leadCreated', cursor: stampAt(now - 5000), seenAtCursor: [] });
		const created = Array.from({ length: 230 }, (_, index) => newLead(`bulk${index}@example.com`, now).email);
		const items = await runner.poll();
		expect(emails(items).sort()).toEqual([...created].sort());
		const todayCalls = server.calls('getLeads').filter((request) => searchedDays()[server.calls('getLeads').indexOf(request)] === `${dayOf(now)}%`);
		expect(todayCalls.map((request) => request.query.get('page'))).toEqual(['1', '2', '3']);
		expect(await runner.poll()).toBeNull();
	});

	it('Start From backfills on the first poll only, from the date and time picked in the workflow\'s zone', async () => {
		const now = Date.now();
		const since = now - 2 * DAY;
		newLead('before-backfill@example.com', since - 60_000);
		const backfilled = [newLead('backfill1@example.com', since + 60_000), newLead('backfill2@example.com', now - DAY)];
		const runner = await trigger({ event: 'leadCreated', options: { startFrom: stampAt(since).replace(' ', 'T') } });
		expect(emails(await runner.poll())).toEqual(backfilled.map((lead) => lead.email));
		// From the date UTC−12 showed at Start From, whatever zone PUBLITRAC stamps in.
		expect(searchedDays()[0]).toBe(`${dayOf(since - DAY / 2)}%`);
		expect(searchedDays()).toEqual(expect.arrayContaining([0, 1, 2].map((days) => `${dayOf(since + days * DAY)}%`)));
		expect(await runner.poll()).toBeNull();
	});

	// Up to 0.1.0 a cursor days behind was walked to within a day of now. Now, after n8n was stopped, the first
	// poll catches up a week (a weekend outage loses nothing), then each poll reads the dates since the last.
	it('after n8n was stopped ten days, the first poll catches up the last week, then a quiet account costs 2 or 3 calls a poll', async () => {
		const now = Date.now();
		const runner = await trigger({ event: 'leadCreated' }, { event: 'leadCreated', lastPoll: now - 10 * DAY, seen: {} });
		newLead('nine-days-ago@example.com', now - 9 * DAY);
		const recent = newLead('six-days-ago@example.com', now - 6 * DAY);
		expect(emails(await runner.poll())).toEqual([recent.email]);
		expect(server.calls('getLeads').length).toBeGreaterThanOrEqual(8);
		expect(server.calls('getLeads').length).toBeLessThanOrEqual(9);
		server.reset();
		expect(await runner.poll()).toBeNull();
		expect(server.calls('getLeads').length).toBeLessThanOrEqual(3);
	});

	it('keeps to 35 calls a second through the PUBLITRAC transport, even on a long backfill', async () => {
		const runner = await trigger({ event: 'leadCreated', options: { startFrom: stampAt(Date.now() - 80 * DAY).replace(' ', 'T') } });
		await runner.poll();
		const times = server.requests.map((request) => request.receivedAt);
		expect(times.length).toBeGreaterThanOrEqual(81);
		expect(server.rateLimitedCount).toBe(0);
		const busiestSecond = Math.max(...times.map((time) => times.filter((other) => other >= time && other < time + 1000).length));
		expect(busiestSecond).toBeLessThanOrEqual(35);
	});

	it('a manual test run returns recent sample leads, newest first, and leaves the poll state alone', async () => {
		const runner = await trigger({ event: 'leadCreated' });
		const older = newLead('older@example.com', Date.now() - 60_000);
		const newest = newLead('newest@example.com', Date.now());
		expect(emails(await runner.poll('manual'))).toEqual([newest.email, older.email]);
		expect(runner.staticData()).toEqual({});
		expect(server.calls('getLeads')).toHaveLength(1);
	});

	it('a manual test run on an account with no recent lead shows five of its leads', async () => {
		const runner = await trigger({ event: 'leadCreated' });
		const items = await runner.poll('manual');
		expect(items).toHaveLength(5);
		// Three recent months asked, then every lead (an empty <queries/>), first page only.
		expect(server.calls('getLeads').map((request) => JSON.stringify(server.queryOf(request)))).toHaveLength(4);
		expect(server.queryOf(server.calls('getLeads')[3])).toEqual({ queries: '' });
	});

	it('a PUBLITRAC error stops the poll with the vendor\'s code, and no secret', async () => {
		const runner = await trigger({ event: 'leadCreated' }, { event: 'leadCreated', cursor: stampAt(Date.now() - 1000), seenAtCursor: [] });
		server.injectFault({ kind: 'status', status: 200, body: `<response><status>9011</status><message>Invalid XML for ${server.account.apiKey}</message></response>` });
		const failure = await runner.poll().catch((error: Error) => error);
		expect((failure as Error).message).toBe('9011: Invalid XML for [redacted]');
		expect(JSON.stringify(failure)).not.toContain(server.account.apiKey);
	});

	it('its canvas subtitle names the event in words', async () => {
		const { description } = (await loadPackage()).nodeTypes.getByNameAndVersion(TRIGGER, 1);
		const node: INode = { id: '1', name: 'Trigger', type: TRIGGER, typeVersion: 1, position: [0, 0], parameters: { event: 'leadEnteredView' } };
		const nodeTypes = { getByName: () => ({ description }), getByNameAndVersion: () => ({ description }), getKnownTypes: () => ({}) } as never;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		expect(workflow.expression.getSimpleParameterValue(node, description.subtitle as string, 'internal', {})).toBe('Lead Entered View');
	});

	it('a wrong Account Time Zone is refused before any call', async () => {
		const runner = await trigger({ event: 'leadCreated', options: { accountTimeZone: 'Mars/Olympus' } });
		await expect(runner.poll()).rejects.toThrow('Account Time Zone: "Mars/Olympus" is not a time zone');
		expect(server.requests).toHaveLength(0);
	});

	describe('Lead Entered View (a second mode: getView, leads that were not in the view at the last poll)', () => {
		const VIEW = 'PromoABC_Email_Open';
		it('the first poll notes the members; a lead that enters is emitted once; leaving and coming back emits it again', async () => {
			const runner = await trigger({ event: 'leadEnteredView', viewName: VIEW });
			expect(await runner.poll()).toBeNull();
			expect(server.calls('getView').map((request) => request.query.get('viewName'))).toEqual([VIEW]);
			// The two members' IDs, kept compactly (trigger/memberSet.ts; up to 0.1.0 a plain list, `viewMembers`).
			expect(runner.staticData()).toEqual({ event: 'leadEnteredView', viewName: VIEW, members: expect.stringMatching(/^n:/) });
			const wasMember = decodeMembers(runner.staticData().members as string)!;
			expect([...server.state.leads.values()].filter((lead) => wasMember(lead.id)).map((lead) => lead.email).sort()).toEqual(['helene@exemple.ca', 'johnsmith@publipage.com']);

			const claude = server.state.leads.get('claude@sage.com')!;
			claude.score = '70';
			expect(emails(await runner.poll())).toEqual(['claude@sage.com']);
			expect(await runner.poll()).toBeNull();
			claude.score = '10';
			expect(await runner.poll()).toBeNull();
			claude.score = '90';
			expect(emails(await runner.poll())).toEqual(['claude@sage.com']);
		});

		it('Start From on the first poll emits the leads in the view now; a manual run shows some of them', async () => {
			const backfill = await trigger({ event: 'leadEnteredView', viewName: VIEW, options: { startFrom: '2020-01-01T00:00:00' } });
			expect(emails(await backfill.poll()).sort()).toEqual(['helene@exemple.ca', 'johnsmith@publipage.com']);
			expect(await backfill.poll()).toBeNull();
			const manual = await trigger({ event: 'leadEnteredView', viewName: VIEW });
			expect(emails(await manual.poll('manual')).sort()).toEqual(['helene@exemple.ca', 'johnsmith@publipage.com']);
			expect(manual.staticData()).toEqual({});
		});

		it('an unknown view is PUBLITRAC\'s 9010 error', async () => {
			const runner = await trigger({ event: 'leadEnteredView', viewName: 'No Such View' });
			await expect(runner.poll()).rejects.toThrow('9010: View does not exist.');
		});
	});
});
