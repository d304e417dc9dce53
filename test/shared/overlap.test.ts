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
		inParallel: 5,
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
			server.injectFault({ kind: 'delay', ms: 300 }, 6);
			const ids = [538, 539, 540, 538, 539, 540];
			const result = await runNode({
				type: nodeType('jtelDialler'),
				parameters: { resource: 'campaign', operation: 'get', campaign: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				credentials: { jtelApi: server.credentials() },
				input: ids.map((id) => ({ id })),
			});
			expect(result.nodeError).toBeUndefined();
			expect(result.items.map((item) => item.json.ID)).toEqual(ids);
			const arrivals = server.requests.map((request) => request.receivedAt);
			// All six arrived before the first answer (300 ms) could have come back.
			expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(280);
		} finally {
			await server.close();
		}
	});
});
