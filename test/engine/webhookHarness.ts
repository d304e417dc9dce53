/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { ExecutionLifecycleHooks, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IN8nHttpFullResponse,
	INode,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { RunResult, WorkflowJson } from './runner';
import { buildAdditionalData, buildWorkflow, loadPackage, runWorkflow } from './runner';

/**
 * n8n's webhook server in miniature, for triggers the in-process runner cannot start: a real HTTP
 * server on 127.0.0.1 that, like n8n's webhook-helpers, finds the webhook by method and path, calls
 * the node's webhook() through n8n-core's own WebhookContext with the real request and response,
 * runs the workflow through WorkflowExecute when the node hands it data, and answers the caller
 * according to the webhook's response mode ('onReceived', 'lastNode', 'responseNode'), with n8n's
 * own fallback bodies ("Error in workflow", 500) where the workflow does not answer.
 */

/** One call as the harness handled it. */
export interface HandledCall {
	method: string;
	url: string;
	/** The workflow run, when the trigger let the workflow start. */
	run?: RunResult;
	/** What nodes passed to sendResponse during the run. */
	sentResponses: IN8nHttpFullResponse[];
}

export interface WebhookServer {
	/** Base URL, e.g. http://127.0.0.1:1234 ; webhooks live under /webhook/. */
	url: string;
	/** The production URL of a node's webhook, as n8n would show it. */
	webhookUrl(nodeName: string): string;
	calls: HandledCall[];
	close(): Promise<void>;
}

export interface WebhookServerOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	packageDir?: string;
}

interface RegisteredWebhook {
	node: INode;
	description: IWebhookDescription;
	method: string;
	/** Path segments after /webhook/, with `:name` for dynamic segments. */
	segments: string[];
}

const EXECUTION_MODE = 'webhook' satisfies WorkflowExecuteMode;

/** Express-like query object: a repeated name gives an array, as qs does. */
function parseQuery(search: URLSearchParams): IDataObject {
	const query: IDataObject = {};
	for (const [name, value] of search) {
		const existing = query[name];
		if (existing === undefined) query[name] = value;
		else query[name] = Array.isArray(existing) ? [...(existing as string[]), value] : [existing as string, value];
	}
	return query;
}

async function readBody(request: IncomingMessage): Promise<{ text: string; parsed: unknown }> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	const contentType = String(request.headers['content-type'] ?? '').split(';')[0].trim();
	if (text === '') return { text, parsed: {} };
	if (contentType === 'application/json') return { text, parsed: JSON.parse(text) };
	if (contentType === 'application/x-www-form-urlencoded') return { text, parsed: parseQuery(new URLSearchParams(text)) };
	return { text, parsed: {} };
}

/** Writes a response the way n8n's WebhookResponder does through Express: objects as JSON (UTF-8). */
function writeResponse(response: ServerResponse, statusCode: number, body: unknown, headers: IDataObject = {}): void {
	if (response.headersSent) return;
	const lowerHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
	let payload = '';
	if (Buffer.isBuffer(body)) payload = body.toString('utf8');
	else if (typeof body === 'string') {
		payload = body;
		lowerHeaders['content-type'] ??= 'text/html; charset=utf-8';
	} else if (body !== undefined) {
		payload = JSON.stringify(body);
		lowerHeaders['content-type'] ??= 'application/json; charset=utf-8';
	}
	response.writeHead(statusCode, { ...lowerHeaders, 'content-length': Buffer.byteLength(payload) });
	response.end(payload);
}

function matchPath(segments: string[], requested: string[]): Record<string, string> | undefined {
	if (segments.length !== requested.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < segments.length; index++) {
		const expected = segments[index];
		if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(requested[index]);
		else if (expected !== requested[index]) return undefined;
	}
	return params;
}

