/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import { TestCredentialsHelper } from './credentialsHelper';
import { loadPackage, runWorkflow } from './runner';
import type { RunResult, WorkflowJson } from './runner';

/**
 * Runs a webhook trigger of the built package behind a real HTTP server, the way n8n's webhook
 * endpoint does: the body is read raw and parsed as n8n's body parser parses it (JSON, flat
 * querystring form with at most 1000 keys, text), the node's webhook() runs in n8n-core's own
 * WebhookContext, and the answer follows the node's responseMode. Any vendor's trigger fits.
 */

export interface WebhookCall {
	method: string;
	url: string;
	/** What the node handed to the workflow, if it started one. */
	workflowData?: INodeExecutionData[][];
	/** The run of the rest of the workflow, when a workflow was given. */
	run?: RunResult;
	/** What the caller received. */
	status: number;
	body: string;
	error?: Error;
}

export interface WebhookEndpoint {
	/** Full URL of the node's webhook, like n8n's /webhook/<id>/<path>. */
	url: string;
	calls: WebhookCall[];
	/** Items emitted by all calls so far, first output. */
	emitted(): IDataObject[];
	close(): Promise<void>;
}

export interface WebhookNodeOptions {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	packageDir?: string;
	typeVersion?: number;
	/** Which of the node's webhooks (by name) to serve. */
	webhookName?: string;
	/**
	 * A whole workflow holding the trigger (found by its type; `parameters` are then ignored): what the
	 * trigger emits runs through it in n8n-core, and responseMode lastNode answers with the last node's
	 * first item, as n8n does.
	 */
	workflow?: WorkflowJson;
}

type ExpressLikeRequest = IncomingMessage & { rawBody?: Buffer; body?: unknown; query?: IDataObject; params?: IDataObject; contentType?: string; encoding?: BufferEncoding };
type ExpressLikeResponse = ServerResponse & { status(code: number): ExpressLikeResponse; json(body: unknown): ExpressLikeResponse; send(body: unknown): ExpressLikeResponse };

