import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadPackage, nodeType, runNode } from '../engine/runner';
import { startJtelServer } from '../servers/jtel';

/**
 * Where each node shows Request Options in version 2 (its reads and its keyed writes), the keyed writes among them
 * (version 1 runs them one at a time and does not show it), and the most items it sends at once.
 */
const EXPECTED: Record<string, { inParallel: number; reads: Record<string, string[]>; keyedWrites: Record<string, string[]> }> = {
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
		keyedWrites: { customer: ['create', 'createOrUpdate', 'delete', 'update'], order: ['create', 'update'], cagnotte: ['add'], customerCustomEvent: ['create'] },
	},
	jtelDialler: {
		inParallel: 1000,
		reads: { contact: ['import', 'get', 'getAll', 'delete', 'deleteByUserData'], campaign: ['get', 'getAll'] },
		keyedWrites: { contact: ['import', 'delete', 'deleteByUserData'] },
	},
	influencerSoft: {
		inParallel: 1000,
		reads: {
			contact: ['addOrUpdate', 'addToGroup', 'getGroupStatuses', 'removeFromGroup'],
			group: ['countSubscribers', 'getAll'],
			order: ['create', 'delete', 'updateStatus'],
			partner: ['getStats'],
			product: ['delete', 'getAll'],
		},
		keyedWrites: { contact: ['addOrUpdate', 'addToGroup', 'removeFromGroup'], order: ['create', 'delete', 'updateStatus'], product: ['delete'] },
	},
};

/** Per resource, the operations that show a Request Options field in `version`, by n8n's own display rules (`@version` included). */
function requestOptionsShown(description: INodeTypeDescription, version: number): Record<string, string[]> {
	const properties = description.properties;
	const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	const shown: Record<string, string[]> = {};
	for (const { value: resource } of resources) {
		const selector = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource));
		for (const { value: operation } of (selector?.options ?? []) as INodePropertyOptions[]) {
			const fields = properties.filter(
				(property) => property.name === 'requestOptions' && NodeHelpers.displayParameter({ resource, operation }, property, { typeVersion: version }, description),
			);
			// Two fields of one name never show together.
			expect(fields.length).toBeLessThanOrEqual(1);
			if (fields.length === 1) (shown[String(resource)] ??= []).push(String(operation));
		}
	}
	return shown;
}

const sorted = (byResource: Record<string, string[]>) => Object.fromEntries(Object.entries(byResource).map(([resource, operations]) => [resource, [...operations].sort()]));

describe('overlapping reads (nodes/shared/overlap.ts)', () => {
	it.each(Object.keys(EXPECTED))('%s: Request Options shows for its reads and keyed writes, nothing else', async (name) => {
		const pkg = await loadPackage();
		const description = pkg.nodeTypes.getByName(nodeType(name)).description as INodeTypeDescription;
		expect(sorted(requestOptionsShown(description, 2))).toEqual(sorted(EXPECTED[name].reads));
		const fields = description.properties.filter((property) => property.name === 'requestOptions');
		for (const field of fields) expect((field.options as INodeProperties[])[0]).toMatchObject({ name: 'requestsInParallel', default: EXPECTED[name].inParallel });
	});

	it.each(Object.keys(EXPECTED))('%s version 1: Request Options shows for its reads only (its writes run one at a time, as in 0.1.0)', async (name) => {
		const pkg = await loadPackage();
		const description = pkg.nodeTypes.getByName(nodeType(name)).description as INodeTypeDescription;
		const { reads, keyedWrites } = EXPECTED[name];
		const readsOnly = Object.fromEntries(
			Object.entries(reads)
				.map(([resource, operations]) => [resource, operations.filter((operation) => !keyedWrites[resource]?.includes(operation))] as const)
				.filter(([, operations]) => operations.length > 0),
		);
		expect(sorted(requestOptionsShown(description, 1))).toEqual(sorted(readsOnly));
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
