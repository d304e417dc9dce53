/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Items 1 and 3, the other side: what a user builds without our nodes, n8n's HTTP Request node (4.x, n8n-nodes-base
// 2.41.1), run by the same in-process engine (n8n-core 2.41.1 WorkflowExecute) as our nodes, against local servers.
import '../../test/engine/setupEnv';

import type { INode, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../../test/engine/runner';
import { locateNodesBase } from './nodesBase';
import { mb, round } from './report';
import { startPublitracSync, startSpreadCustomers, type SyncLeadServer } from './servers';

export const SYNC_LEADS = Number(process.env.BENCH_SYNC_LEADS ?? 1000);
export const PUBLITRAC_LIMIT = 35;
export const SPREAD_CUSTOMERS = Number(process.env.BENCH_SPREAD_CUSTOMERS ?? 50000);
const HTTP_REQUEST_VERSION = 4.2;

/** The input both sides of item 1 get, one lead per item: the same leads scripts/bench/publitrac.ts syncs. */
export function syncLeadInput(count = SYNC_LEADS) {
	return Array.from({ length: count }, (_, index) => ({ email: `bench${index}@sync.example`, firstName: `Bench ${index}`, score: index % 100 }));
}

// What a user types into the body field: the lead XML built in an expression (no escaping, as users write it).
const LEAD_XML_EXPRESSION =
	"={{ '<?xml version=\"1.0\" encoding=\"UTF-8\"?><request><lead><email>' + $json.email + '</email><firstName>' + $json.firstName + " +
	"'</firstName><score>' + $json.score + '</score></lead></request>' }}";

function startNode(): INode {
	return { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

function chain(nodes: INode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main' as never, index: 0 }]] };
	}
	return { nodes, connections };
}

export interface SyncLeadVariant {
	label: string;
	batching?: { batchSize: number; batchInterval: number };
}

export const SYNC_LEAD_VARIANTS: SyncLeadVariant[] = [
	{ label: 'HTTP Request node, default options (On Error: continue)' },
	{ label: 'HTTP Request node, Batching 35 items / 1000 ms (On Error: continue)', batching: { batchSize: 35, batchInterval: 1000 } },
];

function syncLeadWorkflow(target: SyncLeadServer, variant: SyncLeadVariant): WorkflowJson {
	const httpRequest: INode = {
		id: 'http',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		position: [200, 0],
		onError: 'continueRegularOutput',
		parameters: {
			method: 'POST',
			url: target.apiUrl,
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: {
				parameters: [
					{ name: 'method', value: 'syncLead' },
					{ name: 'apikey', value: target.auth.apikey },
					{ name: 'username', value: target.auth.username },
					{ name: 'password', value: target.auth.password },
				],
			},
			sendBody: true,
			contentType: 'form-urlencoded',
			specifyBody: 'keypair',
			bodyParameters: { parameters: [{ name: 'query', value: LEAD_XML_EXPRESSION }] },
			options: variant.batching ? { batching: { batch: variant.batching } } : {},
		},
	};
	return chain([startNode(), httpRequest]);
}

/** Counts what came back: HTTP errors (the node's error items) and PUBLITRAC errors (9xxx status in a 200 answer). */
function syncLeadOutcome(items: INodeExecutionData[]) {
	let httpErrors = 0;
	let vendorErrors = 0;
	for (const { json } of items) {
		if (json.error) httpErrors++;
		else if (/<status>9\d{3}<\/status>/.test(JSON.stringify(json))) vendorErrors++;
	}
	return { httpErrors, vendorErrors };
}

/**
 * Item 1 baseline: 1,000 syncLead calls through the HTTP Request node against a server answering 429 above 35
 * calls/s (a trailing one-second window): PUBLITRAC's own test server when present, as our node's side uses.
 */
export async function benchHttpRequestSyncLead(variant: SyncLeadVariant) {
	const nodesBase = locateNodesBase();
	if ('missing' in nodesBase) throw new Error(nodesBase.missing);
	const target = await startPublitracSync(PUBLITRAC_LIMIT);
	const own = target.server;
	try {
		const input = syncLeadInput();
		const started = Date.now();
		const result = await runWorkflow(syncLeadWorkflow(target, variant), { packageDir: nodesBase.packageDir, input });
		const wallMs = Date.now() - started;
		const items = result.output('HTTP Request');
		const calls = own.requests.length;
		const { httpErrors, vendorErrors } = syncLeadOutcome(items);
		const span = calls > 1 ? own.requests[calls - 1].receivedAt - own.requests[0].receivedAt : 0;
		return {
			side: variant.label,
			'wall s': round(wallMs / 1000, 2),
			calls,
			'calls/s': span ? round(((calls - 1) * 1000) / span, 1) : 0,
			'429s': own.rateLimitedCount,
			errors: httpErrors + vendorErrors,
			'leads synced': items.length - httpErrors - vendorErrors,
			server: target.source,
			...(result.error ? { 'workflow error': result.error.message } : {}),
		};
	} finally {
		await own.close();
	}
}

function spreadWorkflow(apiRoot: string): WorkflowJson {
	const httpRequest: INode = {
		id: 'http',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		position: [200, 0],
		credentials: { httpBasicAuth: { id: 'spread-basic', name: 'SPREAD basic auth' } },
		parameters: {
			method: 'GET',
			url: `${apiRoot}/customers`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpBasicAuth',
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: { parameters: [{ name: 'maxResults', value: '5000' }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: 'startAt', value: '={{ $pageCount * 5000 }}' }] },
						paginationCompleteWhen: 'other',
						completeExpression: '={{ !$response.body.nextPageUrl }}',
					},
				},
			},
		},
	};
	// The HTTP Request node returns one item per page: Split Out turns the pages into one item per customer,
	// which is what our node's Return All hands on.
	const splitOut: INode = {
		id: 'split',
		name: 'Split Out',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [400, 0],
		parameters: { fieldToSplitOut: 'customers', include: 'noOtherFields', options: {} },
	};
	return chain([startNode(), httpRequest, splitOut]);
}

/** Item 3 baseline: Return All over SPREAD customers with the HTTP Request node's pagination option, then Split Out. */
export async function benchHttpRequestSpreadReturnAll() {
	const nodesBase = locateNodesBase();
	if ('missing' in nodesBase) throw new Error(nodesBase.missing);
	const { server: own, apiRoot, auth, source } = await startSpreadCustomers(SPREAD_CUSTOMERS);
	try {
		const rssBefore = process.memoryUsage().rss;
		const started = Date.now();
		const result = await runWorkflow(spreadWorkflow(apiRoot), {
			packageDir: nodesBase.packageDir,
			credentials: { httpBasicAuth: auth },
		});
		const wallMs = Date.now() - started;
		if (result.error) throw new Error(`HTTP Request pagination failed: ${result.error.message}`);
		const customers = result.output('Split Out');
		return {
			side: 'HTTP Request node, pagination option (+ Split Out)',
			'wall s': round(wallMs / 1000, 2),
			calls: own.requests.length,
			customers: customers.length,
			'rss before MB': mb(rssBefore),
			server: source,
		};
	} finally {
		await own.close();
	}
}

/** For fresh.js, which passes JSON: the variant by its index in SYNC_LEAD_VARIANTS. */
export const benchHttpRequestSyncLeadVariant = (index: number) => benchHttpRequestSyncLead(SYNC_LEAD_VARIANTS[index]);
