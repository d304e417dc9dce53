import type { INode, INodeProperties } from 'n8n-workflow';

/**
 * Version 2 of a node keeps version 1's operations and swaps only the fields that pick records (resource locators)
 * and take a record's values (the resource mapper). Both field sets sit side by side in one description, told apart
 * by n8n's `@version` display condition, so a workflow saved with version 1 loads and runs as before.
 */
export const NODE_VERSIONS = [1, 2];
export const DEFAULT_NODE_VERSION = 2;

/** Whether the node runs with the version 2 fields (resource locators, field mapping). */
export function usesVersion2Fields(context: { getNode(): INode }): boolean {
	return context.getNode().typeVersion >= 2;
}

function withVersions(properties: INodeProperties[], versions: number[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, '@version': versions } },
	}));
}

/** Fields only version 1 shows (replaced in version 2). */
export function version1Only(properties: INodeProperties[]): INodeProperties[] {
	return withVersions(properties, [1]);
}

/** Fields only version 2 shows. */
export function version2Only(properties: INodeProperties[]): INodeProperties[] {
	return withVersions(properties, [2]);
}
