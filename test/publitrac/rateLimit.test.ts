import { startPublitracServer } from '../servers/publitrac';
import { busiestWindow } from '../servers/vendorServer';
import { runPublitrac } from './run';

describe('PUBLITRAC 35 calls/s, through the engine', () => {
	it('a server enforcing 35 calls/s reads 300 leads once each, never more than 35 in a second, across items and two concurrent executions', async () => {
		const server = await startPublitracServer({ rateLimitPerSecond: 35, extraLeads: 300 });
		try {
			const input = (from: number) => Array.from({ length: 150 }, (_, index) => ({ email: `lead${from + index}@demo.example` }));
			const run = (from: number) => runPublitrac(server, { resource: 'lead', operation: 'getLead', parameters: { email: '={{ $json.email }}' }, input: input(from) });
			const started = Date.now();
			const [first, second] = await Promise.all([run(0), run(150)]);
			const elapsed = Date.now() - started;
			expect(first.nodeError).toBeUndefined();
			expect(second.nodeError).toBeUndefined();
			expect(first.items).toHaveLength(150);
			expect(second.items).toHaveLength(150);
			// Calls are counted when sent: one delayed on its way by a busy machine may land in a full window, and
			// is refused (nothing done) and resent. Each lead was read once.
			expect(server.rateLimitedCount).toBeLessThanOrEqual(3);
			const accepted = server.requests.filter((request) => !request.refusedByLimit);
			expect(accepted).toHaveLength(300);
			// No trailing second ever held more than 35 accepted calls.
			expect(busiestWindow(accepted)).toBeLessThanOrEqual(35);
			// 300 calls at 35/s take at least 299/35 s.
			expect(elapsed).toBeGreaterThanOrEqual(Math.floor((299 / 35) * 1000));
		} finally {
			await server.close();
		}
	}, 60000);
});
