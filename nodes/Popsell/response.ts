import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

/** The media type the Popsell document requires for every answer. */
export const POPSELL_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Field names exactly as in the Popsell document, including its spelling `IsSuccessfull`. */
export interface PopsellAnswer extends IDataObject {
	IsSuccessfull: boolean;
	ErrorCode: string | null;
	ErrorMessage: string | null;
	Contacts: IDataObject[];
}

export function successAnswer(contacts: IDataObject[]): PopsellAnswer {
	return { IsSuccessfull: true, ErrorCode: null, ErrorMessage: null, Contacts: contacts };
}

/** A failure never carries contacts: Popsell must not mistake part of a list for all of it. */
export function errorAnswer(errorCode: string, errorMessage: string): PopsellAnswer {
	return { IsSuccessfull: false, ErrorCode: errorCode, ErrorMessage: errorMessage, Contacts: [] };
}

export function httpAnswer(answer: PopsellAnswer, statusCode: number): IN8nHttpFullResponse {
	return { body: answer, headers: { 'content-type': POPSELL_CONTENT_TYPE }, statusCode };
}

/** Error codes the package sends. Popsell publishes no catalogue, so these are the package's own. */
export const POPSELL_ERROR_CODES = {
	invalidToken: 'INVALID_TOKEN',
	missingCustomerId: 'MISSING_CUSTOMER_ID',
	invalidDate: 'INVALID_DATE',
	contactMapping: 'CONTACT_MAPPING_FAILED',
	workflowFailed: 'WORKFLOW_FAILED',
} as const;

/** Sends the answer through n8n's response hook, the way Respond to Webhook does. */
export async function answerPopsell(this: IExecuteFunctions, answer: PopsellAnswer, statusCode: number): Promise<void> {
	if (!this.getNodeParameter('respond', 0, true)) return;
	await this.sendResponse(httpAnswer(answer, statusCode));
}

/** The node's one output item: the answer itself, paired with every input item it was built from. */
export function answerItem(answer: PopsellAnswer, inputCount: number): INodeExecutionData {
	return { json: answer, pairedItem: Array.from({ length: inputCount }, (_unused, item) => ({ item })) };
}
