import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BatchPlan } from './batchLoop';
import { runInBatches } from './batchLoop';
import { forOperation } from './descriptions';
import { InFlightLimit } from './inFlightLimit';
import { runForEachItem } from './itemLoop';
import type { ConnectedClient, ItemResult, Operation, VendorTable } from './operations';
import { loopOptionsFor, requestOptionsFields } from './overlap';
import { parametersReadOnce } from './readOnce';
import type { OutputShape } from './typedOutput';
import { simplifyField, simplifyRecord } from './typedOutput';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The Resource selector, one Operation selector per resource, then every operation's own fields. */
export function tableProperties<Client extends ConnectedClient>(table: VendorTable<Client>): INodeProperties[] {
	const resources = Object.entries(table.resources);
	const defaultResource = table.defaultResource;
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(([value, resource]) => ({ name: resource.name, value })).sort(byName),
		default: defaultResource,
	};
	const operationSelectors = resources.map(([resource, { defaultOperation, operations }]): INodeProperties => {
		const selected = defaultOperation ?? Object.keys(operations)[0];
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: Object.entries(operations)
				.map(([value, operation]) => ({ name: operation.name, value, action: operation.action, description: operation.description }))
				.sort(byName),
			default: selected,
		};
	});
	const fields = resources.flatMap(([resource, { operations }]) =>
		Object.entries(operations).flatMap(([operation, { module }]) => [...module.description, ...simplifyFieldFor(resource, operation, module)]),
	);
	return [resourceSelector, ...operationSelectors, ...fields, ...requestOptionsFields(table)];
}

/**
 * The canvas subtitle in words ("Search: Lead"): an expression looking the picked resource and operation up
 * in a map written from the table (flat, so no `}}` ends the expression early).
 */
export function tableSubtitle<Client extends ConnectedClient>(table: VendorTable<Client>): string {
	const words: Record<string, string> = {};
	for (const [resource, { name: resourceName, operations }] of Object.entries(table.resources)) {
		for (const [operation, { name }] of Object.entries(operations)) words[`${resource}:${operation}`] = `${name}: ${resourceName}`;
	}
	return `={{ (${JSON.stringify(words)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

/** A trigger's subtitle in words: the picked option's name, looked up from the options of the parameter. */
export function optionSubtitle(parameter: string, options: Array<{ name: string; value: string }>): string {
	const words = Object.fromEntries(options.map(({ name, value }) => [value, name]));
	return `={{ (${JSON.stringify(words)})[$parameter["${parameter}"]] || $parameter["${parameter}"] }}`;
}

/** The Simplify switch of an operation that declares its output's types, unless its own fields already hold one. */
function simplifyFieldFor<Client>(resource: string, operation: string, module: Operation<Client>): INodeProperties[] {
	if (!('output' in module) || !module.output || module.description.some((property) => property.name === 'simplify')) return [];
	return forOperation(resource, operation, [simplifyField()]);
}

/** An item's results, simplified when its Simplify is on. */
function simplifyResult(context: IExecuteFunctions, shape: OutputShape | undefined, itemIndex: number, result: ItemResult): ItemResult {
	if (!shape || result === undefined || !(context.getNodeParameter('simplify', itemIndex, false) as boolean)) return result;
	const simplify = (entry: IDataObject | INodeExecutionData) =>
		'json' in entry && typeof entry.json === 'object' && entry.json !== null
			? { ...entry, json: simplifyRecord((entry as INodeExecutionData).json, shape) }
			: simplifyRecord(entry as IDataObject, shape);
	return Array.isArray(result) ? (result.map(simplify) as ItemResult) : (simplify(result) as ItemResult);
}

function simplifyPlan<T>(context: IExecuteFunctions, shape: OutputShape | undefined, plan: BatchPlan<T>): BatchPlan<T> {
	if (!shape) return plan;
	return {
		...plan,
		send: async (group, batch) => {
			const outcome = await plan.send(group, batch);
			for (const [itemIndex, result] of outcome) {
				if (!(result instanceof Error)) outcome.set(itemIndex, simplifyResult(context, shape, itemIndex, result) as IDataObject);
			}
			return outcome;
		},
	};
}

/** The node's execute: connects once, then runs the picked operation through the shared item or batch loop. */
export async function route<Client extends ConnectedClient>(this: IExecuteFunctions, table: VendorTable<Client>): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const entry = table.resources[resource]?.operations[operation];
	if (!entry) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	const client = await table.connect(this);
	const secrets = client.secrets;
	const module = entry.module;
	if ('execute' in module) {
		const loop = loopOptionsFor(this, entry.loop);
		// A write overlaps only when its module names each item's record; without one it runs one item at a time.
		const keyed = loop?.keyed === true && module.recordKey !== undefined;
		const options = loop?.keyed && !keyed ? { ...loop, concurrency: 1 } : loop;
		// Calls wait for a place under this limit, which a vendor's 429s lower (nodes/shared/inFlightLimit.ts).
		client.inFlight = new InFlightLimit(options?.concurrency ?? 1);
		// What recordKey reads for an item is handed to its execute, not evaluated twice (nodes/shared/readOnce.ts).
		const { forKey, forItem } = keyed ? parametersReadOnce(this) : { forKey: this, forItem: this };
		const recordKey = keyed ? (itemIndex: number) => (module.recordKey as NonNullable<typeof module.recordKey>).call(forKey, itemIndex, client) : undefined;
		const run = async (itemIndex: number) => simplifyResult(this, module.output, itemIndex, await module.execute.call(forItem, itemIndex, client));
		return [await runForEachItem.call(this, run, secrets, options, { recordKey })];
	}
	if ('plan' in module) return [await runInBatches.call(this, simplifyPlan(this, module.output, module.plan.call(this, client)), secrets)];
	return [await module.executeOnce.call(this, client)];
}
