import type { INodeProperties } from 'n8n-workflow';

import { forOperation, returnAllAndLimitFields } from '../../shared/descriptions';

/** The Return All / Limit pair of one list operation. jtel lists have no paging: the node applies the limit. */
export function returnAllAndLimit(resource: string, operation: string): INodeProperties[] {
	return forOperation(resource, operation, returnAllAndLimitFields());
}

/** Simplify: jtel contacts carry dozens of dialling statistics that stay null until the contact is dialled. */
export function simplifyOutput(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			'Whether to leave out the fields that have no value (null) and type the rest (b… flags as true/false, n… counts as numbers, dt… dates as ISO text) instead of returning every field as jtel sends it',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	};
}

/** Shows a field only for one resource and operation. */
export function showFor(resource: string, operation: string, field: INodeProperties): INodeProperties {
	return { ...field, displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, resource: [resource], operation: [operation] } } };
}
