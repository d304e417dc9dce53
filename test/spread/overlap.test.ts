import type { INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { mapped } from '../engine/mapper';
import { loadPackage, nodeType, runNode } from '../engine/runner';
import type { RecordedRequest } from '../servers/vendorServer';
import type { SpreadServer } from '../servers/spread';
import { startSpreadServer } from '../servers/spread';

const SPREAD = nodeType('spread');
/** Every request to the server is held under one gate (see holdAnswers): overlap is counted, never timed. */
const everyRequest = (request: RecordedRequest) => `${request.method} ${request.path}`;

describe('SPREAD node: reads overlap, writes overlap across records', () => {
	let server: SpreadServer;
	const run = (parameters: INodeParameters, input: Array<Record<string, unknown>>, typeVersion = 1) =>
		runNode({
			type: SPREAD,
			typeVersion,
			parameters: { resource: 'customer', ...parameters },
			credentials: { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } },
			input: input as never,
		});
	const ids = (count: number) => Array.from({ length: count }, (_, index) => ({ id: String(123456 + index) }));

	beforeAll(async () => {
		server = await startSpreadServer({ customers: 20 });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('gets 20 customers at once by default, output in input order', async () => {
		// Answers wait until all 20 requests are at the server at once.
		const held = server.holdAnswers({ key: everyRequest, until: 20 });
		const result = await run({ operation: 'get', customerId: '={{ $json.id }}' }, ids(20));
		expect(result.nodeError).toBeUndefined();
		expect(server.requests).toHaveLength(20);
		expect(held.openedBy).toBe('count');
		expect(result.items.map((item) => item.json.id)).toEqual(ids(20).map(({ id }) => id));
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids(20).map((_, index) => ({ item: index })));
	});

	it('Request Options → Requests in Parallel lowers it, down to one at a time', async () => {
		// Three at once open the gate; never a fourth beside them.
		const heldThree = server.holdAnswers({ key: everyRequest, until: 3 });
		const three = await run({ operation: 'get', customerId: '={{ $json.id }}', requestOptions: { requestsInParallel: 3 } }, ids(6));
		expect(three.items).toHaveLength(6);
		expect(heldThree.openedBy).toBe('count');
		expect(heldThree.mostAtOnce).toBe(3);
		server.reset();
		// One at a time: two never wait together, so the gate opens only on its fallback.
		const heldOne = server.holdAnswers({ key: everyRequest, until: 2, fallbackMs: 500 });
		const one = await run({ operation: 'get', customerId: '={{ $json.id }}', requestOptions: { requestsInParallel: 1 } }, ids(3));
		expect(one.items.map((item) => item.json.id)).toEqual(['123456', '123457', '123458']);
		expect(heldOne.openedBy).toBe('fallback');
		expect(heldOne.mostAtOnce).toBe(1);
	});

	it('version 2 sends writes to different customers at once, output in input order (keyed writes: test/shared/keyedWrites.test.ts)', async () => {
		const held = server.holdAnswers({ key: everyRequest, until: 3 });
		const emails = ['first@in.order', 'second@in.order', 'third@in.order'];
		const result = await run({ operation: 'create', columns: mapped({ email: '={{ $json.email }}' }) }, emails.map((email) => ({ email })), 2);
		expect(result.nodeError).toBeUndefined();
		expect(held.openedBy).toBe('count');
		expect(server.requests.map((request) => (JSON.parse(request.body) as { customer: { email: string } }).customer.email).sort()).toEqual([...emails].sort());
		expect(result.items.map((item) => item.json.email)).toEqual(emails);
	});

	it('shows Request Options for reads and keyed writes (not Update Email), and its help says writes to one record go one at a time', async () => {
		const pkg = await loadPackage();
		const properties = (pkg.nodeTypes.getByName(SPREAD).description as INodeTypeDescription).properties;
		// One field for the reads (every version), one for the keyed writes (version 2 only).
		const fields = properties.filter((property) => property.name === 'requestOptions' && property.displayOptions?.show?.resource?.includes('customer'));
		expect(fields.flatMap((field) => field.displayOptions?.show?.operation ?? []).sort()).toEqual(['create', 'createOrUpdate', 'delete', 'get', 'getAll', 'update']);
		expect(fields.map((field) => field.displayOptions?.show?.['@version'])).toEqual([undefined, [2]]);
		for (const field of fields) {
			const option = (field.options as INodeProperties[])[0];
			expect(option).toMatchObject({ name: 'requestsInParallel', default: 1000 });
			expect(option.description).toMatch(/up to this number minus one later items may already have been sent/);
		}
		const [reads, writes] = fields.map((field) => String((field.options as INodeProperties[])[0].description));
		expect(writes).toMatch(/Writes to the same record .* are never sent at once: they go one after another, in input order \(version 1 of this node sends every write one at a time\)/);
		expect(reads).not.toMatch(/Writes/);
	});
});
