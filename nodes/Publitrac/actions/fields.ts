import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimitFields } from '../../shared/descriptions';
import { withoutEmptyFields } from '../../shared/checks';
import { customFieldsElement, readWholeNumber } from './checks';


export const returnAllFields: INodeProperties[] = returnAllAndLimitFields();

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to leave out the fields PUBLITRAC sends empty (most lead fields are)',
};

/** The records as the user wants them: as PUBLITRAC sent them, or without the empty fields when Simplify is on. */
export function simplifiedIfAsked(context: IExecuteFunctions, itemIndex: number, records: IDataObject[]): IDataObject[] {
	const simplify = context.getNodeParameter('simplify', itemIndex, false) as boolean;
	return simplify ? records.map((record) => withoutEmptyFields(record)) : records;
}

// ---- Fields several operations share. ----

/** Custom lead fields as name/value pairs; they become `<customFields><name>value</name></customFields>`. */
export const customFieldsCollection: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'carColor', description: 'Name of the custom field in PUBLITRAC' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export function readCustomFields(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	return customFieldsElement(this, itemIndex, this.getNodeParameter('customFields.field', itemIndex, []) as Array<{ name?: unknown; value?: unknown }>);
}

/** For the methods that take many emails in one call. */
export const batchOptions = optionsCollection([
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 500,
			description: 'Most emails sent in one call',
		},
	]);

export function readBatchSize(this: IExecuteFunctions): number {
	return Number(readWholeNumber(this, 0, 'Options > Batch Size', this.getNodeParameter('options.batchSize', 0, 500), 1, 1000));
}
