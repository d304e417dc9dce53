/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Benchmark (not a test): SPREAD customers Return All over 50,000 customers in the local server, through n8n's engine.
import '../../test/engine/setupEnv';

import { fail, print } from './print';
import { nodeType, runNode } from '../../test/engine/runner';
import { startSpreadServer } from '../../test/servers/spread';

const CUSTOMERS = Number(process.env.BENCH_SPREAD_CUSTOMERS ?? 50000);

export async function benchSpread(): Promise<Array<Record<string, string | number>>> {
	const server = await startSpreadServer({ customers: CUSTOMERS });
	try {
		const started = process.hrtime.bigint();
		const result = await runNode({
			type: nodeType('spread'),
			parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
			credentials: { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } },
		});
		const wallMs = Number((process.hrtime.bigint() - started) / 1000000n);
		if (result.nodeError) throw new Error(`run failed: ${result.nodeError.message}`);
		if (result.items.length !== CUSTOMERS) throw new Error(`expected ${CUSTOMERS} customers, got ${result.items.length}`);
		return [
			{
				benchmark: 'spread customers getAll (Return All)',
				customers: CUSTOMERS,
				items: result.items.length,
				calls: server.requests.length,
				wallMs,
				customersPerSecond: Math.round((result.items.length * 1000) / wallMs),
				// Peak resident set of this process (server and engine share it), in MB.
				peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
			},
		];
	} finally {
		await server.close();
	}
}

if (require.main === module) {
	benchSpread()
		.then((rows) => {
			for (const row of rows) print(Object.entries(row).map(([key, value]) => `${key}: ${value}`).join(', '));
		})
		.catch(fail);
}
