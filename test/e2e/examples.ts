/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The example workflows (examples/*.json) and what their run must produce (examples/<name>.expect.json).
//
// Expect file format (every key optional except "node"):
//   {
//     "node": "Create customer",          the node whose output is checked (its last run, main output 0)
//     "items": 2,                          exactly this many output items
//     "minItems": 1,                       at least this many
//     "every": { "status": "ok" },         each item's json contains this (recursive subset)
//     "some": [{ "email": "a@b.c" }],      each entry matches the json of at least one item
//     "nodes": { "Other node": { ...same keys... } }   checks on further nodes
//   }
// or, for a workflow the CLI cannot run (it starts at a polling trigger: `n8n execute` only starts at a Manual
// Trigger), { "notExecuted": "<why>" }: it is imported but not executed, and the tests report the reason.
// In "every"/"some", a value {"$match": "<regex>"} matches a string by regular expression and
// {"$type": "string"|"number"|"boolean"|"object"|"array"} matches by type, {"$length": 3} an array by its length;
// other arrays match element by element.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './n8nProcess';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

export interface WorkflowNode {
	name: string;
	type: string;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface NodeExpectation {
	items?: number;
	minItems?: number;
	every?: Record<string, unknown>;
	some?: Array<Record<string, unknown>>;
}

export interface Expectation extends NodeExpectation {
	node: string;
	nodes?: Record<string, NodeExpectation>;
	/** Why the workflow is imported but not executed (e.g. it starts at a polling trigger). */
	notExecuted?: string;
}

export interface Example {
	name: string;
	workflow: WorkflowJson;
	expect?: Expectation;
}

export function loadExamples(): Example[] {
	if (!existsSync(EXAMPLES_DIR)) return [];
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json') && !file.endsWith('.expect.json'))
		.sort()
		.map((file) => {
			const name = file.replace(/\.json$/, '');
			const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
			const expectFile = join(EXAMPLES_DIR, `${name}.expect.json`);
			const expect = existsSync(expectFile) ? (JSON.parse(readFileSync(expectFile, 'utf8')) as Expectation) : undefined;
			return { name, workflow: { ...workflow, id: workflow.id ?? workflowIdFor(name) }, expect };
		});
}

/**
 * Examples without an id get a stable one from their file name. At most 21 characters: n8n (2.41) saves a
 * workflow's static data (a polling trigger's cursor) only for ids that short, and silently forgets it otherwise.
 */
export function workflowIdFor(name: string): string {
	return `ex-${name}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, MAX_WORKFLOW_ID_LENGTH);
}

export const MAX_WORKFLOW_ID_LENGTH = 21;

/** The examples whose expect file says they are not executed (see "notExecuted" above). */
export function notExecutedExamples(examples: Example[]): Example[] {
	return examples.filter((example) => example.expect?.notExecuted !== undefined);
}

export function credentialIds(workflow: WorkflowJson): string[] {
	return [...new Set(workflow.nodes.flatMap((node) => Object.values(node.credentials ?? {}).map((ref) => ref.id)))];
}

/** A copy of the workflow whose nodes use another credential id instead of `from`. */
export function withCredential(workflow: WorkflowJson, from: string, to: { id: string; name: string }, id: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		for (const [type, ref] of Object.entries(node.credentials ?? {})) {
			if (ref.id === from) (node.credentials as Record<string, { id: string; name: string }>)[type] = to;
		}
	}
	return { ...copy, id, name: `${copy.name} (wrong credential)` };
}

/** Where `actual` differs from the subset `expected`, as readable paths; empty when it matches. */
export function mismatches(actual: unknown, expected: unknown, path = '$'): string[] {
	if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
		const pattern = expected as Record<string, unknown>;
		if (typeof pattern.$match === 'string') {
			return typeof actual === 'string' && new RegExp(pattern.$match).test(actual)
				? []
				: [`${path}: ${JSON.stringify(actual)} does not match /${pattern.$match}/`];
		}
		if (typeof pattern.$length === 'number') {
			return Array.isArray(actual) && actual.length === pattern.$length
				? []
				: [`${path}: ${Array.isArray(actual) ? `${actual.length} elements` : JSON.stringify(actual)}, expected ${pattern.$length} elements`];
		}
		if (typeof pattern.$type === 'string') {
			const type = Array.isArray(actual) ? 'array' : actual === null ? 'null' : typeof actual;
			return type === pattern.$type ? [] : [`${path}: ${type} is not ${pattern.$type}`];
		}
		if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: ${JSON.stringify(actual)} is not an object`];
		return Object.entries(pattern).flatMap(([key, value]) =>
			mismatches((actual as Record<string, unknown>)[key], value, `${path}.${key}`),
		);
	}
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual)) return [`${path}: ${JSON.stringify(actual)} is not an array`];
		if (actual.length !== expected.length) return [`${path}: ${actual.length} elements, expected ${expected.length}`];
		return expected.flatMap((value, index) => mismatches(actual[index], value, `${path}[${index}]`));
	}
	return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];
}

/** Every way the node's output items miss the expectation; empty when they meet it. */
export function checkItems(node: string, items: Array<Record<string, unknown>>, expect: NodeExpectation): string[] {
	const problems: string[] = [];
	if (expect.items !== undefined && items.length !== expect.items) problems.push(`${node}: ${items.length} items, expected ${expect.items}`);
	if (expect.minItems !== undefined && items.length < expect.minItems) problems.push(`${node}: ${items.length} items, expected at least ${expect.minItems}`);
	if (expect.every) {
		items.forEach((item, index) => problems.push(...mismatches(item, expect.every).map((p) => `${node} item ${index}: ${p}`)));
	}
	for (const wanted of expect.some ?? []) {
		if (!items.some((item) => mismatches(item, wanted).length === 0)) {
			problems.push(`${node}: no item contains ${JSON.stringify(wanted)}`);
		}
	}
	return problems;
}
