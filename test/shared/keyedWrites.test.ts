import type { INodeParameters } from 'n8n-workflow';

import { mapped } from '../engine/mapper';
import { nodeType, runNode } from '../engine/runner';
import { startInfluencerSoftServer } from '../servers/influencersoft';
import type { InfluencerSoftServer } from '../servers/influencersoft';
import { startJtelServer } from '../servers/jtel';
import type { JtelServer } from '../servers/jtel';
import { startSpreadServer } from '../servers/spread';
import type { SpreadServer } from '../servers/spread';
import type { RecordedRequest } from '../servers/vendorServer';

/**
 * Writes overlap across records and never within one (node version 2: version 1 keeps one write at a time, see
 * test/shared/version1Writes.test.ts). The servers hold every answer until as many writes wait at
 * once as there are distinct records in the input: the gate opens only if different records overlapped, and while
 * it is shut a second write to one record would be seen waiting beside the first.
 */

/** Eight items naming five records: the repeats must wait for the earlier item of their record. */
const RECORDS = ['A', 'B', 'A', 'C', 'D', 'A', 'B', 'E'];
const DISTINCT = new Set(RECORDS).size;

/** For each record, the item numbers in the order the server received them. */
function arrivalsByRecord(requests: RecordedRequest[], recordOf: (request: RecordedRequest) => { record: string; item: number } | undefined) {
	const byRecord: Record<string, number[]> = {};
	for (const request of requests) {
		const seen = recordOf(request);
		if (seen) (byRecord[seen.record] ??= []).push(seen.item);
	}
	return byRecord;
}

/** What input order gives per record: item numbers of each record, ascending. */
const inputOrderByRecord = () => {
	const byRecord: Record<string, number[]> = {};
	RECORDS.forEach((record, item) => (byRecord[record] ??= []).push(item));
	return byRecord;
};

