// Popsell calls n8n (not the other way round): these helpers play Popsell against a running `n8n start`.
// A trigger example's expect file says what to ask and what the answer must contain:
//   { "webhook": { "customerId": "1001", "query": { "date": "2024-01-01 00:00:00" },
//                  "status": 200, "body": { "IsSuccessfull": true, "Contacts": [{ "Id": "..." }] } } }
// ("body" is matched as a subset, like "every" in ./examples.ts.)
import { createHash } from 'node:crypto';

import type { SandboxCredential } from '../servers/sandbox';
import { mismatches, type Example, type WorkflowNode } from './examples';

export interface WebhookExpectation {
	customerId: string;
	query?: Record<string, string>;
	status?: number;
	body?: Record<string, unknown>;
}

function triggerNode(example: Example): WorkflowNode | undefined {
	return example.workflow.nodes.find((node) => /\.popsellTrigger$/.test(node.type));
}

export function popsellTriggerExamples(examples: Example[]): Example[] {
	return examples.filter((example) => triggerNode(example) !== undefined);
}

function webhookOf(example: Example): WebhookExpectation | undefined {
	return (example.expect as { webhook?: WebhookExpectation } | undefined)?.webhook;
}

/** The token Popsell sends: md5 of the static key and the customer ID, in the order the credential says. */
function tokenFor(credential: SandboxCredential, customerId: string): string {
	const data = credential.data;
	const key = Object.entries(data).find(([name, value]) => /key|secret/i.test(name) && typeof value === 'string')?.[1] as string;
	const idFirst = Object.values(data).includes('customerIdThenKey');
	return createHash('md5')
		.update(idFirst ? `${customerId}${key}` : `${key}${customerId}`)
		.digest('hex');
}

/** The URL Popsell would call for the example's customer, with a valid token (undefined if it cannot be built). */
export function popsellTriggerRequest(baseUrl: string, example: Example, credentials: SandboxCredential[], token?: string): string | undefined {
	const node = triggerNode(example);
	const credentialId = Object.values(node?.credentials ?? {})[0]?.id;
	const credential = credentials.find((candidate) => candidate.id === credentialId);
	if (!node || !credential) return undefined;
	const customerId = webhookOf(example)?.customerId ?? '1001';
	let path = String(node.parameters?.path ?? 'popsell-contacts').replace(/^\//, '');
	const query = new URLSearchParams(webhookOf(example)?.query ?? {});
	if (path.includes(':customerId')) path = path.replace(':customerId', encodeURIComponent(customerId));
	else query.set('id', customerId);
	query.set('token', token ?? tokenFor(credential, customerId));
	return `${baseUrl}/webhook/${path}?${query.toString()}`;
}

/** Calls the trigger as Popsell would, then with a wrong token; returns what did not match the expectation. */
export async function callPopsellTrigger(
	baseUrl: string,
	example: Example,
	credentials: SandboxCredential[],
): Promise<{ problems: string[]; body: unknown }> {
	const expected = webhookOf(example);
	const url = popsellTriggerRequest(baseUrl, example, credentials);
	if (!url) return { problems: [`${example.name}: no trigger node with a sandbox credential`], body: undefined };
	const response = await fetch(url);
	const text = await response.text();
	const problems: string[] = [];
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		problems.push(`${example.name}: the answer is not JSON: ${text.slice(0, 300)}`);
	}
	if (response.status !== (expected?.status ?? 200)) problems.push(`${example.name}: HTTP ${response.status}: ${text.slice(0, 500)}`);
	if (expected?.body) problems.push(...mismatches(body, expected.body).map((problem) => `${example.name}: ${problem}`));

	const refused = await fetch(popsellTriggerRequest(baseUrl, example, credentials, '0'.repeat(32)) as string);
	const refusedBody = (await refused.json().catch(() => ({}))) as Record<string, unknown>;
	if (refused.status !== 401 || refusedBody.IsSuccessfull !== false) {
		problems.push(`${example.name}: a wrong token got HTTP ${refused.status} ${JSON.stringify(refusedBody).slice(0, 300)}`);
	}
	return { problems, body };
}
