import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimitFields } from '../../shared/descriptions';
import { readReturnAllAndLimit } from '../../shared/checks';
import type { PagingReport, PublitracClient, PublitracListRequest } from '../transport';
import { customFieldsElement, readWholeNumber } from './checks';
import { simplifyField as sharedSimplifyField } from '../../shared/typedOutput';


export const returnAllFields: INodeProperties[] = returnAllAndLimitFields();

export const simplifyField: INodeProperties = sharedSimplifyField(
	'Whether to return typed values (flags as true/false, scores and counts as numbers, dates as ISO text) and leave out the fields PUBLITRAC sends empty (most lead fields are). Off: the values exactly as PUBLITRAC sends them, all text.',
);

/** Where a paged read starts, and whether it says how many records the search holds (PUBLITRAC's `<paging>`). */
export const pagingOptions: INodeProperties = {
	displayName: 'Paging',
	name: 'paging',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Add Total',
			name: 'addTotal',
			type: 'boolean',
			default: false,
			description:
				"Whether to add to the first item _total (how many records the whole search holds, from PUBLITRAC's paging element, without reading them all) and _nextPage (the page to start from to carry on, null once everything was read). When nothing is found, one item holds just these two.",
		},
		{
			displayName: 'Start Page',
			name: 'startPage',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description:
				'The page to start reading at, to resume a large export where it stopped (a page of leads holds 100). Limit counts from there; with a Limit in multiples of 100, each run carries on exactly where the last ended.',
		},
	],
};

/** A paged read with the item's Return All / Limit and Paging options: the records, and the totals when asked. */
export async function readPaged(
	context: IExecuteFunctions,
	itemIndex: number,
	publitrac: PublitracClient,
	request: Omit<PublitracListRequest, 'returnAll' | 'limit' | 'itemIndex' | 'firstPage' | 'report'>,
): Promise<IDataObject[]> {
	const { returnAll, limit } = readReturnAllAndLimit(context, itemIndex);
	const paging = context.getNodeParameter('paging', itemIndex, {}) as IDataObject;
	const firstPage = paging.startPage === undefined ? 1 : Number(readWholeNumber(context, itemIndex, 'Paging > Start Page', paging.startPage, 1));
	const report: PagingReport = {};
	const records = await publitrac.list({ ...request, returnAll, limit, itemIndex, firstPage, report });
	if (paging.addTotal !== true) return records;
	const totals = { _total: report.total ?? null, _nextPage: report.nextPage ?? null };
	if (records.length === 0) return [totals];
	records[0] = { ...records[0], ...totals };
	return records;
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
