import type { INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactText, redactValue } from './redaction';

export interface VendorErrorDetails {
	/** The vendor's own error code (PUBLITRAC 9005, InfluencerSoft 601, HTTP 404…). */
	code?: string | number;
	/** The vendor's own message, as it sent it. */
	message: string;
	/** Longer text: every error line, a hint, what to check. */
	description?: string;
	httpCode?: number;
	itemIndex?: number;
}

/**
 * A NodeApiError carrying the vendor's code and message, with every secret masked.
 * The raw response goes in as the error's cause only after redaction, since n8n shows it.
 */
export function vendorApiError(node: INode, details: VendorErrorDetails, secrets: string[], raw?: JsonObject): NodeApiError {
	const codePrefix = details.code !== undefined && details.code !== '' ? `${details.code}: ` : '';
	const message = redactText(`${codePrefix}${details.message}`, secrets);
	const description = details.description !== undefined ? redactText(details.description, secrets) : undefined;
	const cause: JsonObject = {
		message,
		...(details.code !== undefined ? { code: String(details.code) } : {}),
		...(description !== undefined ? { description } : {}),
		...(raw ? { response: JSON.parse(redactText(JSON.stringify(raw), secrets)) as JsonObject } : {}),
	};
	const error = new NodeApiError(node, cause, {
		message,
		description,
		httpCode: details.httpCode !== undefined ? String(details.httpCode) : undefined,
		itemIndex: details.itemIndex,
	});
	// NodeApiError may rewrite the message from the HTTP code; keep the vendor's words.
	error.message = message;
	if (description !== undefined) error.description = description;
	return error;
}

/** Bad input, found before anything is sent: names the field and the item. */
export function invalidInput(node: INode, itemIndex: number, field: string, problem: string, hint?: string): NodeOperationError {
	return new NodeOperationError(node, `${field}: ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: hint,
	});
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