/** The slice of Express a node may use on the response object. */
function expressResponse(res: ServerResponse): ExpressLikeResponse {
	const response = res as ExpressLikeResponse;
	response.status = (code) => {
		response.statusCode = code;
		return response;
	};
	response.send = (body) => {
		const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
		if (!response.hasHeader('content-type')) response.setHeader('content-type', typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8');
		response.end(text);
		return response;
	};
	response.json = (body) => {
		response.setHeader('content-type', 'application/json; charset=utf-8');
		response.end(JSON.stringify(body));
		return response;
	};
	return response;
}

/** As n8n's body-parser middleware: raw body kept, then parsed by content type. */
function parseBody(req: ExpressLikeRequest, raw: Buffer): void {
	const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	const charset = /charset=([\w-]+)/i.exec(String(req.headers['content-type'] ?? ''))?.[1]?.toLowerCase();
	const encoding: BufferEncoding = charset === 'latin1' || charset === 'iso-8859-1' ? 'latin1' : 'utf8';
	req.rawBody = raw;
	req.contentType = contentType;
	req.encoding = encoding;
	req.body = {};
	if (raw.length === 0) return;
	const text = raw.toString(encoding);
	if (contentType === 'application/json') req.body = JSON.parse(text);
	else if (contentType === 'application/x-www-form-urlencoded') req.body = { ...parseQueryString(text, undefined, undefined, { maxKeys: 1000 }) };
	else if (contentType === 'text/plain') req.body = text;
}

export async function startWebhookNode(options: WebhookNodeOptions): Promise<WebhookEndpoint> {
	const pkg = await loadPackage(options.packageDir);
	const typeVersion = options.typeVersion ?? 1;
	const nodeType = pkg.nodeTypes.getByNameAndVersion(options.type, typeVersion) as INodeType;
	const webhookDescription = (nodeType.description.webhooks ?? []).find((hook) => hook.name === (options.webhookName ?? 'default'));
	if (!webhookDescription || !nodeType.webhook) throw new Error(`${options.type} has no webhook named ${options.webhookName ?? 'default'}`);
	const credentialEntries = Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: `${type} test` }]);
	const given = options.workflow?.nodes.find((candidate) => candidate.type === options.type);
	if (options.workflow && !given) throw new Error(`the workflow has no ${options.type} node`);
	const node: INode = given
		? { webhookId: 'test-webhook-id', ...given }
		: {
				id: 'webhook-under-test',
				name: 'Trigger',
				type: options.type,
				typeVersion,
				position: [0, 0],
				parameters: options.parameters,
				webhookId: 'test-webhook-id',
				credentials: Object.fromEntries(credentialEntries),
			};
	const workflow = new Workflow({
		id: 'webhook-workflow',
		name: 'webhook test',
		nodes: options.workflow ? options.workflow.nodes.map((candidate) => (candidate === given ? node : candidate)) : [node],
		connections: options.workflow?.connections ?? {},
		nodeTypes: pkg.nodeTypes,
		active: true,
	});
	const path = String(webhookDescription.path ?? '').replace(/^=/, '') || 'webhook';
	const responseMode = String(node.parameters.responseMode ?? webhookDescription.responseMode ?? 'onReceived');
	const calls: WebhookCall[] = [];
	const sockets = new Set<Socket>();

	const server = createServer((incoming, outgoing) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			void (async () => {
				const req = incoming as ExpressLikeRequest;
				const res = expressResponse(outgoing);
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const call: WebhookCall = { method: req.method ?? 'GET', url: req.url ?? '/', status: 0, body: '' };
				const originalEnd = res.end.bind(res);
				const sent: Buffer[] = [];
				res.end = ((chunk?: unknown, ...rest: unknown[]) => {
					if (chunk !== undefined && typeof chunk !== 'function') sent.push(Buffer.from(chunk as string));
					call.status = res.statusCode;
					call.body = Buffer.concat(sent).toString('utf8');
					return originalEnd(chunk as never, ...(rest as []));
				}) as typeof res.end;
				calls.push(call);
				try {
					if (req.method !== String(webhookDescription.httpMethod ?? 'GET')) {
						res.status(404).json({ code: 404, message: `The requested webhook "${req.method} ${url.pathname}" is not registered.` });
						return;
					}
					parseBody(req, Buffer.concat(chunks));
					req.query = { ...parseQueryString(url.search.replace(/^\?/, '')) };
					req.params = {};
					const additionalData = {
						credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, options.credentials ?? {}),
						httpRequest: req,
						httpResponse: res,
						restApiUrl: 'http://127.0.0.1:5678/rest',
						instanceBaseUrl: 'http://127.0.0.1:5678/',
						webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
						webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
						webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
						formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
						variables: {},
						executionId: `webhook-${calls.length}`,
						userId: 'test-user',
						getRuntimeCredential: async () => undefined,
					} as unknown as IWorkflowExecuteAdditionalData;
					const webhookData: IWebhookData = {
						httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
						node: node.name,
						path,
						webhookDescription,
						workflowId: workflow.id,
						workflowExecuteAdditionalData: additionalData,
						webhookId: node.webhookId,
						isTest: false,
					};
					const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
					const result: IWebhookResponseData = await nodeType.webhook!.call(context);
					call.workflowData = result.workflowData;
					if (result.workflowData && options.workflow) {
						const input = (result.workflowData[0] ?? []).map((item) => item.json);
						const rest = { ...options.workflow, nodes: options.workflow.nodes.map((candidate) => (candidate === given ? node : candidate)) };
						call.run = await runWorkflow(rest, { input, mode: 'webhook', startNode: node.name, credentials: options.credentials, packageDir: options.packageDir });
					}
					if (result.noWebhookResponse) {
						if (!res.writableEnded) res.end();
					} else if (result.workflowData === undefined) {
						res.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
					} else if (responseMode === 'onReceived') {
						res.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
					} else if (responseMode === 'lastNode' && call.run) {
						const lastNode = call.run.run.data.resultData.lastNodeExecuted ?? node.name;
						if (call.run.error) res.status(500).json({ code: 0, message: call.run.error.message });
						else res.status(200).json(call.run.output(lastNode)[0]?.json ?? {});
					} else {
						throw new Error(`responseMode ${responseMode} is not supported by the test webhook runner`);
					}
				} catch (error) {
					call.error = error as Error;
					if (!res.writableEnded) res.status(500).json({ code: 0, message: (error as Error).message });
				}
			})();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${node.webhookId}/${path}`,
		calls,
		emitted: () => calls.flatMap((call) => call.workflowData?.[0] ?? []).map((item) => item.json),
		close: () =>
			new Promise<void>((resolveClose) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolveClose());
			}),
	};
}
