import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactValue } from './redaction';

export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[] | undefined;

function toItems(result: ItemResult): INodeExecutionData[] {
	if (result === undefined) return [];
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => ('json' in entry && typeof entry.json === 'object' ? (entry as INodeExecutionData) : { json: entry as IDataObject }));
}

/**
 * Runs an operation once per input item. Each item's results carry its pairedItem; under
 * Continue On Fail a failed item gives one error item and the others go on.
 */
export async function runForEachItem(
	this: IExecuteFunctions,
	operation: (itemIndex: number) => Promise<ItemResult>,
	secrets: string[] = [],
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = toItems(await operation(itemIndex));
			output.push(...this.helpers.constructExecutionMetaData(results.map((r) => ({ ...r, json: redactValue(r.json, secrets) })), { itemData: { item: itemIndex } }));
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output.push(errorItem(error, itemIndex, secrets));
		}
	}
	return output;
}

/** n8n's own error types pass through; anything else is wrapped so the UI shows node and item. */
export function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * The item an input gives under Continue On Fail. Only `error`, `message` and `details` keys: n8n's
 * "Continue (using error output)" routes an item to the error output only when its JSON has no other key.
 */
export function errorItem(error: { message?: string; description?: string | null }, itemIndex: number, secrets: string[] = []): INodeExecutionData {
	return {
		json: redactValue({ error: error.message ?? String(error), ...(error.description ? { details: error.description } : {}) }, secrets),
		pairedItem: { item: itemIndex },
	};
}
