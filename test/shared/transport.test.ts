import { fixturePath, runNode } from '../engine/runner';
import { startVendorServer } from '../servers/vendorServer';
import type { VendorServer } from '../servers/vendorServer';

const API_KEY = 'probe-key-S3cr3t!';
const PASSWORD = 'pa ss/w0rd+&';
const PROBE = 'n8n-nodes-probe.probe';
const packageDir = fixturePath('probe-package');

describe('shared transport, through the engine', () => {
	let server: VendorServer;
	const credentials = () => ({ probeApi: { baseUrl: server.url, apiKey: API_KEY, password: PASSWORD } });

	beforeAll(async () => {
		server = await startVendorServer((request) => {
			if (request.path === '/echo-secret') {
				return { status: 400, body: { error: `bad key ${request.query.get('api_key')} in ${request.path}?${request.query}` } };
			}
			return { body: { ok: true, item: Number(request.query.get('item')) } };
		});
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	const run = (parameters: Record<string, string | number | boolean>, input = [{}], continueOnFail = false) =>
		runNode({ type: PROBE, packageDir, parameters: { path: '/records', ...parameters }, credentials: credentials(), input, continueOnFail });

	it('authenticates through the credential type and pairs each result with its item', async () => {
		const result = await run({}, [{ a: 1 }, { a: 2 }, { a: 3 }]);
		expect(result.nodeError).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ ok: true, item: 0, attempts: 1 },
			{ ok: true, item: 1, attempts: 1 },
			{ ok: true, item: 2, attempts: 1 },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(server.requests[0].query.get('api_key')).toBe(API_KEY);
		expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from(`probe:${PASSWORD}`).toString('base64')}`);
	});

	it('retries 503 and 429 (honouring Retry-After) on an idempotent call', async () => {
		server.injectFault({ kind: 'status', status: 503 });
		server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 1 });
		const started = Date.now();
		const result = await run({});
		expect(result.items[0].json).toEqual({ ok: true, item: 0, attempts: 3 });
		expect(server.requests).toHaveLength(3);
		const gapAfter429 = server.requests[2].receivedAt - server.requests[1].receivedAt;
		expect(gapAfter429).toBeGreaterThanOrEqual(950);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it('retries a reset connection on an idempotent call', async () => {
		server.injectFault({ kind: 'reset' });
		const result = await run({});
		expect(result.items[0].json).toMatchObject({ ok: true, attempts: 2 });
		expect(server.requests).toHaveLength(2);
	});

	it('never resends a non-idempotent call after a reset or a 5xx, but does after a 429', async () => {
		server.injectFault({ kind: 'reset' });
		const reset = await run({ method: 'POST', idempotent: false });
		expect(server.requests).toHaveLength(1);
		expect(reset.nodeError?.message).toMatch(/Could not reach Probe/);
		expect(reset.nodeError?.description).toMatch(/not sent again/);

		server.reset();
		server.injectFault({ kind: 'status', status: 502, body: '{"error":"upstream"}' });
		const fiveHundred = await run({ method: 'POST', idempotent: false });
		expect(server.requests).toHaveLength(1);
		expect(fiveHundred.nodeError?.message).toBe('502: upstream');

		server.reset();
		server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 0 });
		const limited = await run({ method: 'POST', idempotent: false });
		expect(server.requests).toHaveLength(2);
		expect(limited.items[0].json).toMatchObject({ ok: true, attempts: 2 });
	});

	it('gives up after the bounded number of tries', async () => {
		server.injectFault({ kind: 'status', status: 503, body: '{"error":"down"}' }, 10);
		const result = await run({ maxAttempts: 3 });
		expect(server.requests).toHaveLength(3);
		expect(result.nodeError?.message).toBe('503: down');
	});

	it('reports an HTML error page and a cut-off body clearly', async () => {
		server.injectFault({ kind: 'html', status: 200 });
		const html = await run({});
		expect(html.nodeError?.message).toMatch(/HTML page instead of JSON/);
		server.reset();
		server.injectFault({ kind: 'truncated', body: '{"ok": tr' }, 5);
		const truncated = await run({});
		expect(truncated.nodeError).toBeDefined();
	});

	it('keeps every secret out of errors and output, even when the API echoes them', async () => {
		const result = await run({ path: '/echo-secret' });
		const errorJson = JSON.stringify({ ...result.nodeError, message: result.nodeError?.message, description: result.nodeError?.description });
		expect(result.nodeError?.message).toContain('[redacted]');
		for (const secret of [API_KEY, encodeURIComponent(API_KEY), PASSWORD, encodeURIComponent(PASSWORD)]) {
			expect(errorJson).not.toContain(secret);
			expect(JSON.stringify(result.run)).not.toContain(secret);
		}
	});

	it('under Continue On Fail, a failed item gives one error item with its pairedItem and the others go on', async () => {
		server.injectFault({ kind: 'delay', ms: 1 });
		const result = await run({ path: '={{ $json.fail ? "/echo-secret" : "/records" }}' }, [{}, { fail: true }, {}], true);
		expect(result.nodeError).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toMatchObject({ ok: true, item: 0 });
		expect(result.items[1].json.error).toMatch(/^400: bad key \[redacted\]/);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[2].json).toMatchObject({ ok: true, item: 2 });
	});

	it('under Continue (using error output), a failed item goes to the error output, paired to its input', async () => {
		const result = await runNode({
			type: PROBE,
			packageDir,
			parameters: { path: '={{ $json.fail ? "/echo-secret" : "/records" }}' },
			credentials: credentials(),
			input: [{ name: 'a' }, { name: 'b', fail: true }, { name: 'c' }],
			continueOnErrorOutput: true,
		});
		expect(result.nodeError).toBeUndefined();
		const succeeded = result.output('Under Test', 0);
		const failed = result.output('Under Test', 1);
		expect(succeeded.map((item) => item.json.item)).toEqual([0, 2]);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/^400: bad key \[redacted\]/);
		// n8n merges the failed item's input into it, so the user sees which record failed.
		expect(failed[0].json).toMatchObject({ name: 'b', fail: true });
		expect(JSON.stringify(failed)).not.toContain(API_KEY);
	});
});

describe('throttle, through the engine', () => {
	it('keeps 60 calls under a server enforcing 35 calls/s with no 429', async () => {
		const server = await startVendorServer(() => ({ body: { ok: true } }), { rateLimitPerSecond: 35 });
		try {
			const input = Array.from({ length: 60 }, () => ({}));
			const started = Date.now();
			const result = await runNode({
				type: PROBE,
				packageDir,
				parameters: { path: '/records', callsPerSecond: 35, maxAttempts: 1 },
				credentials: { probeApi: { baseUrl: server.url, apiKey: API_KEY, password: PASSWORD } },
				input,
			});
			const elapsed = Date.now() - started;
			expect(result.nodeError).toBeUndefined();
			expect(server.rateLimitedCount).toBe(0);
			expect(server.requests).toHaveLength(60);
			// 60 calls at 35/s cannot take less than 59 intervals of 1/35 s.
			expect(elapsed).toBeGreaterThanOrEqual(Math.floor((59 / 35) * 1000));
		} finally {
			await server.close();
		}
	});
});
