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
	 * How many items may be in flight at once (1 by default). Only for calls safe to overlap (reads, upserts):
	 * the shared throttle still spaces the calls, but reading parameters and waiting for answers overlap.
	 */
	concurrency?: number;
	/** The user may lower `concurrency` (Request Options → Requests in Parallel, nodes/shared/overlap.ts). */
	adjustable?: boolean;
}

/**
 * Runs an operation once per input item. Each item's results carry its pairedItem and keep the input order;
 * under Continue On Fail a failed item gives one error item and the others go on. Without it, no new item
 * starts after a failure, and the first failed item's error is thrown.
 */
export async function runForEachItem(
	this: IExecuteFunctions,
	operation: (itemIndex: number) => Promise<ItemResult>,
	secrets: string[] = [],
	{ concurrency = 1 }: ItemLoopOptions = {},
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const continueOnFail = this.continueOnFail();
	const outcomes: Array<{ items: INodeExecutionData[] } | { error: unknown }> = new Array(itemCount);
	// Secret forms computed once for the whole run; results are copied only when one holds a secret.
	const mask = secretMask(secrets);
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < itemCount) {
			const itemIndex = next++;
			try {
				const items = toItems(await operation(itemIndex), { item: itemIndex });
				for (const item of items) item.json = mask.value(item.json);
				outcomes[itemIndex] = { items };
			} catch (error) {
				outcomes[itemIndex] = { error };
				if (!continueOnFail) stopped = true;
			}
		}
	};
	// Workers start in doubling waves, one event-loop turn apart (1, 1, 2, 4, 8, …): an early item refused before
	// its call (bad input) stops the loop before many more are under way, while many workers cost only a few turns
	// (a turn per worker would hold the last reads back by as many turns).
	const running: Array<Promise<void>> = [];
	for (let started = 0; started < Math.min(Math.max(1, concurrency), itemCount) && !stopped; started++) {
		if (started > 0 && (started & (started - 1)) === 0) await sleep(0);
		running.push(worker());
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
