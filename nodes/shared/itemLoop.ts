import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { ItemResult } from './operations';
import { asNodeError, errorItem } from './errors';
import { secretMask } from './redaction';

/** An operation's result as items paired with their input item (an item's own pairedItem wins, as n8n's constructExecutionMetaData does). */
function toItems(result: ItemResult, pairedItem: IPairedItemData): INodeExecutionData[] {
	if (result === undefined) return [];
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		'json' in entry && typeof entry.json === 'object' ? { pairedItem, ...(entry as INodeExecutionData) } : { json: entry as IDataObject, pairedItem },
	);
}

export interface ItemLoopOptions {
	/**
	 * How many items may be in flight at once (1 by default). Only for calls safe to overlap (reads, upserts, and
	 * keyed writes): the shared throttle still spaces the calls, but reading parameters and waiting for answers overlap.
	 */
	concurrency?: number;
	/** The user may lower `concurrency` (Request Options → Requests in Parallel, nodes/shared/overlap.ts). */
	adjustable?: boolean;
	/**
	 * A write that overlaps only across records: items naming the same record (the operation's `recordKey`) run one
	 * after another, in input order, so the vendor never sees two changes to one record race.
	 */
	keyed?: boolean;
}

/** What one run of the loop is given besides its options. */
export interface ItemLoopRun {
	/** The record an item writes to; throws on bad input, before any request for that item. */
	recordKey?: (itemIndex: number) => string;
}

type Outcome = { items: INodeExecutionData[] } | { error: unknown };

/**
 * Runs an operation once per input item. Each item's results carry its pairedItem and keep the input order;
 * under Continue On Fail a failed item gives one error item and the others go on. Without it, no new item
 * starts after a failure, and the first failed item's error is thrown.
 *
 * Items start in input order, at most `concurrency` under way (the transport's in-flight limit may hold their
 * calls back while the vendor refuses some). With a record key, an item waits for the earlier items naming the same
 * record before it sends anything.
 */
export async function runForEachItem(
	this: IExecuteFunctions,
	operation: (itemIndex: number) => Promise<ItemResult>,
	secrets: string[] = [],
	{ concurrency = 1 }: ItemLoopOptions = {},
	{ recordKey }: ItemLoopRun = {},
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const slots = Math.max(1, concurrency);
	const continueOnFail = this.continueOnFail();
	const outcomes: Outcome[] = new Array(itemCount);
	// Secret forms computed once for the whole run; results are copied only when one holds a secret.
	const mask = secretMask(secrets);
	let stopped = false;
	const fail = (itemIndex: number, error: unknown) => {
		outcomes[itemIndex] = { error };
		if (!continueOnFail) stopped = true;
	};
	const runItem = async (itemIndex: number) => {
		// A failure (Continue On Fail off) while this item waited its turn: it is never sent.
		if (stopped) return;
		try {
			const items = toItems(await operation(itemIndex), { item: itemIndex });
			for (const item of items) item.json = mask.value(item.json);
			outcomes[itemIndex] = { items };
		} catch (error) {
			fail(itemIndex, error);
		}
	};

	// Items run in chains, each holding one of the slots the limit allows: a chain runs one item, then the items
	// queued behind it for the same record, one after another, then gives its slot back. Items without a record key
	// are chains of one.
	const queuedBehind = new Map<string, number[]>();
	let chains = 0;
	/** Items taken from the input and not yet done, queued ones included. */
	let pending = 0;
	let wake: (() => void) | undefined;
	const running: Array<Promise<void>> = [];
	const runChain = async (first: number, key: string | undefined) => {
		for (let itemIndex: number | undefined = first; itemIndex !== undefined; itemIndex = key === undefined ? undefined : queuedBehind.get(key)?.shift()) {
			await runItem(itemIndex);
			pending--;
			wake?.();
		}
		if (key !== undefined) queuedBehind.delete(key);
		chains--;
		wake?.();
	};
	const waitUntil = async (ready: () => boolean) => {
		while (!ready()) await new Promise<void>((resolveWake) => (wake = resolveWake));
	};

	for (let itemIndex = 0, started = 0; itemIndex < itemCount && !stopped; itemIndex++) {
		// Items queued behind a record may run ahead of the slots by as many again, no more: the key of every
		// item is read before it is taken, so a bad one is found early without reading the whole input ahead.
		await waitUntil(() => stopped || pending < 2 * slots);
		if (stopped) break;
		let key: string | undefined;
		try {
			key = recordKey?.(itemIndex);
		} catch (error) {
			fail(itemIndex, error);
			continue;
		}
		pending++;
		const queue = key === undefined ? undefined : queuedBehind.get(key);
		if (queue) {
			queue.push(itemIndex);
			continue;
		}
		await waitUntil(() => stopped || chains < slots);
		if (stopped) {
			pending--;
			break;
		}
		if (key !== undefined) queuedBehind.set(key, []);
		chains++;
		running.push(runChain(itemIndex, key));
		// The first items start in doubling waves, one event-loop turn apart (1, 1, 2, 4, 8, …): an early item
		// refused before its call (bad input) stops the loop before many more are under way, while many items cost
		// only a few turns (a turn per item would hold the last ones back by as many turns).
		started++;
		if (started < slots && (started & (started - 1)) === 0) await sleep(0);
	}
	await Promise.all(running);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const outcome = outcomes[itemIndex];
		if (outcome === undefined) continue;
		if ('error' in outcome) {
			if (!continueOnFail) throw asNodeError(this.getNode(), outcome.error, itemIndex);
			output.push(errorItem(outcome.error as Error, itemIndex, secrets));
		} else for (const item of outcome.items) output.push(item);
	}
	return output;
}
