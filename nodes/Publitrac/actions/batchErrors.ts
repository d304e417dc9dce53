import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PublitracAnswer, PublitracClient } from '../transport';
import type { BatchEntry } from '../../shared/batchLoop';

/**
 * Shares a batch answer out to its items. A failed answer whose `<error>` lines name some of the batch's
 * emails fails those items only, each with its own lines; a failure that names none fails the whole batch.
 */
export function shareOutAnswer<T extends { email: string }>(
	context: IExecuteFunctions,
	publitrac: PublitracClient,
	method: string,
	answer: PublitracAnswer,
	batch: Array<BatchEntry<T>>,
	success: (entry: BatchEntry<T>) => IDataObject,
): Map<number, IDataObject | Error> {
	const outcome = new Map<number, IDataObject | Error>();
	if (!answer.failed) {
		for (const entry of batch) outcome.set(entry.itemIndex, success(entry));
		return outcome;
	}
	const linesFor = (email: string) => answer.errors.filter((line) => line.toLowerCase().includes(email.toLowerCase()));
	const named = batch.filter((entry) => linesFor(entry.record.email).length > 0);
	if (named.length === 0) throw publitrac.answerError(method, answer, batch[0]?.itemIndex);
	for (const entry of batch) {
		const lines = linesFor(entry.record.email);
		outcome.set(entry.itemIndex, lines.length ? publitrac.answerError(method, answer, entry.itemIndex, lines) : success(entry));
	}
	return outcome;
}
