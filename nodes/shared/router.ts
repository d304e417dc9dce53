import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runInBatches } from './batchLoop';
import { runForEachItem } from './itemLoop';
import type { ConnectedClient, VendorTable } from './operations';
import { loopOptionsFor, requestOptionsFields } from './overlap';

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
	const fields = resources.flatMap(([, resource]) => Object.values(resource.operations).flatMap((operation) => operation.module.description));
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
		return [await runForEachItem.call(this, async (itemIndex) => await module.execute.call(this, itemIndex, client), secrets, loopOptionsFor(this, entry.loop))];
	}
	if ('plan' in module) return [await runInBatches.call(this, module.plan.call(this, client), secrets)];
	return [await module.executeOnce.call(this, client)];
}
