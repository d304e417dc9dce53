import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage, nodeType, runNode } from '../engine/runner';
import { startJtelServer } from '../servers/jtel';

/** Where each node shows Request Options (its reads and its keyed writes), and the most items it sends at once. */
const EXPECTED: Record<string, { inParallel: number; reads: Record<string, string[]> }> = {
	spread: {
		inParallel: 1000,
		reads: {
			customer: ['create', 'createOrUpdate', 'delete', 'get', 'getAll', 'update'],
			campaign: ['get', 'getAll'],
			order: ['create', 'get', 'getAll', 'update'],
			cagnotte: ['add', 'getAll'],
			customerCustomEvent: ['create'],
			sponsorship: ['getAll'],
		},
	},
	jtelDialler: { inParallel: 1000, reads: { contact: ['import', 'get', 'getAll', 'delete', 'deleteByUserData'], campaign: ['get', 'getAll'] } },
	influencerSoft: {
		inParallel: 1000,
		reads: {
			contact: ['addOrUpdate', 'addToGroup', 'getGroupStatuses', 'removeFromGroup'],
			group: ['countSubscribers', 'getAll'],
			order: ['create', 'delete', 'updateStatus'],
			partner: ['getStats'],
			product: ['delete', 'getAll'],
		},
	},
};

describe('overlapping reads (nodes/shared/overlap.ts)', () => {
	it.each(Object.keys(EXPECTED))('%s: Request Options shows for its reads and keyed writes, nothing else', async (name) => {
		const pkg = await loadPackage();
		const properties = (pkg.nodeTypes.getByName(nodeType(name)).description as INodeTypeDescription).properties;
		const fields = properties.filter((property) => property.name === 'requestOptions');
		const shown = Object.fromEntries(fields.map((field) => [field.displayOptions?.show?.resource?.[0], field.displayOptions?.show?.operation]));
		expect(shown).toEqual(EXPECTED[name].reads);
		for (const field of fields) expect((field.options as INodeProperties[])[0]).toMatchObject({ name: 'requestsInParallel', default: EXPECTED[name].inParallel });
	});

	it('jtel: campaign reads overlap, output in input order', async () => {
		const server = await startJtelServer();
		try {
			// Each answer waits until all six calls have arrived: one call at a time would never get there.
			server.injectFault({ kind: 'holdUntilArrivals', arrivals: 6 }, 6);
			const ids = [538, 539, 540, 538, 539, 540];
			const result = await runNode({
				type: nodeType('jtelDialler'),
				parameters: { resource: 'campaign', operation: 'get', campaign: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				credentials: { jtelApi: server.credentials() },
				input: ids.map((id) => ({ id })),
			});
			expect(result.nodeError).toBeUndefined();
			expect(result.items.map((item) => item.json.ID)).toEqual(ids);
			// All six were in flight at once, whatever the machine's load: no answer left before the sixth call arrived.
			expect(server.requests.map((request) => request.arrivalsWhenAnswered)).toEqual([6, 6, 6, 6, 6, 6]);
		} finally {
			await server.close();
		}
	});
});
