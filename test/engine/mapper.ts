import type { INodeParameters } from 'n8n-workflow';

/** A version 2 field mapper as the editor saves it with "Map Each Field Below": the values typed or mapped, no schema loaded. */
export const mapped = (value: Record<string, string | number | boolean>): INodeParameters => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});
