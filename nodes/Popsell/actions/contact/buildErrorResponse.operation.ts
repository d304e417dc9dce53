import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { answerItem, answerPopsell, errorAnswer } from '../../response';
import { respondField } from '../fields';

const show = { resource: ['contact'], operation: ['buildErrorResponse'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Error Code',
		name: 'errorCode',
		type: 'string',
		default: 'ERROR',
		required: true,
		description: 'Sent as ErrorCode. Popsell publishes no list of codes: use your own.',
		displayOptions: { show },
	},
	{
		displayName: 'Error Message',
		name: 'errorMessage',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. The CRM is unavailable',
		description: 'Sent as ErrorMessage. Popsell may show it: put no secret or personal data in it.',
		displayOptions: { show },
	},
	{
		displayName: 'HTTP Status',
		name: 'statusCode',
		type: 'number',
		default: 500,
		typeOptions: { minValue: 200, maxValue: 599 },
		description: 'The HTTP status of the answer. The Popsell document names none; IsSuccessfull is false whatever it is.',
		displayOptions: { show },
	},
	respondField(show),
];

/** An expression that resolves to nothing gives '', never the text "undefined". */
function textParameter(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** Runs once, for the first item, like n8n's Respond to Webhook: one call gets one answer. */
export async function executeOnce(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const errorCode = textParameter(this.getNodeParameter('errorCode', 0, ''));
	const errorMessage = textParameter(this.getNodeParameter('errorMessage', 0, ''));
	const statusCode = Number(this.getNodeParameter('statusCode', 0, 500));
	if (errorCode === '') throw new NodeOperationError(this.getNode(), 'Error Code: empty (item 0)', { itemIndex: 0 });
	if (errorMessage === '') throw new NodeOperationError(this.getNode(), 'Error Message: empty (item 0)', { itemIndex: 0 });
	if (!Number.isInteger(statusCode) || statusCode < 200 || statusCode > 599) {
		throw new NodeOperationError(this.getNode(), `HTTP Status: ${statusCode} is not an HTTP status from 200 to 599 (item 0)`, { itemIndex: 0 });
	}
	const answer = errorAnswer(errorCode, errorMessage);
	await answerPopsell.call(this, answer, statusCode);
	return [answerItem(answer, this.getInputData().length)];
}
