import type { INodeParameters } from 'n8n-workflow';

import { pollRunner } from '../engine/pollRunner';
import { nodeType } from '../engine/runner';
import type { PublitracServer } from '../servers/publitrac';
import { addLead, startPublitracServer } from '../servers/publitrac';

const TRIGGER = nodeType('publitracTrigger');

/**
 * The PUBLITRAC Trigger's Lead Entered View keeps the view's members in bounded room (trigger/memberSet.ts, as Lead
 * Added to List does), carries on from the plain ID list it kept up to 0.1.0, and refuses a view too large to
 * remember whole. Through n8n-core's PollContext against the local PUBLITRAC server; no clock is involved.
 */
describe('PUBLITRAC Trigger: Lead Entered View state', () => {
	const VIEW = 'PromoABC_Email_Open';
	let server: PublitracServer;
	const trigger = (parameters: INodeParameters, nodeStaticData?: Record<string, unknown>) =>
		pollRunner({ type: TRIGGER, parameters, credentials: { publitracApi: server.credentials() }, nodeStaticData: nodeStaticData as never, timezone: 'UTC' });
	const emails = (items: Array<{ json: Record<string, unknown> }> | null) => (items ?? []).map((item) => item.json.email);
	const idOf = (email: string) => server.state.leads.get(email)!.id;

	beforeEach(async () => {
		server = await startPublitracServer();
	});
	afterEach(async () => await server.close());

	it('the first poll after the upgrade reads the old plain list of IDs: no lead lost, none repeated; then keeps the compact form', async () => {
		// What 0.1.0 saved after a poll that saw Hélène and John in the view.
		const saved = { event: 'leadEnteredView', viewName: VIEW, viewMembers: [idOf('helene@exemple.ca'), idOf('johnsmith@publipage.com')] };
		// Since then Claude entered the view.
		server.state.leads.get('claude@sage.com')!.score = '70';
		const runner = await trigger({ event: 'leadEnteredView', viewName: VIEW }, saved);
		expect(emails(await runner.poll())).toEqual(['claude@sage.com']);
		const state = runner.staticData();
		expect(state).toEqual({ event: 'leadEnteredView', viewName: VIEW, members: expect.stringMatching(/^n:/) });

		// Carried on after a restart from the converted state: nothing again, then the next one to enter.
		const restarted = await trigger({ event: 'leadEnteredView', viewName: VIEW }, JSON.parse(JSON.stringify(state)));
		expect(await restarted.poll()).toBeNull();
		const late = addLead(server.state, { email: 'late@example.com', score: '80' });
		expect(emails(await restarted.poll())).toEqual([late.email]);
		expect(await restarted.poll()).toBeNull();
	});

	it('old state for another view is not carried over: the first poll is a baseline', async () => {
		const saved = { event: 'leadEnteredView', viewName: 'Another View', viewMembers: [] };
		const runner = await trigger({ event: 'leadEnteredView', viewName: VIEW }, saved);
		expect(await runner.poll()).toBeNull();
		expect(runner.staticData()).toEqual({ event: 'leadEnteredView', viewName: VIEW, members: expect.stringMatching(/^n:/) });
	});

	it('remembers a large view compactly (one call per 100 leads), and restarts from it', async () => {
		server.state.views.set('Big', (lead) => lead.email.startsWith('member'));
		for (let index = 0; index < 5000; index++) addLead(server.state, { email: `member${index}@example.com` });
		const runner = await trigger({ event: 'leadEnteredView', viewName: 'Big' });
		expect(await runner.poll()).toBeNull();
		expect(server.calls('getView')).toHaveLength(50);
		const saved = JSON.parse(JSON.stringify(runner.staticData()));
		expect(saved.members).toMatch(/^n:/);
		expect(saved).not.toHaveProperty('viewMembers');
		// 5,000 consecutive IDs: a gap of one character and a comma each.
		expect(JSON.stringify(saved).length).toBeLessThan(12_000);

		const latecomer = addLead(server.state, { email: 'member-late@example.com' });
		const restarted = await trigger({ event: 'leadEnteredView', viewName: 'Big' }, saved);
		expect(emails(await restarted.poll())).toEqual([latecomer.email]);
		expect(await restarted.poll()).toBeNull();
	}, 60_000);

	it('a view larger than the trigger watches fails the poll with a clear error, reading one past the limit and keeping the state as it was', async () => {
		server.state.views.set('Huge', (lead) => lead.email.startsWith('huge'));
		// 20,250 leads: three pages past the limit's 200; reading stops at the 201st, one lead past the limit.
		for (let index = 0; index < 20_250; index++) addLead(server.state, { email: `huge${index}@example.com` });
		const before = { event: 'leadEnteredView', viewName: 'Huge', members: 'n:1' };
		const runner = await trigger({ event: 'leadEnteredView', viewName: 'Huge' }, before);
		const failure = await runner.poll().catch((error: Error & { description?: string }) => error);
		expect((failure as Error).message).toBe('View Name: "Huge" holds more than the 20000 leads this trigger watches');
		expect((failure as { description?: string }).description).toMatch(/bounded.*Narrow its filter/);
		expect(server.calls('getView').map((request) => request.query.get('page')).slice(-1)).toEqual(['201']);
		expect(server.calls('getView')).toHaveLength(201);
		expect(runner.staticData()).toEqual(before);
		// 201 calls at PUBLITRAC's 35 calls/s: room for a busy machine.
	}, 180_000);
});
