// PUBLITRAC's limit counts calls when they arrive: a sync of 300 leads at 35 calls/s, through n8n's engine, with the
// server answering at once and 300 ms late. What must hold whatever the machine's load: every lead synced exactly
// once, no error, and the server never saw more than 35 calls arrive in a second (so it refused none). How fast
// it goes is measured by `npm run bench`; the spacing itself is tested at exact milliseconds in
// test/shared/throttle.test.ts.
import { startPublitracServer } from '../servers/publitrac';
import { busiestWindow } from '../servers/vendorServer';
import { runPublitrac } from './run';

const LEADS = 300;
const LIMIT = 35;

describe('PUBLITRAC syncLead ×300 at real latency', () => {
	it.each([0, 300])('at %i ms a call: every lead synced once, never more than 35 arrivals in a second', async (latencyMs) => {
		const server = await startPublitracServer({ rateLimitPerSecond: LIMIT, latencyMs });
		try {
			const input = Array.from({ length: LEADS }, (_, index) => ({ email: `lead${index}@latency.example` }));
			const run = await runPublitrac(server, { resource: 'lead', operation: 'syncLead', parameters: { email: '={{ $json.email }}' }, input, continueOnFail: true });
			expect(run.json.filter((item) => 'error' in item)).toEqual([]);
			expect(run.json.map((item) => item.email)).toEqual(input.map((item) => item.email));
			const syncs = server.calls('syncLead');
			const written = syncs.filter((request) => !request.refusedByLimit).map((request) => (server.queryOf(request).lead as { email: string }).email);
			expect(written.sort()).toEqual(input.map((item) => item.email).sort());
			// Every call, refused or not, counted when it arrived: the throttle bounds arrivals, not send times.
			expect(busiestWindow(syncs)).toBeLessThanOrEqual(LIMIT);
			expect(server.rateLimitedCount).toBe(0);
		} finally {
			await server.close();
		}
	}, 60000);
});
