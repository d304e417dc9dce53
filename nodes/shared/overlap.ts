import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemLoopOptions } from './itemLoop';
import { usesVersion2Fields, version2Only } from './nodeVersions';
import type { ConnectedClient, VendorTable } from './operations';

/**
 * Calls of a vendor without a documented rate limit overlap: at most this many items in flight by default. The HTTP
 * Request node sends every input item at once, and a run keeps up with it only when the items under way cover what
 * n8n prepares in the time one call takes: hundreds of items a second, times up to a second a call (each call opens
 * a new TLS connection: three round trips). A lower bound made runs of a few hundred items wait extra round trips
 * (BENCHMARKS.md). A vendor that answers 429 lowers it (inFlightLimit.ts); vendors with reasons to be gentler pass a
 * lower number, and users lower it with Request Options.
 */
export const IN_PARALLEL = 1000;

const FIELD = 'requestOptions';
const OPTION = 'requestsInParallel';

/** Loop options of a read that is safe to overlap; the user may lower the number with Request Options. */
export function overlappedRead(inParallel = IN_PARALLEL): ItemLoopOptions {
	return { concurrency: inParallel, adjustable: true };
}

/**
 * Loop options of a write whose operation names each item's record (`recordKey`): writes to different records
 * overlap, writes to the same record run one after another, in input order. The same bound as reads: a write costs
 * the vendor about what a read does, and takes as many under way to keep up with the HTTP Request node.
 */
export function keyedWrite(inParallel = IN_PARALLEL): ItemLoopOptions {
	return { concurrency: inParallel, adjustable: true, keyed: true };
}

function requestOptionsField(resource: string, operations: string[], inParallel: number, writes: boolean): INodeProperties {
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
					`How many input items are sent at once (at most ${inParallel}; fewer for a while when the server answers 429). ` +
					(writes
						? 'Writes to the same record (the same email, ID or phone) are never sent at once: they go one after another, in input order (version 1 of this node sends every write one at a time). '
						: '') +
					'Lower it if the server refuses or slows down under load; 1 sends one item at a time, in input order. Output keeps the input order. ' +
					'When an item fails and Continue On Fail is off, no new item starts, but up to this number minus one later items may already have been sent.',
			},
		],
	};
}

/**
 * Per resource, one Request Options field for its overlapping reads (every version) and one for its keyed writes
 * (version 2 only: version 1 writes run one at a time, see loopOptionsFor). Both are named `requestOptions`; their
 * operations never meet, so one operation shows at most one of them.
 */
export function requestOptionsFields<Client extends ConnectedClient>(table: VendorTable<Client>): INodeProperties[] {
	return Object.entries(table.resources).flatMap(([resource, { operations }]) => {
		const adjustable = Object.entries(operations).filter(([, entry]) => entry.loop?.adjustable);
		const field = (keyed: boolean) => {
			const group = adjustable.filter(([, entry]) => Boolean(entry.loop?.keyed) === keyed);
			if (group.length === 0) return [];
			const inParallel = Math.max(...group.map(([, entry]) => entry.loop?.concurrency ?? 1));
			return [requestOptionsField(resource, group.map(([operation]) => operation), inParallel, keyed)];
		};
		return [...field(false), ...version2Only(field(true))];
	});
}

/** The loop options an execution runs with: the table's, lowered to what the user set in Request Options. */
export function loopOptionsFor(context: IExecuteFunctions, loop: ItemLoopOptions | undefined): ItemLoopOptions | undefined {
	// A version 1 workflow keeps 0.1.0's writes (a changed behaviour is a new node version): one item at a time, in input order.
	if (loop?.keyed && !usesVersion2Fields(context)) return { concurrency: 1 };
	if (!loop?.adjustable) return loop;
	const wanted = Number(context.getNodeParameter(`${FIELD}.${OPTION}`, 0, loop.concurrency ?? 1));
	const concurrency = Number.isFinite(wanted) && wanted >= 1 ? Math.min(Math.floor(wanted), loop.concurrency ?? 1) : loop.concurrency;
	return { ...loop, concurrency };
}
