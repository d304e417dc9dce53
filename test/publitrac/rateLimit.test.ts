import { startPublitracServer } from '../servers/publitrac';
import { runPublitrac } from './run';

describe('PUBLITRAC 35 calls/s, through the engine', () => {
	it('a server enforcing 35 calls/s sees no 429 over 300 calls, across items and two concurrent executions', async () => {
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
			expect(server.rateLimitedCount).toBe(0);
			expect(server.requests).toHaveLength(300);
			// No trailing second ever held more than 35 arrivals.
			const arrivals = server.requests.map((request) => request.receivedAt);
			let busiest = 0;
			for (let index = 0, start = 0; index < arrivals.length; index++) {
				while (arrivals[start] <= arrivals[index] - 1000) start++;
				busiest = Math.max(busiest, index - start + 1);
			}
			expect(busiest).toBeLessThanOrEqual(35);
			// 300 calls at 35/s take at least 299/35 s.
			expect(elapsed).toBeGreaterThanOrEqual(Math.floor((299 / 35) * 1000));
		} finally {
			await server.close();
		}
	}, 60000);
});
