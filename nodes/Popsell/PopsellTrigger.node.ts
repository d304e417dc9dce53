import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { informationCallout } from '../shared/descriptions';
import { formatIsoWallClock, parseWallClock } from './dates';
import { popsellStaticKeyTest } from './methods/credentialTest';
import type { PopsellAnswer } from './response';
import { errorAnswer, POPSELL_CONTENT_TYPE, POPSELL_ERROR_CODES } from './response';
import { isValidPopsellToken, readPopsellSecret, staticKeyProblem } from './token';

/** Which parameter carries what: the Popsell document leaves the URL shape to the brand. */
const CUSTOMER_ID_PATH_PARAMETER = 'customerId';
const CUSTOMER_ID_QUERY_PARAMETER = 'id';

const WEBHOOK_SHAPE = {
	name: 'default',
	responseMode: '={{$parameter["responseMode"]}}',
	responseData: 'firstEntryJson',
	path: '={{$parameter["path"]}}',
	isFullPath: true,
} as const;

/** The first string a parameter holds: Express gives an array when a name repeats, and Popsell sends each once. */
function firstString(...candidates: unknown[]): string | undefined {
	for (const candidate of candidates) {
		const value = Array.isArray(candidate) ? candidate[0] : candidate;
		if (typeof value === 'string' && value !== '') return value;
		if (typeof value === 'number') return String(value);
	}
	return undefined;
}

/** Answers the call itself with a Popsell error body, so the workflow never starts. */
function refuse(context: IWebhookFunctions, statusCode: number, answer: PopsellAnswer): IWebhookResponseData {
	const response = context.getResponseObject();
	const body = JSON.stringify(answer);
	response.writeHead(statusCode, { 'content-type': POPSELL_CONTENT_TYPE, 'content-length': Buffer.byteLength(body) });
	response.end(body);
	return { noWebhookResponse: true };
}

export class PopsellTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Popsell Trigger',
		name: 'popsellTrigger',
		icon: { light: 'file:popsell.svg', dark: 'file:popsell.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Contact import for " + $parameter["path"]}}',
		description: 'Serves Popsell\'s contact-import web service: answers Popsell when it asks for a sales rep\'s contacts',
		defaults: { name: 'Popsell Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'popsellApi', required: true, testedBy: 'popsellStaticKeyTest' }],
		webhooks: [
			{ ...WEBHOOK_SHAPE, httpMethod: 'GET' },
			{ ...WEBHOOK_SHAPE, httpMethod: 'POST' },
		],
		properties: [
			informationCallout(
				'popsellTriggerSetupCallout',
				'Give Popsell this node\'s production URL and the static key. Popsell calls it with the customer ID (in the query string, or as a path segment), <code>token</code> and an optional <code>date</code>. A missing or wrong token is answered 401, a bad date 400, and the workflow does not run.',
			),
			informationCallout(
				'popsellTriggerFailureCallout',
				'<b>If a node before the Popsell node fails, n8n answers Popsell itself</b>: HTTP 500 with n8n\'s own body, not Popsell\'s shape. To answer in Popsell\'s shape, open each node between this trigger and the Popsell node and set <b>Settings → On Error → Continue</b>: the Popsell node then answers <code>IsSuccessfull: false</code> with <code>ErrorCode: WORKFLOW_FAILED</code>. The example workflow popsell-failure-answer.json shows it.',
			),
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: 'popsell-contacts',
				required: true,
				placeholder: 'e.g. popsell/:customerId/contacts',
				description:
					'The URL path. Put :customerId in it to receive the customer ID as a path segment; otherwise Popsell sends it in the query string, as in its example URL.',
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				default: 'responseNode',
				options: [
					{
						name: 'Using Popsell Node',
						value: 'responseNode',
						description: 'A Popsell node (Build Import Response or Build Error Response) answers, with its HTTP status',
					},
					{
						name: 'When Last Node Finishes',
						value: 'lastNode',
						description: 'Answer with the first item of the last node, status 200: end the workflow with a Popsell node',
					},
				],
				description:
					'How the workflow answers Popsell. If a node stops the workflow before the answer is sent, n8n answers HTTP 500 with its own body, which Popsell treats as a failed import: no partial list is ever sent. To answer in Popsell\'s own error shape instead, set that node\'s Settings → On Error to Continue: the Popsell node then answers WORKFLOW_FAILED.',
			},
		],
	};

	methods = { credentialTest: { popsellStaticKeyTest } };

	// Popsell is given the URL by hand, so there is nothing to register remotely. Activation still
	// refuses a key that could never match a token, rather than answering 401 to every call.
	webhookMethods = {
		default: {
			checkExists: async function (this: IHookFunctions): Promise<boolean> {
				return false;
			},
			create: async function (this: IHookFunctions): Promise<boolean> {
				const problem = staticKeyProblem(readPopsellSecret(await this.getCredentials('popsellApi')).staticKey);
				if (problem) throw new NodeOperationError(this.getNode(), problem);
				return true;
			},
			delete: async function (this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const query = (this.getQueryData() ?? {}) as IDataObject;
		const params = (this.getParamsData() ?? {}) as IDataObject;
		const rawBody = this.getBodyData();
		const body = (rawBody !== null && typeof rawBody === 'object' ? rawBody : {}) as IDataObject;

		const customerId = firstString(params[CUSTOMER_ID_PATH_PARAMETER], query[CUSTOMER_ID_QUERY_PARAMETER], body[CUSTOMER_ID_QUERY_PARAMETER]);
		const token = firstString(query.token, body.token);
		const dateText = firstString(query.date, body.date);

		if (customerId === undefined) {
			return refuse(
				this,
				400,
				errorAnswer(POPSELL_ERROR_CODES.missingCustomerId, 'The customer ID is missing: send it as the id parameter or in the URL path.'),
			);
		}
		const secret = readPopsellSecret(await this.getCredentials('popsellApi'));
		if (token === undefined || secret.staticKey === '' || !isValidPopsellToken(secret, customerId, token)) {
			return refuse(this, 401, errorAnswer(POPSELL_ERROR_CODES.invalidToken, 'The token is missing or does not match this customer ID.'));
		}
		const lastUpdate = dateText === undefined ? undefined : parseWallClock(dateText);
		if (dateText !== undefined && lastUpdate === undefined) {
			return refuse(this, 400, errorAnswer(POPSELL_ERROR_CODES.invalidDate, 'The date must be "YYYY-MM-DD HH:MM:SS".'));
		}

		// The token lets anyone replay this call: keep it out of the workflow's data.
		const visibleQuery: IDataObject = { ...query };
		if ('token' in visibleQuery) visibleQuery.token = '[redacted]';
		return {
			workflowData: [
				[
					{
						json: {
							customerId,
							lastUpdate: lastUpdate ? formatIsoWallClock(lastUpdate) : null,
							lastUpdateText: dateText ?? null,
							method: this.getRequestObject().method ?? null,
							query: visibleQuery,
						},
					},
				],
			],
		};
	}
}
