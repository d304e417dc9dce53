import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './errors';
import { redactValue } from './redaction';

export interface BatchEntry<T> {
	itemIndex: number;
	record: T;
}

export interface BatchPlan<T> {
	/** Reads and checks one item. Items with the same group (same list, same campaigns…) share calls. */
	prepare(itemIndex: number): { group: string; record: T };
	/** Most records one call may carry. */
	batchSize: number;
	/**
	 * Sends one batch and says, per item, what came of it: output fields, or the error for that item.
	 * Throwing fails every item of the batch.
	 */
	send(group: string, batch: Array<BatchEntry<T>>): Promise<Map<number, IDataObject | Error>>;
}

/**
 * For methods that take many records in one call: every item is checked first (so bad input stops the
 * run before anything is sent), then items are grouped and sent in batches. Each input item still gives
 * exactly one output item, paired with it; under Continue On Fail, failed items give error items.
 */
export async function runInBatches<T>(this: IExecuteFunctions, plan: BatchPlan<T>, secrets: string[] = []): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const results = new Map<number, INodeExecutionData>();
	const groups = new Map<string, Array<BatchEntry<T>>>();
	const fail = (itemIndex: number, error: unknown) => {
		if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
		results.set(itemIndex, errorItem(error as Error, itemIndex, secrets));
	};

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const { group, record } = plan.prepare(itemIndex);
			const members = groups.get(group) ?? [];
			members.push({ itemIndex, record });
			groups.set(group, members);
		} catch (error) {
			fail(itemIndex, error);
		}
	}

	for (const [group, members] of groups) {
		for (const batch of chunk(members, plan.batchSize)) {
			let outcome: Map<number, IDataObject | Error>;
			try {
				outcome = await plan.send(group, batch);
			} catch (error) {
				for (const { itemIndex } of batch) fail(itemIndex, error);
				continue;
			}
			for (const { itemIndex } of batch) {
				const result = outcome.get(itemIndex);
				if (result instanceof Error) fail(itemIndex, result);
				else results.set(itemIndex, { json: redactValue(result ?? {}, secrets), pairedItem: { item: itemIndex } });
			}
		}
	}
	return [...results.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}

/** Splits records into consecutive batches of at most `size`. */
export function chunk<T>(records: T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`Batch size must be a positive integer, got ${size}`);
	const batches: T[][] = [];
	for (let start = 0; start < records.length; start += size) batches.push(records.slice(start, start + size));
	return batches;
}
