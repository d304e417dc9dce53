// Two executions sharing one credential in one process share its 35 calls/s. What must hold whatever the machine's
// load: each lead read once, none lost, and never more than 35 arrivals in a second at the server.
import { startPublitracServer } from '../servers/publitrac';
import { busiestWindow } from '../servers/vendorServer';
import { runPublitrac } from './run';

describe('PUBLITRAC 35 calls/s, through the engine', () => {
	it('a server enforcing 35 calls/s reads 300 leads once each, never more than 35 arriving in a second, across items and two concurrent executions', async () => {
		const server = await startPublitracServer({ rateLimitPerSecond: 35, extraLeads: 300 });
		try {
			const emails = (from: number) => Array.from({ length: 150 }, (_, index) => `lead${from + index}@demo.example`);
			const run = (from: number) =>
				runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: '={{ $json.email }}' }, input: emails(from).map((email) => ({ email })) });
			const [first, second] = await Promise.all([run(0), run(150)]);
			expect(first.nodeError).toBeUndefined();
			expect(second.nodeError).toBeUndefined();
			expect(first.json.map((lead) => lead.email)).toEqual(emails(0));
			expect(second.json.map((lead) => lead.email)).toEqual(emails(150));
			const accepted = server.requests.filter((request) => !request.refusedByLimit);
			expect(accepted.map((request) => server.paramsOf(request).get('email')).sort()).toEqual([...emails(0), ...emails(150)].sort());
			// Every call, refused or not, counted when it arrived.
			expect(busiestWindow(server.requests)).toBeLessThanOrEqual(35);
			expect(server.rateLimitedCount).toBe(0);
		} finally {
			await server.close();
		}
	}, 60000);
});
