// Examples that start from a webhook (n8n's Webhook node, the Popsell and InfluencerSoft Triggers) run only in a running n8n: these
// helpers call them the way a web form or Popsell does. The example's expect file says what to send and what the
// answer must contain:
//   { "webhook": { "method": "POST", "form": { "email": "a@b.c" },        a web form post (or "json": {...})
//                  "customerId": "13", "query": { "date": "..." },        Popsell: customer ID (token computed)
//                  "status": 200, "body": { "IsSuccessfull": true },     the answer: status, JSON body subset
//                  "rejects": [{ "form": {...}, "status": 400, "body": {...} }] } }   bad input: each sent the same way,
//                                                                          each answer checked the same way
// ("body" is matched as a subset, like "every" in ./examples.ts.) A Popsell trigger is also called with a wrong
// token, which must be refused with HTTP 401 and IsSuccessfull false.
import { createHash } from 'node:crypto';

import type { SandboxCredential } from '../servers/sandbox';
import { mismatches, type Example, type WorkflowNode } from './examples';

export interface WebhookExpectation {
	method?: 'GET' | 'POST';
	customerId?: string;
	query?: Record<string, string>;
	form?: Record<string, string>;
	json?: Record<string, unknown>;
	status?: number;
	body?: Record<string, unknown>;
	/** Calls with bad input (their own form/json/query) and the refusal each must get. */
	rejects?: Array<Omit<WebhookExpectation, 'rejects'>>;
}

export interface WebhookCall {
	method: 'GET' | 'POST';
	url: string;
	headers: Record<string, string>;
	body?: string;
}

const WEBHOOK_TYPES = /^n8n-nodes-base\.webhook$|\.popsellTrigger$|\.influencerSoftTrigger$/;

/** Triggers without a Path parameter: n8n serves them at <webhookId>/<the path their description fixes>. */
const FIXED_PATHS: Array<[RegExp, string]> = [[/\.influencerSoftTrigger$/, 'webhook']];

function triggerNode(example: Example): WorkflowNode | undefined {
	return example.workflow.nodes.find((node) => WEBHOOK_TYPES.test(node.type));
}

const isPopsell = (node: WorkflowNode) => node.type.endsWith('.popsellTrigger');

/** The examples that need `n8n start` and a caller. */
export function webhookExamples(examples: Example[]): Example[] {
	return examples.filter((example) => triggerNode(example) !== undefined);
}

function webhookOf(example: Example): WebhookExpectation {
	return (example.expect as { webhook?: WebhookExpectation } | undefined)?.webhook ?? {};
}

/** The token Popsell sends: md5 of the static key and the customer ID, in the order the credential says. */
function popsellToken(credential: SandboxCredential, customerId: string): string {
	const data = credential.data;
	const key = Object.entries(data).find(([name, value]) => /key|secret/i.test(name) && typeof value === 'string')?.[1] as string;
	const idFirst = Object.values(data).includes('customerIdThenKey');
	return createHash('md5')
		.update(idFirst ? `${customerId}${key}` : `${key}${customerId}`)
		.digest('hex');
}

/** The request a web form or Popsell would send to the example (undefined if it cannot be built). */
export function webhookCall(
	baseUrl: string,
	example: Example,
	credentials: SandboxCredential[],
	token?: string,
	expected: WebhookExpectation = webhookOf(example),
): WebhookCall | undefined {
	const node = triggerNode(example);
	if (!node) return undefined;
	const fixedPath = FIXED_PATHS.find(([type]) => type.test(node.type))?.[1];
	let path = fixedPath !== undefined ? `${node.webhookId ?? ''}/${fixedPath}` : String(node.parameters?.path ?? '').replace(/^\//, '');
	const query = new URLSearchParams(expected.query ?? {});
	if (isPopsell(node)) {
		const credentialId = Object.values(node.credentials ?? {})[0]?.id;
		const credential = credentials.find((candidate) => candidate.id === credentialId);
		if (!credential) return undefined;
		const customerId = expected.customerId ?? '1001';
		if (path.includes(':customerId')) path = path.replace(':customerId', encodeURIComponent(customerId));
		else query.set('id', customerId);
		query.set('token', token ?? popsellToken(credential, customerId));
	}
	const search = query.toString();
	const url = `${baseUrl}/webhook/${path}${search ? `?${search}` : ''}`;
	const method = expected.method ?? (String(node.parameters?.httpMethod ?? 'GET') as 'GET' | 'POST');
	if (expected.form) {
		return { method, url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(expected.form).toString() };
	}
	if (expected.json) return { method, url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(expected.json) };
	return { method, url, headers: {} };
}

/** The call as a curl command line, for `npm start` to print. */
export function asCurl(call: WebhookCall): string {
	const data = call.body === undefined ? '' : ` -H 'content-type: ${call.headers['content-type']}' --data '${call.body.replace(/'/g, "'\\''")}'`;
	return `curl${call.method === 'GET' ? '' : ` -X ${call.method}`}${data} '${call.url}'`;
}

async function send(call: WebhookCall): Promise<{ status: number; text: string; json: unknown }> {
	const response = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body });
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json };
}

function answerProblems(label: string, expected: WebhookExpectation, answer: { status: number; text: string; json: unknown }): string[] {
	const problems: string[] = [];
	if (answer.status !== (expected.status ?? 200)) problems.push(`${label}: HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
	if (expected.body) {
		if (answer.json === undefined) problems.push(`${label}: the answer is not JSON: ${answer.text.slice(0, 300)}`);
		else problems.push(...mismatches(answer.json, expected.body).map((problem) => `${label}: ${problem}`));
	}
	return problems;
}

/** Calls the example's webhook as its caller would; returns what did not match the expectation. */
export async function callWebhookExample(baseUrl: string, example: Example, credentials: SandboxCredential[]): Promise<string[]> {
	const expected = webhookOf(example);
	const call = webhookCall(baseUrl, example, credentials);
	if (!call) return [`${example.name}: no webhook trigger with a sandbox credential`];
	const problems = answerProblems(example.name, expected, await send(call));
	for (const [index, reject] of (expected.rejects ?? []).entries()) {
		const rejectCall = webhookCall(baseUrl, example, credentials, undefined, { method: expected.method, ...reject }) as WebhookCall;
		problems.push(...answerProblems(`${example.name} (bad input ${index + 1})`, reject, await send(rejectCall)));
	}
	if (isPopsell(triggerNode(example) as WorkflowNode)) {
		const refused = await send(webhookCall(baseUrl, example, credentials, '0'.repeat(32)) as WebhookCall);
		const body = refused.json as { IsSuccessfull?: unknown } | undefined;
		if (refused.status !== 401 || body?.IsSuccessfull !== false) {
			problems.push(`${example.name}: a wrong token got HTTP ${refused.status} ${refused.text.slice(0, 300)}`);
		}
	}
	return problems;
}
