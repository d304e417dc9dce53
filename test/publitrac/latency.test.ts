/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// PUBLITRAC's limit counts calls when they are sent: a sync keeps its 35 calls/s whatever the latency, the calls in
// flight following rate × latency, and the server never sees more than 35 in a second.
import { loadPackage } from '../engine/runner';
import { startPublitracServer } from '../servers/publitrac';
import { busiestWindow } from '../servers/vendorServer';
import { runPublitrac } from './run';

const LEADS = 300;
const LIMIT = 35;

describe('PUBLITRAC syncLead ×300 at real latency', () => {
	// Loading n8n-core and the package stays out of the timings.
	beforeAll(async () => await loadPackage());

	it.each([0, 300])('at %i ms a call: about 35 calls/s, every lead synced once', async (latencyMs) => {
		const server = await startPublitracServer({ rateLimitPerSecond: LIMIT, latencyMs });
		try {
			const input = Array.from({ length: LEADS }, (_, index) => ({ email: `lead${index}@latency.example` }));
			const started = Date.now();
			const run = await runPublitrac(server, { resource: 'lead', operation: 'syncLead', parameters: { email: '={{ $json.email }}' }, input, continueOnFail: true });
			const wallMs = Date.now() - started;
			const accepted = server.calls('syncLead').filter((request) => !request.refusedByLimit);
			process.stdout.write(`syncLead ×${LEADS} at ${latencyMs} ms: ${wallMs} ms (${(wallMs / ((LEADS / LIMIT) * 1000)).toFixed(3)} × the floor), ${server.rateLimitedCount} × 429\n`);
			expect(run.json.filter((item) => 'error' in item)).toEqual([]);
			expect(run.json.map((item) => item.email)).toEqual(input.map((item) => item.email));
			expect(accepted).toHaveLength(LEADS);
			expect(busiestWindow(accepted)).toBeLessThanOrEqual(LIMIT);
			// Calls overlap as rate × latency (about 10 at 300 ms); counting calls when they finished allowed 4.
			if (latencyMs > 0) expect(busiestWindow(accepted, latencyMs)).toBeGreaterThanOrEqual(Math.floor(LIMIT * (latencyMs / 1000) * 0.8));
			// The goal is 1.10 × (300 / 35 s), measured by `npm run bench` on a quiet machine (1.05-1.10 here when this
			// file runs alone). Within the whole suite on 2 cores the timers lose CPU (up to 1.4× seen): this bound only
			// catches a throttle that waits for answers, which the overlap check above already pins down.
			expect(wallMs).toBeLessThanOrEqual(1.6 * (LEADS / LIMIT) * 1000);
			// A call delayed on its way by a busy machine may still land in a full window: refused, resent.
			expect(server.rateLimitedCount).toBeLessThanOrEqual(5);
		} finally {
			await server.close();
		}
	}, 60000);
});