/** Serves every webhook of the workflow's nodes until closed. */
export async function serveWorkflowWebhooks(workflowJson: WorkflowJson, options: WebhookServerOptions = {}): Promise<WebhookServer> {
	const pkg = await loadPackage(options.packageDir);
	const credentials = options.credentials ?? {};
	const workflow = buildWorkflow(workflowJson, pkg, true);

	// Like n8n's getNodeWebhookPath: a full path is used as is, a dynamic one behind the node's webhookId.
	const registered: RegisteredWebhook[] = [];
	for (const node of workflowJson.nodes) {
		const nodeType = pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		for (const description of nodeType.description.webhooks ?? []) {
			const path = String(workflow.expression.getSimpleParameterValue(node, description.path, EXECUTION_MODE, {}) ?? '');
			const method = String(workflow.expression.getSimpleParameterValue(node, description.httpMethod, EXECUTION_MODE, {}, undefined, 'GET'));
			const dynamic = path.includes(':');
			const fullPath = dynamic ? `${node.webhookId}/${path}` : path;
			registered.push({ node, description, method, segments: fullPath.split('/').filter((part) => part !== '') });
		}
	}

	const calls: HandledCall[] = [];

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const requested = url.pathname.split('/').filter((part) => part !== '');
		const method = request.method ?? 'GET';
		let found: { webhook: RegisteredWebhook; params: Record<string, string> } | undefined;
		if (requested[0] === 'webhook') {
			for (const webhook of registered) {
				const params = webhook.method === method ? matchPath(webhook.segments, requested.slice(1)) : undefined;
				if (params) {
					found = { webhook, params };
					break;
				}
			}
		}
		if (!found) {
			writeResponse(response, 404, { code: 404, message: `The requested webhook "${method} ${url.pathname}" is not registered.` });
			return;
		}

		const { webhook, params } = found;
		const call: HandledCall = { method, url: request.url ?? '', sentResponses: [] };
		calls.push(call);
		const body = await readBody(request);
		// What Express (and n8n's body parser) hang on the request before the node sees it.
		Object.assign(request, { query: parseQuery(url.searchParams), params, body: body.parsed, rawBody: Buffer.from(body.text) });

		const hooks = new ExecutionLifecycleHooks(EXECUTION_MODE, 'test-webhook', { id: 'test-workflow' } as never);
		const additionalData = buildAdditionalData(pkg, credentials, hooks);
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = response as never;
		const webhookData: IWebhookData = {
			httpMethod: method as IWebhookData['httpMethod'],
			node: webhook.node.name,
			path: webhook.segments.join('/'),
			webhookDescription: webhook.description,
			workflowId: 'test-workflow',
			workflowExecuteAdditionalData: additionalData,
		};
		const nodeType = workflow.nodeTypes.getByNameAndVersion(webhook.node.type, webhook.node.typeVersion);
		const context = new WebhookContext(workflow, webhook.node, additionalData, EXECUTION_MODE, webhookData, [], null);

		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch {
			writeResponse(response, 500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
			return;
		}
		if (result.workflowData === undefined) {
			// The node answered itself (noWebhookResponse) or wants its webhookResponse sent.
			if (!result.noWebhookResponse) writeResponse(response, 200, result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}

		const responseMode = String(
			workflow.expression.getSimpleParameterValue(webhook.node, webhook.description.responseMode, EXECUTION_MODE, {}, undefined, 'onReceived'),
		);
		if (responseMode === 'onReceived') writeResponse(response, 200, { message: 'Workflow was started' });

		let answered = response.headersSent;
		const run = await runWorkflow(workflowJson, {
			credentials,
			packageDir: options.packageDir,
			mode: EXECUTION_MODE,
			startNodeName: webhook.node.name,
			input: result.workflowData[0].map((item) => item.json),
			onSendResponse: (sent) => {
				call.sentResponses.push(sent);
				// n8n only listens for the node's answer in 'responseNode' mode, and takes the first one.
				if (responseMode !== 'responseNode' || answered) return;
				answered = true;
				writeResponse(response, sent.statusCode, sent.body, sent.headers);
			},
		});
		call.run = run;
		if (answered) return;

		const runData = run.run.data.resultData.runData;
		const lastNodeName = run.run.data.resultData.lastNodeExecuted;
		const lastTask = lastNodeName ? runData[lastNodeName]?.at(-1) : undefined;
		if (run.error || lastTask?.error) {
			writeResponse(response, 500, { message: 'Error in workflow' });
			return;
		}
		if (responseMode === 'responseNode') {
			writeResponse(response, 200, undefined);
			return;
		}
		const firstItem = lastTask?.data?.main?.[0]?.[0];
		if (!firstItem) {
			writeResponse(response, 200, { message: 'Workflow executed successfully but the last node did not return any data' });
			return;
		}
		writeResponse(response, 200, firstItem.json);
	}

	const server = createServer((request, response) => {
		handle(request, response).catch((error: Error) => writeResponse(response, 500, { message: `harness failure: ${error.message}` }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const base = `http://127.0.0.1:${port}`;

	return {
		url: base,
		calls,
		webhookUrl(nodeName) {
			const webhook = registered.find((entry) => entry.node.name === nodeName);
			if (!webhook) throw new Error(`node ${nodeName} has no webhook`);
			return `${base}/webhook/${webhook.segments.join('/')}`;
		},
		close: async () => await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
	};
}
