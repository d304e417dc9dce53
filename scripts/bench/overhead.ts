/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Item 6: what one of our nodes costs per item on top of the HTTP call itself. The same N requests, one after the
// other, against a local server with no limit: once through the node in n8n's engine (runNode), once as a bare
// Node fetch loop. Ratio = node wall / fetch wall; overhead per item = the difference / N.
import '../../test/engine/setupEnv';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { fixturePath, PACKAGE_NAME, REPO_ROOT, runNode } from '../../test/engine/runner';
import { startVendorServer, type Handler } from '../../test/servers/vendorServer';
import { median, round } from './report';

/** A node under test, and the plain fetch that makes the same request for one item. */
export interface OverheadSubject {
	label: string;
	type: string;
	packageDir?: string;
	parameters: INodeParameters;
	credentials(baseUrl: string): Record<string, ICredentialDataDecryptedObject>;
	input(index: number): IDataObject;
	reply: Handler;
	fetchOne(baseUrl: string, item: IDataObject, index: number): Promise<void>;
}

/** The test fixture: one GET per item through the shared transport (sendVendorRequest, runForEachItem). */
export const probeSubject: OverheadSubject = {
	label: 'Probe fixture node (GET per item via the shared transport)',
	type: 'n8n-nodes-probe.probe',
	packageDir: fixturePath('probe-package'),
	parameters: { path: '/records', method: 'GET', callsPerSecond: 0, maxAttempts: 1 },
	credentials: (baseUrl) => ({ probeApi: { baseUrl, apiKey: 'bench-key', password: 'bench-password' } }),
	input: (index) => ({ index }),
	reply: (request) => ({ body: { ok: true, item: request.query.get('item') } }),
	fetchOne: async (baseUrl, _item, index) => {
		const response = await fetch(`${baseUrl}/records?item=${index}&api_key=bench-key`, {
			headers: { authorization: `Basic ${Buffer.from('probe:bench-password').toString('base64')}` },
		});
		const body = (await response.json()) as { ok?: boolean };
		if (!response.ok || !body.ok) throw new Error(`fetch loop: unexpected answer ${response.status}`);
	},
};

const SPREAD_KEYS = { publicKey: 'bench-public-key', privateKey: 'bench-private-key' };
const spreadBasicAuth = `Basic ${Buffer.from(`${SPREAD_KEYS.publicKey}:${SPREAD_KEYS.privateKey}`).toString('base64')}`;

/** SPREAD customer create: one POST /customers {"customer":{email}} per item, the answer is the created customer. */
export const spreadCreateSubject: OverheadSubject = {
	label: 'SPREAD node, customer create (POST per item)',
	type: `${PACKAGE_NAME}.spread`,
	parameters: { resource: 'customer', operation: 'create', email: '={{ $json.email }}', additionalFields: {} },
	credentials: (baseUrl) => ({ spreadApi: { ...SPREAD_KEYS, baseUrl: `${baseUrl}/api/v2` } }),
	input: (index) => ({ email: `client${index}@example.com` }),
	reply: (request) => {
		if (request.headers.authorization !== spreadBasicAuth) return { status: 401, body: { error: 'Invalid credentials' } };
		const { customer } = JSON.parse(request.body) as { customer: { email: string } };
		return { body: { customer: { id: String(100000 + request.receivedAt % 100000), email: customer.email, isBuyer: '0', tags: '' } } };
	},
	fetchOne: async (baseUrl, item) => {
		const response = await fetch(`${baseUrl}/api/v2/customers`, {
			method: 'POST',
			headers: { authorization: spreadBasicAuth, 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ customer: { email: item.email } }),
		});
		const body = (await response.json()) as { customer?: unknown };
		if (!response.ok || !body.customer) throw new Error(`fetch loop: unexpected answer ${response.status}`);
	},
};

export const overheadSubjects: Record<string, OverheadSubject> = { probe: probeSubject, spreadCreate: spreadCreateSubject };

// The one-line switch: the node the per-item overhead is measured on. 'auto' = the SPREAD node once it is built
// (dist/nodes/Spread), else the Probe fixture. BENCH_OVERHEAD_NODE overrides it.
const NODE_UNDER_TEST: keyof typeof overheadSubjects | 'auto' = 'auto';

function chosenSubject(): string {
	const chosen = process.env.BENCH_OVERHEAD_NODE ?? NODE_UNDER_TEST;
	if (chosen !== 'auto') return chosen;
	return existsSync(join(REPO_ROOT, 'dist/nodes/Spread/Spread.node.js')) ? 'spreadCreate' : 'probe';
}

const ITEMS = Number(process.env.BENCH_OVERHEAD_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 5);

async function timeNode(subject: OverheadSubject, baseUrl: string, items: number) {
	const started = process.hrtime.bigint();
	const result = await runNode({
		type: subject.type,
		packageDir: subject.packageDir,
		parameters: subject.parameters,
		credentials: subject.credentials(baseUrl),
		input: Array.from({ length: items }, (_, index) => subject.input(index)),
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.nodeError) throw new Error(`${subject.label}: ${result.nodeError.message}`);
	if (result.items.length !== items) throw new Error(`${subject.label}: ${result.items.length} items out of ${items}`);
	return ms;
}

async function timeFetch(subject: OverheadSubject, baseUrl: string, items: number) {
	const inputs = Array.from({ length: items }, (_, index) => subject.input(index));
	const started = process.hrtime.bigint();
	for (let index = 0; index < items; index++) await subject.fetchOne(baseUrl, inputs[index], index);
	return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function benchOverhead(subjectName: string = chosenSubject()) {
	const subject = overheadSubjects[subjectName];
	if (!subject) throw new Error(`unknown overhead subject ${subjectName} (known: ${Object.keys(overheadSubjects).join(', ')})`);
	const server = await startVendorServer(subject.reply);
	try {
		// Warm both paths (module loading, JIT, keep-alive sockets) before anything is timed.
		await timeNode(subject, server.url, 50);
		await timeFetch(subject, server.url, 50);
		const nodeMs: number[] = [];
		const fetchMs: number[] = [];
		let callsPerNodeRun = 0;
		for (let pass = 0; pass < ROUNDS; pass++) {
			server.reset();
			nodeMs.push(await timeNode(subject, server.url, ITEMS));
			callsPerNodeRun = server.requests.length;
			server.reset();
			fetchMs.push(await timeFetch(subject, server.url, ITEMS));
			if (server.requests.length !== callsPerNodeRun) throw new Error(`fetch loop made ${server.requests.length} calls, node ${callsPerNodeRun}`);
		}
		const node = median(nodeMs);
		const bare = median(fetchMs);
		return {
			subject: subject.label,
			items: ITEMS,
			rounds: ROUNDS,
			calls: callsPerNodeRun,
			nodeMs: round(node),
			fetchMs: round(bare),
			nodePerItemMs: round(node / ITEMS, 3),
			fetchPerItemMs: round(bare / ITEMS, 3),
			overheadPerItemMs: round((node - bare) / ITEMS, 3),
			ratio: round(node / bare, 2),
			// The machine is shared: the fastest round of each side is the least disturbed one.
			bestRatio: round(Math.min(...nodeMs) / Math.min(...fetchMs), 2),
			bestOverheadPerItemMs: round((Math.min(...nodeMs) - Math.min(...fetchMs)) / ITEMS, 3),
		};
	} finally {
		await server.close();
	}
}