describe('keyed writes: different records overlap, one record stays in input order', () => {
	describe('SPREAD customer update (record: customer ID)', () => {
		let server: SpreadServer;
		let ids: Record<string, string>;
		beforeAll(async () => {
			server = await startSpreadServer({ customers: 5 });
			const known = [...server.customers.keys()];
			ids = Object.fromEntries(['A', 'B', 'C', 'D', 'E'].map((record, index) => [record, known[index]]));
		});
		afterAll(async () => await server.close());
		beforeEach(() => server.reset());

		const run = (extra: INodeParameters = {}, records = RECORDS, continueOnFail = false) =>
			runNode({
				type: nodeType('spread'),
				typeVersion: 2,
				parameters: {
					resource: 'customer',
					operation: 'update',
					customer: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					columns: mapped({ firstName: '={{ "step" + $json.item }}' }),
					...extra,
				},
				credentials: { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } },
				input: records.map((record, item) => ({ id: ids[record] ?? record, item })) as never,
				continueOnFail,
			});
		const isWrite = (request: RecordedRequest) => request.method === 'PUT';
		const recordOf = (request: RecordedRequest) => {
			if (!isWrite(request)) return undefined;
			const record = Object.keys(ids).find((key) => request.path.endsWith(`/customers/${ids[key]}`));
			const firstName = (JSON.parse(request.body) as { customer: { firstName?: string } }).customer.firstName ?? '';
			return record ? { record, item: Number(firstName.replace('step', '')) } : undefined;
		};

		it('holds one write per customer at a time while five customers are written at once', async () => {
			const held = server.holdAnswers({ key: (request) => recordOf(request)?.record, until: DISTINCT });
			const result = await run();
			expect(result.nodeError).toBeUndefined();
			expect(held.openedBy).toBe('count');
			expect(held.mostAtOnce).toBeGreaterThanOrEqual(DISTINCT);
			expect(held.mostAtOnceForOneKey).toBe(1);
			expect(arrivalsByRecord(server.requests, recordOf)).toEqual(inputOrderByRecord());
			// Output in input order, paired; each customer holds its last item's change.
			expect(result.items.map((item) => item.pairedItem)).toEqual(RECORDS.map((_, item) => ({ item })));
			expect(result.items.map((item) => item.json.firstName)).toEqual(RECORDS.map((_, item) => `step${item}`));
			expect(server.customers.get(ids.A)?.firstName).toBe('step5');
			expect(server.customers.get(ids.B)?.firstName).toBe('step6');
		});

		it('Requests in Parallel 1 sends one write at a time, as before', async () => {
			const held = server.holdAnswers({ key: (request) => recordOf(request)?.record, until: 2, fallbackMs: 500 });
			const result = await run({ requestOptions: { requestsInParallel: 1 } });
			expect(result.nodeError).toBeUndefined();
			expect(held.openedBy).toBe('fallback');
			expect(held.mostAtOnce).toBe(1);
			expect(server.requests.filter((request) => request.method === 'PUT').map((request) => recordOf(request)?.item)).toEqual(RECORDS.map((_, item) => item));
		});

		it('a bad record key fails its item before any request for it; without Continue On Fail no later write starts once it is seen', async () => {
			// Item 3 names no valid customer ID: refused before a request, while the writes before it are under way.
			const records = ['A', 'B', 'C', 'not an id!', 'D', 'E'];
			const held = server.holdAnswers({ key: (request) => recordOf(request)?.record, until: 3 });
			const stopped = await run({}, records);
			expect(held.openedBy).toBe('count');
			// Version 2's Customer picker names the field.
			expect(stopped.nodeError?.message).toMatch(/^Customer: "not an id!" is not an ID/);
			expect(stopped.nodeError?.message).toMatch(/item 3/);
			expect(server.requests.some((request) => request.path.includes('not'))).toBe(false);
			// Records before the bad item went out; none after it (the key is read before the item is started).
			expect(server.requests.filter((request) => request.method === 'PUT').map((request) => recordOf(request)?.record).sort()).toEqual(['A', 'B', 'C']);

			server.reset();
			const continued = await run({}, records, true);
			expect(continued.nodeError).toBeUndefined();
			expect(continued.items.map((item) => item.pairedItem)).toEqual(records.map((_, item) => ({ item })));
			expect(String(continued.items[3].json.error)).toMatch(/^Customer: "not an id!" is not an ID/);
			expect(server.requests.filter((request) => request.method === 'PUT')).toHaveLength(5);
		});

		it('a 429 is not an error: the refused write is sent again, every write lands once', async () => {
			// Version 2 reads each customer (GET) before writing it: the refusals go to the writes.
			server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 0 }, 3, isWrite);
			const records = ['A', 'B', 'C', 'D', 'E', 'A', 'B', 'C'];
			const result = await run({}, records);
			expect(result.nodeError).toBeUndefined();
			expect(result.items.map((item) => item.json.firstName)).toEqual(records.map((_, item) => `step${item}`));
			const landed = server.requests.filter((request) => request.method === 'PUT' && request.answeredStatus === 200);
			expect(landed.map((request) => recordOf(request)?.item).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(records.map((_, item) => item));
			expect(server.customers.get(ids.A)?.firstName).toBe('step5');
		});

		it('429s slow the overlap down: after a burst of refusals, no more than half as many calls are out at once', async () => {
			// The first eight writes are refused (not held); after them the server holds answers until five wait
			// at once, which never happens while the limit is halved: the gate opens on its fallback instead.
			server.injectFault({ kind: 'rateLimited', retryAfterSeconds: 0 }, 8, isWrite);
			let arrived = 0;
			const held = server.holdAnswers({ key: (request) => (request.method === 'PUT' && ++arrived > 8 ? String(arrived) : undefined), until: 5, fallbackMs: 1000 });
			const records = ['A', 'B', 'C', 'D', 'E', 'A', 'B', 'C', 'D', 'E', 'A', 'B'];
			const result = await run({ requestOptions: { requestsInParallel: 8 } }, records);
			expect(result.nodeError).toBeUndefined();
			expect(held.openedBy).toBe('fallback');
			expect(held.mostAtOnce).toBeLessThanOrEqual(4);
			expect(result.items.map((item) => item.json.firstName)).toEqual(records.map((_, item) => `step${item}`));
			expect(server.requests.filter((request) => request.method === 'PUT' && request.answeredStatus === 200)).toHaveLength(records.length);
		});
	});

	describe('jtel import with Overwrite Duplicates (record: User Data)', () => {
		let server: JtelServer;
		beforeAll(async () => {
			server = await startJtelServer();
		});
		afterAll(async () => await server.close());

		it('imports five contacts at once, one at a time per User Data, in input order', async () => {
			const recordOf = (request: RecordedRequest) => {
				if (!request.path.endsWith('/dialler/contacts/import')) return undefined;
				const body = JSON.parse(request.body) as { UserData: string; Name: string };
				return { record: body.UserData, item: Number(body.Name.replace('step', '')) };
			};
			const held = server.holdAnswers({ key: (request) => recordOf(request)?.record, until: DISTINCT });
			const result = await runNode({
				type: nodeType('jtelDialler'),
				typeVersion: 2,
				parameters: {
					resource: 'contact',
					operation: 'import',
					campaign: { __rl: true, mode: 'list', value: '538' },
					columns: mapped({ Name: '={{ "step" + $json.item }}', PhoneNumber1: '+49 89 1234567', UserData: '={{ $json.record }}' }),
					overwriteDuplicates: true,
				},
				credentials: { jtelApi: server.credentials() },
				input: RECORDS.map((record, item) => ({ record, item })) as never,
			});
			expect(result.nodeError).toBeUndefined();
			expect(held.openedBy).toBe('count');
			expect(held.mostAtOnceForOneKey).toBe(1);
			expect(arrivalsByRecord(server.requests, recordOf)).toEqual(inputOrderByRecord());
			expect(result.items.map((item) => item.pairedItem)).toEqual(RECORDS.map((_, item) => ({ item })));
			// Five contacts, each holding the name of its record's last item.
			const imported = server.contacts.filter((contact) => RECORDS.includes(String(contact.UserData)));
			expect(Object.fromEntries(imported.map((contact) => [contact.UserData, contact.Name]))).toEqual({ A: 'step5', B: 'step6', C: 'step3', D: 'step4', E: 'step7' });
		});
	});

	describe('InfluencerSoft contact add or update (record: email)', () => {
		let server: InfluencerSoftServer;
		beforeAll(async () => {
			server = await startInfluencerSoftServer();
		});
		afterAll(async () => await server.close());

		it('writes five contacts at once, one at a time per email, in input order', async () => {
			const recordOf = (request: RecordedRequest) => {
				if (request.path !== '/api/addupdatelead') return undefined;
				const form = new URLSearchParams(request.body);
				return { record: String(form.get('lead_email')).split('@')[0], item: Number(String(form.get('lead_first_name')).replace('step', '')) };
			};
			const held = server.holdAnswers({ key: (request) => recordOf(request)?.record, until: DISTINCT });
			const result = await runNode({
				type: nodeType('influencerSoft'),
				typeVersion: 2,
				parameters: {
					resource: 'contact',
					operation: 'addOrUpdate',
					columns: mapped({ email: '={{ $json.record + "@example.com" }}', firstName: '={{ "step" + $json.item }}' }),
				},
				credentials: { influencerSoftApi: { login: server.login, apiKey: server.apiKey, customDomain: server.url } },
				input: RECORDS.map((record, item) => ({ record, item })) as never,
			});
			expect(result.nodeError).toBeUndefined();
			expect(held.openedBy).toBe('count');
			expect(held.mostAtOnceForOneKey).toBe(1);
			expect(arrivalsByRecord(server.requests, recordOf)).toEqual(inputOrderByRecord());
			expect(result.items.map((item) => item.json.email)).toEqual(RECORDS.map((record) => `${record}@example.com`));
			expect(result.items.map((item) => item.pairedItem)).toEqual(RECORDS.map((_, item) => ({ item })));
		});
	});
});
