/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Benchmark (not a test): the shared throttle's observed rate over 500 calls, through n8n's engine,
// against a local server that answers 429 above 35 calls/s.
import '../../test/engine/setupEnv';

import { fail, print } from './print';
import { fixturePath, runNode } from '../../test/engine/runner';
import { startVendorServer } from '../../test/servers/vendorServer';

const CALLS = Number(process.env.BENCH_THROTTLE_CALLS ?? 500);
const LIMIT = 35;

export async function benchThrottle() {
	const server = await startVendorServer(() => ({ body: { ok: true } }), { rateLimitPerSecond: LIMIT });
	try {
		const started = Date.now();
		const result = await runNode({
			type: 'n8n-nodes-probe.probe',
			packageDir: fixturePath('probe-package'),
			parameters: { path: '/records', callsPerSecond: LIMIT, maxAttempts: 1 },
			credentials: { probeApi: { baseUrl: server.url, apiKey: 'bench-key', password: 'bench-password' } },
			input: Array.from({ length: CALLS }, () => ({})),
		});
		if (result.nodeError) throw new Error(`run failed: ${result.nodeError.message}`);
		const first = server.requests[0].receivedAt;
		const last = server.requests[server.requests.length - 1].receivedAt;
		const observedRate = ((server.requests.length - 1) * 1000) / (last - first);
		return {
			calls: server.requests.length,
			wallMs: Date.now() - started,
			observedRate: Number(observedRate.toFixed(2)),
			rateLimited429: server.rateLimitedCount,
			withinTarget: observedRate >= 33 && observedRate <= 35 && server.rateLimitedCount === 0,
		};
	} finally {
		await server.close();
	}
}

if (require.main === module) {
	benchThrottle()
		.then((result) => {
			print(`throttle: ${result.calls} calls in ${result.wallMs} ms, observed ${result.observedRate} calls/s (limit ${LIMIT}), 429s: ${result.rateLimited429}, ${result.withinTarget ? 'OK (33-35/s, no 429)' : 'OUT OF TARGET'}`);
			process.exit(result.withinTarget ? 0 : 1);
		})
		.catch(fail);
}
