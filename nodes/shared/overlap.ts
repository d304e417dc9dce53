import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemLoopOptions } from './itemLoop';
import type { ConnectedClient, VendorTable } from './operations';

/**
 * Reads of a vendor without a documented rate limit overlap: at most this many items in flight by default. n8n spends
 * CPU on every item (expressions, its HTTP stack), so a run keeps up with the HTTP Request node (which sends every
 * input item at once) only when nearly all of a few hundred items are under way (BENCHMARKS.md, section 2). Vendors
 * with reasons to be gentler pass a lower number, and users lower it with Request Options.
 */
export const READS_IN_PARALLEL = 200;

const FIELD = 'requestOptions';
const OPTION = 'requestsInParallel';

/** Loop options of a read that is safe to overlap; the user may lower the number with Request Options. */
export function overlappedRead(inParallel = READS_IN_PARALLEL): ItemLoopOptions {
	return { concurrency: inParallel, adjustable: true };
}

function requestOptionsField(resource: string, operations: string[], inParallel: number): INodeProperties {
	return {
		displayName: 'Request Options',
		name: FIELD,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: operations } },
		options: [
			{
				displayName: 'Requests in Parallel',
				name: OPTION,
				type: 'number',
				typeOptions: { minValue: 1, maxValue: inParallel },
				default: inParallel,
				description:
					`How many input items are read at once (at most ${inParallel}). Lower it if the server refuses or slows down under load; 1 reads one item at a time. ` +
					'Output keeps the input order. Writes (create, update, delete, import) are always sent one at a time, in input order.',
			},
		],
	};
}

/** One Request Options field per resource, shown for its reads that overlap. */
export function requestOptionsFields<Client extends ConnectedClient>(table: VendorTable<Client>): INodeProperties[] {
	return Object.entries(table.resources).flatMap(([resource, { operations }]) => {
		const adjustable = Object.entries(operations).filter(([, entry]) => entry.loop?.adjustable);
		if (adjustable.length === 0) return [];
		const inParallel = Math.max(...adjustable.map(([, entry]) => entry.loop?.concurrency ?? 1));
		return [requestOptionsField(resource, adjustable.map(([operation]) => operation), inParallel)];
	});
}

/** The loop options an execution runs with: the table's, lowered to what the user set in Request Options. */
export function loopOptionsFor(context: IExecuteFunctions, loop: ItemLoopOptions | undefined): ItemLoopOptions | undefined {
	if (!loop?.adjustable) return loop;
	const wanted = Number(context.getNodeParameter(`${FIELD}.${OPTION}`, 0, loop.concurrency ?? 1));
	const concurrency = Number.isFinite(wanted) && wanted >= 1 ? Math.min(Math.floor(wanted), loop.concurrency ?? 1) : loop.concurrency;
	return { ...loop, concurrency };
}
