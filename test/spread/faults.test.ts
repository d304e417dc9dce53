import { nodeType, runNode } from '../engine/runner';
import type { SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const SPREAD = nodeType('spread');

describe('SPREAD node: faults, retries and secrets', () => {
	let server: SpreadServer;
	const secrets = () => [
		server.publicKey,
		server.privateKey,
		encodeURIComponent(server.privateKey),
		Buffer.from(`${server.publicKey}:${server.privateKey}`).toString('base64'),
	];
	const runGet = (credentialOverrides: Record<string, string> = {}, continueOnFail = false) =>
		runNode({
			type: SPREAD,
			parameters: { resource: 'customer', operation: 'get', customerId: '123456' },
			credentials: { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl, ...credentialOverrides } },
			continueOnFail,
		});
	const expectNoSecret = (value: unknown) => {
		const text = JSON.stringify(value);
		for (const secret of secrets()) expect(text).not.toContain(secret);
	};

	beforeAll(async () => {
		server = await startSpreadServer({ customers: 3 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('retries 429 honouring Retry-After, then succeeds', async () => {
		server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 1 });
		const result = await runGet();
		expect(result.items[0].json.id).toBe('123456');
		expect(server.requests).toHaveLength(2);
		expect(server.requests[1].receivedAt - server.requests[0].receivedAt).toBeGreaterThanOrEqual(950);
	});

	it('retries a 503 and a reset socket on a read', async () => {
		server.injectFault({ kind: 'status', status: 503, body: 'Service Unavailable' });
		server.injectFault({ kind: 'reset' });
		const result = await runGet();
		expect(result.nodeError).toBeUndefined();
		expect(result.items[0].json.id).toBe('123456');
		expect(server.requests).toHaveLength(3);
	});

	it('an HTML error page becomes a NodeApiError that says so', async () => {
		server.injectFault({ kind: 'html', status: 502 }, 10);
		const result = await runGet();
		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toMatch(/^502: SPREAD sent an HTML page instead of JSON/);
	});

	it('a 200 answer carrying an error is an error too', async () => {
		server.injectFault({ kind: 'status', status: 200, body: '{"error":{"message":"Site not activated"}}' });
		const result = await runGet();
		expect(result.nodeError?.message).toBe('200: Site not activated');
	});

	it('wrong keys: a 401 NodeApiError with a hint and no key anywhere', async () => {
		const result = await runGet({ privateKey: 'wrong-private-key-value' });
		expect(result.nodeError?.name).toBe('NodeApiError');
		expect(result.nodeError?.message).toBe('401: Authentication failed: invalid public or private key.');
		expect(result.nodeError?.description).toMatch(/public and private keys/);
		expect(JSON.stringify(result.run)).not.toContain('wrong-private-key-value');
		expectNoSecret(result.run);
	});

	it('no key in any error, even when the server echoes the credentials back', async () => {
		const echoed = `Bad request from ${server.publicKey}:${server.privateKey} (Basic ${Buffer.from(`${server.publicKey}:${server.privateKey}`).toString('base64')})`;
		server.injectFault({ kind: 'status', status: 400, body: JSON.stringify({ error: echoed }) });
		const result = await runGet();
		expect(result.nodeError?.message).toContain('[redacted]');
		expectNoSecret({ message: result.nodeError?.message, description: result.nodeError?.description, error: result.nodeError });
		expectNoSecret(result.run);

		server.injectFault({ kind: 'status', status: 400, body: JSON.stringify({ error: echoed }) });
		const continued = await runGet({}, true);
		expect(continued.items[0].json.error).toContain('[redacted]');
		expectNoSecret(continued.items);
	});

	it('an unreachable server is a clear error after bounded retries, without keys', async () => {
		const result = await runGet({ baseUrl: 'http://127.0.0.1:1/api/v2' });
		expect(result.nodeError?.message).toMatch(/^ECONNREFUSED: Could not reach SPREAD/);
		expectNoSecret(result.run);
	}, 90000);
});
