import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../engine/runner';
import { startInfluencerSoftServer } from '../servers/influencersoft';
import { startJtelServer } from '../servers/jtel';
import { startSpreadServer } from '../servers/spread';
import type { RecordedRequest, VendorServer } from '../servers/vendorServer';

/**
 * A workflow saved with node version 1 runs its writes as 0.1.0 did: one item at a time, in input order, whatever
 * Request Options holds (version 1 does not show it for writes). The server holds the first write until a second
 * one arrives beside it: that never happens, so the gate opens on its fallback, and no two writes are ever under way
 * at once (counted by the server, not timed).
 */
const NAMES = ['Ann', 'Bob', 'Cid', 'Dan', 'Eve', 'Fay'];

async function expectOneAtATime(
	server: VendorServer,
	isWrite: (request: RecordedRequest) => boolean,
	run: () => ReturnType<typeof runNode>,
	itemOf: (request: RecordedRequest) => string,
) {
	const held = server.holdAnswers({ key: (request) => (isWrite(request) ? itemOf(request) : undefined), until: 2, fallbackMs: 300 });
	const result = await run();
	expect(result.nodeError).toBeUndefined();
	expect(held.openedBy).toBe('fallback');
	expect(held.mostAtOnce).toBe(1);
	// Each write answered before the next one arrived, in input order.
	expect(held.arrivals).toEqual(NAMES);
	expect(held.completions).toEqual(NAMES);
	expect(result.items.map((item) => item.pairedItem)).toEqual(NAMES.map((_, item) => ({ item })));
	return result;
}

describe('version 1 nodes: writes one at a time, in input order', () => {
	it('SPREAD customer create, six customers, Requests in Parallel 8 left in the parameters', async () => {
		const server = await startSpreadServer({ customers: 0 });
		try {
			const parameters: INodeParameters = {
				resource: 'customer',
				operation: 'create',
				email: '={{ $json.name.toLowerCase() + "@example.com" }}',
				additionalFields: { firstName: '={{ $json.name }}' },
				// Not shown for writes in version 1, so not read either.
				requestOptions: { requestsInParallel: 8 },
			};
			const isWrite = (request: RecordedRequest) => request.method === 'POST' && request.path.endsWith('/customers');
			const result = await expectOneAtATime(
				server,
				isWrite,
				() =>
					runNode({
						type: nodeType('spread'),
						parameters,
						credentials: { spreadApi: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl: server.baseUrl } },
						input: NAMES.map((name) => ({ name })),
					}),
				(request) => String((JSON.parse(request.body) as { customer: { firstName: string } }).customer.firstName),
			);
			expect(result.items.map((item) => item.json.firstName)).toEqual(NAMES);
		} finally {
			await server.close();
		}
	});

	it('jtel import, six contacts with their own phone numbers', async () => {
		const server = await startJtelServer();
		try {
			const isWrite = (request: RecordedRequest) => request.method === 'POST' && request.path.endsWith('/dialler/contacts/import');
			await expectOneAtATime(
				server,
				isWrite,
				() =>
					runNode({
						type: nodeType('jtelDialler'),
						parameters: {
							resource: 'contact',
							operation: 'import',
							campaign: { __rl: true, mode: 'list', value: '538' },
							name: '={{ $json.name }}',
							phoneNumber1: '={{ "+49 89 1234" + (100 + $itemIndex) }}',
						},
						credentials: { jtelApi: server.credentials() },
						input: NAMES.map((name) => ({ name })),
					}),
				(request) => String((JSON.parse(request.body) as { Name: string }).Name),
			);
			expect(server.contacts.filter((contact) => NAMES.includes(String(contact.Name))).map((contact) => contact.Name)).toEqual(NAMES);
		} finally {
			await server.close();
		}
	});

	it('InfluencerSoft contact add or update, six contacts', async () => {
		const server = await startInfluencerSoftServer();
		try {
			const isWrite = (request: RecordedRequest) => request.path === '/api/addupdatelead';
			await expectOneAtATime(
				server,
				isWrite,
				() =>
					runNode({
						type: nodeType('influencerSoft'),
						parameters: {
							resource: 'contact',
							operation: 'addOrUpdate',
							email: '={{ $json.name.toLowerCase() + "@example.com" }}',
							additionalFields: { firstName: '={{ $json.name }}' },
						},
						credentials: { influencerSoftApi: { login: server.login, apiKey: server.apiKey, customDomain: server.url } },
						input: NAMES.map((name) => ({ name })),
					}),
				(request) => String(new URLSearchParams(request.body).get('lead_first_name')),
			);
		} finally {
			await server.close();
		}
	});
});
