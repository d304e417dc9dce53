import type { INodeProperties } from 'n8n-workflow';

/** Shows the given fields only under one resource and operation (keeping any other display conditions they have). */
export function forOperation(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/** A required email field (`email`, "Email" unless named otherwise). */
export function emailField(description?: string, { name = 'email', displayName = 'Email', defaultValue = '' } = {}): INodeProperties {
	return { displayName, name, type: 'string', placeholder: 'name@email.com', required: true, default: defaultValue, description };
}

/** An optional text field. */
export function textField(displayName: string, name: string, description?: string, placeholder?: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...(description ? { description } : {}), ...(placeholder ? { placeholder } : {}) };
}

/** The optional fields of an operation, under "Add Field". */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** How an operation runs (not what it sends), under "Add Option". */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** Return All / Limit, as every list operation shows them (n8n's own wording). */
export function returnAllAndLimitFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/**
 * A note that only informs (set-up steps, limits kept for the user). n8n draws a `notice` in warning colours and a
 * `callout` in neutral ones with an info icon (which the user may dismiss), so notes use the callout. Its text is a
 * sentence, not a title.
 */
export function informationCallout(name: string, text: string, show?: Record<string, string[]>): INodeProperties {
	return { displayName: text, name, type: 'callout', default: '', ...(show ? { displayOptions: { show } } : {}) };
}
