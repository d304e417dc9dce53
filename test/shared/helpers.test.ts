import { chunk } from '../../nodes/shared/batchLoop';
import { backoffDelayMs, parseJsonBody, retryAfterMs } from '../../nodes/shared/httpClient';
import { paginate } from '../../nodes/shared/pagination';
import { collectSecrets, redactText, redactValue, secretMask } from '../../nodes/shared/redaction';

describe('chunk', () => {
	it('splits records into batches of at most the size, in order', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 50)).toEqual([]);
		expect(() => chunk([1], 0)).toThrow(RangeError);
	});
});

describe('paginate', () => {
	const records = Array.from({ length: 12 }, (_, i) => ({ id: i }));
	const pageCalls: Array<{ page: number; offset: number; size: number }> = [];
	const fetchPage = async (request: { page: number; offset: number; size: number }) => {
		pageCalls.push(request);
		const slice = records.slice(request.offset, request.offset + request.size);
		return { records: slice, hasMore: request.offset + slice.length < records.length };
	};
	beforeEach(() => (pageCalls.length = 0));

	it('walks every page for Return All', async () => {
		const all = await paginate({ returnAll: true, limit: 0, pageSize: 5, fetchPage });
		expect(all).toEqual(records);
		expect(pageCalls).toEqual([
			{ page: 1, offset: 0, size: 5 },
			{ page: 2, offset: 5, size: 5 },
			{ page: 3, offset: 10, size: 5 },
		]);
	});

	it('asks for no more than the limit', async () => {
		const some = await paginate({ returnAll: false, limit: 7, pageSize: 5, fetchPage });
		expect(some.map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(pageCalls.map((c) => c.size)).toEqual([5, 2]);
	});

	it('stops on a short page when the API says nothing of more pages', async () => {
		let calls = 0;
		const result = await paginate({
			returnAll: true,
			limit: 0,
			pageSize: 3,
			fetchPage: async () => ({ records: calls++ === 0 ? [1, 2, 3] : [4] }),
		});
		expect(result).toEqual([1, 2, 3, 4]);
		expect(calls).toBe(2);
	});
});

describe('retry timing', () => {
	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(5000);
		expect(retryAfterMs({})).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped', () => {
		const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxTotalMs: 10000 };
		expect(backoffDelayMs(1, policy, () => 0)).toBe(50);
		expect(backoffDelayMs(1, policy, () => 1)).toBe(100);
		expect(backoffDelayMs(3, policy, () => 1)).toBe(400);
		expect(backoffDelayMs(10, policy, () => 1)).toBe(1000);
	});
});

describe('parseJsonBody', () => {
	it('tells an HTML page and a cut-off body apart', () => {
		expect(parseJsonBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
		expect(parseJsonBody('<html><body>Bad Gateway</body></html>')).toMatchObject({ ok: false, reason: expect.stringMatching(/HTML page/) });
		expect(parseJsonBody('{"a":')).toMatchObject({ ok: false, reason: expect.stringMatching(/cut off/) });
	});
});

describe('redaction', () => {
	const secrets = collectSecrets({ user: 'alice', key: 'k3y/with space&more', empty: '' }, ['key', 'empty'], ['user', 'key']);

	it('masks a secret as typed, URL-encoded both ways, and as a basic-auth pair', () => {
		const basic = Buffer.from('alice:k3y/with space&more').toString('base64');
		const text = `key=k3y/with space&more url=?k=${encodeURIComponent('k3y/with space&more')} form=k3y%2Fwith+space%26more Basic ${basic}`;
		const redacted = redactText(text, secrets);
		expect(redacted).toBe('key=[redacted] url=?k=[redacted] form=[redacted] Basic [redacted]');
	});

	it('masks deep inside output objects, keys included', () => {
		expect(redactValue({ a: ['x k3y/with space&more'], ['k3y/with space&more']: 1, n: 2 }, secrets)).toEqual({
			a: ['x [redacted]'],
			'[redacted]': 1,
			n: 2,
		});
	});

	it('copies only a value that holds a secret, and never changes the one it was given', () => {
		const clean = { customers: [{ id: '1', email: 'a@b.example', tags: ['vip'] }] };
		expect(redactValue(clean, secrets)).toBe(clean);
		const shared = { nested: { echo: 'url?key=k3y%2Fwith%20space%26more' } };
		const masked = redactValue({ kept: shared.nested, id: 7 }, secrets);
		expect(masked).toEqual({ kept: { echo: 'url?key=[redacted]' }, id: 7 });
		expect(shared.nested.echo).toBe('url?key=k3y%2Fwith%20space%26more');
	});

	it('computes the forms of a list of secrets once, and again when the list changes', () => {
		const list = ['first-secret'];
		const mask = secretMask(list);
		expect(secretMask(list)).toBe(mask);
		list.push('second-secret');
		expect(secretMask(list)).not.toBe(mask);
		expect(redactText('second-secret', list)).toBe('[redacted]');
	});

	it('leaves very short values alone rather than garble every message', () => {
		expect(redactText('a 1 b', ['1'])).toBe('a 1 b');
	});
});
