import type { INodeParameters } from 'n8n-workflow';

import { pollRunner } from '../engine/pollRunner';
import { nodeType } from '../engine/runner';
import type { PublitracServer } from '../servers/publitrac';
import { addLead, startPublitracServer, upsertOpportunity } from '../servers/publitrac';

const TRIGGER = nodeType('publitracTrigger');

/**
 * The PUBLITRAC Trigger's Opportunity Created or Updated and Lead Added to List, through n8n-core's PollContext.
 * Both diff what a poll reads with what the last one read: no stamp is compared with a clock. The server's stamps
 * come from a clock the test moves (`clock`), so nothing depends on when the test runs.
 */
describe('PUBLITRAC Trigger: opportunities and list members', () => {
	let server: PublitracServer;
	const trigger = (parameters: INodeParameters, nodeStaticData?: Record<string, unknown>, timezone = 'Europe/Paris') =>
		pollRunner({ type: TRIGGER, parameters, credentials: { publitracApi: server.credentials() }, nodeStaticData: nodeStaticData as never, timezone });
	const ids = (items: Array<{ json: Record<string, unknown> }> | null) => (items ?? []).map((item) => item.json.id);
	let clock = 0;
	const tick = () => (clock += 60_000);
	const upsert = (id: string, fields: Record<string, string> = {}, at = clock) => upsertOpportunity(server.state, id, fields, at);

	beforeEach(async () => {
		clock = Date.UTC(2026, 2, 10, 23, 58, 0);
		server = await startPublitracServer();
	});
	afterEach(async () => await server.close());

	describe('Opportunity Created or Updated', () => {
		it('the first poll notes what is there; then each new opportunity and each change once, across midnight', async () => {
			const runner = await trigger({ event: 'opportunityChanged' });
			expect(await runner.poll()).toBeNull();
			expect(server.calls('getOpportunities').map((request) => request.query.get('page'))).toEqual(['1']);

			tick();
			upsert('2');
			const created = await runner.poll();
			expect(ids(created)).toEqual(['2']);
			expect(created![0].json).toMatchObject({ Name: 'Opportunity 2', Amount: '1000' });
			expect(await runner.poll()).toBeNull();

			// Past midnight (UTC and Paris): a change is new because its (id, Last_Updated) was not seen, whatever the date.
			tick();
			tick();
			upsert('2', { Sales_Stage: 'Qualification' });
			expect((await runner.poll())!.map((item) => item.json.Sales_Stage)).toEqual(['Qualification']);
			expect(await runner.poll()).toBeNull();
		});

		it('an opportunity without a real Last_Updated (0000-00-00) is new again when its content changes, once', async () => {
			const runner = await trigger({ event: 'opportunityChanged' });
			await runner.poll();
			server.state.opportunities.get('1')!.fields.Amount = '12000';
			expect((await runner.poll())!.map((item) => [item.json.id, item.json.Amount])).toEqual([['1', '12000']]);
			expect(await runner.poll()).toBeNull();
		});

		it('reads every page each poll (one call per 200 opportunities) and keeps its state bounded at 5,000 keys', async () => {
			const runner = await trigger({ event: 'opportunityChanged' });
			for (let index = 0; index < 5100; index++) upsert(`B${index}`, {}, clock - 86_400_000 + index * 1000);
			await runner.poll();
			expect(server.calls('getOpportunities')).toHaveLength(26);
			const state = runner.staticData();
			// The oldest date (2026-03-09, 120 opportunities) was forgotten for room; its floor covers it.
			expect(Object.values(state.seen as Record<string, string[]>).flat().length).toBe(4981);
			expect(state.floor).toBe('2026-03-09');
			expect(JSON.stringify(state).length).toBeLessThan(100_000);
			expect(await runner.poll()).toBeNull();
			tick();
			upsert('B10', { Amount: '5' });
			upsert('NEW');
			expect(ids(await runner.poll())).toEqual(['B10', 'NEW']);
			expect(await runner.poll()).toBeNull();
		});

		it('carries on after a restart from the saved static data; Simplify types the values', async () => {
			const runner = await trigger({ event: 'opportunityChanged', options: { simplify: true } });
			await runner.poll();
			const saved = JSON.parse(JSON.stringify(runner.staticData()));
			tick();
			upsert('7', { Amount: '2500', Probability: '40' });
			const restarted = await trigger({ event: 'opportunityChanged', options: { simplify: true } }, saved);
			const items = await restarted.poll();
			expect(items!.map((item) => [item.json.id, item.json.Amount, item.json.Probability, item.json.Last_Updated])).toEqual([['7', 2500, 40, '2026-03-10T23:59:00']]);
			expect(await restarted.poll()).toBeNull();
		});

		it('a manual test run shows the latest opportunity and leaves the state alone', async () => {
			upsert('9');
			const runner = await trigger({ event: 'opportunityChanged' });
			expect(ids(await runner.poll('manual'))).toEqual(['9']);
			expect(runner.staticData()).toEqual({});
		});
	});

	describe('Lead Added to List', () => {
		const newsletter = () => server.state.lists.get('Newsletter')!;

		it('emits each lead added to the list once; one who leaves and comes back is emitted again', async () => {
			const runner = await trigger({ event: 'leadAddedToList', listName: 'Newsletter' });
			expect(await runner.poll()).toBeNull();
			expect(server.calls('getList').map((request) => request.query.get('listName'))).toEqual(['Newsletter']);

			newsletter().add('johnsmith@publitrac.com');
			const added = await runner.poll();
			expect(added!.map((item) => item.json.email)).toEqual(['johnsmith@publitrac.com']);
			expect(await runner.poll()).toBeNull();

			newsletter().delete('claude@sage.com');
			expect(await runner.poll()).toBeNull();
			newsletter().add('claude@sage.com');
			expect((await runner.poll())!.map((item) => item.json.email)).toEqual(['claude@sage.com']);
		});

		it('remembers a large list compactly, and restarts from it', async () => {
			const runner = await trigger({ event: 'leadAddedToList', listName: 'Big' });
			const big = new Set<string>();
			server.state.lists.set('Big', big);
			for (let index = 0; index < 1000; index++) big.add(addLead(server.state, { email: `member${index}@example.com` }).email);
			await runner.poll();
			expect(server.calls('getList')).toHaveLength(10);
			const saved = JSON.parse(JSON.stringify(runner.staticData()));
			expect(saved.members).toMatch(/^n:/);
			expect(saved.members.length).toBeLessThan(3000);

			const fresh = addLead(server.state, { email: 'latecomer@example.com' });
			big.add(fresh.email);
			const restarted = await trigger({ event: 'leadAddedToList', listName: 'Big' }, saved);
			expect(ids(await restarted.poll())).toEqual([fresh.id]);
		});

		it('Start From emits who is in the list at the first poll; another list starts afresh', async () => {
			const runner = await trigger({ event: 'leadAddedToList', listName: 'Newsletter', options: { startFrom: '2026-03-01T00:00:00' } });
			expect((await runner.poll())!.map((item) => item.json.email).sort()).toEqual(['claude@sage.com', 'helene@exemple.ca', 'johnsmith@publipage.com']);
			expect(await runner.poll()).toBeNull();
			const other = await trigger({ event: 'leadAddedToList', listName: 'Imported2012' }, JSON.parse(JSON.stringify(runner.staticData())));
			expect(await other.poll()).toBeNull();
		});

		it('a list larger than the trigger watches fails the poll with an error, rather than being remembered in part', async () => {
			const huge = new Set<string>();
			server.state.lists.set('Huge', huge);
			for (let index = 0; index <= 20_000; index++) huge.add(addLead(server.state, { email: `huge${index}@example.com` }).email);
			const runner = await trigger({ event: 'leadAddedToList', listName: 'Huge' });
			await expect(runner.poll()).rejects.toThrow('List Name: "Huge" holds more than the 20000 leads this trigger watches');
			expect(runner.staticData()).toEqual({});
			// 201 calls at PUBLITRAC's 35 calls/s: room for a busy machine.
		}, 180_000);

		it('an unknown list fails the poll with PUBLITRAC\'s error, and a missing name before any call', async () => {
			const runner = await trigger({ event: 'leadAddedToList', listName: 'Nope' });
			await expect(runner.poll()).rejects.toThrow(/9009/);
			const unnamed = await trigger({ event: 'leadAddedToList', listName: ' ' });
			server.reset();
			await expect(unnamed.poll()).rejects.toThrow('List Name: is required');
			expect(server.requests).toHaveLength(0);
		});
	});
});
