import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCalendarDate, readRecordId } from '../../shared/checks';

/** The date filters SPREAD's list endpoints share; note the vendor's own spelling `createBefore`. */
export const DATE_FILTERS: Array<{ displayName: string; name: string; param: string; description: string }> = [
	{ displayName: 'Created After', name: 'createdAfter', param: 'createdAfter', description: 'Only records created after this date' },
	{ displayName: 'Created Before', name: 'createdBefore', param: 'createBefore', description: 'Only records created before this date (sent as createBefore, the API\'s spelling)' },
	{ displayName: 'Modified After', name: 'modifiedAfter', param: 'modifiedAfter', description: 'Only records modified after this date' },
	{ displayName: 'Modified Before', name: 'modifiedBefore', param: 'modifiedBefore', description: 'Only records modified before this date' },
];

const DATE_ONLY_NOTE = ' Sent as YYYY-MM-DD, the day you pick: SPREAD filters by day, so the time is not sent.';

export function dateFilterFields(): INodeProperties[] {
	return DATE_FILTERS.map(({ displayName, name, description }) => ({ displayName, name, type: 'dateTime', default: '', description: description + DATE_ONLY_NOTE }));
}

/** Turns the date filters the user set into query parameters (`YYYY-mm-dd`), refusing anything that is not a date. */
export function dateFilterQuery(context: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const { displayName, name, param } of DATE_FILTERS) {
		const value = filters[name];
		if (value === undefined || value === null || value === '') continue;
		qs[param] = readCalendarDate(context, itemIndex, `Filters > ${displayName}`, value);
	}
	return qs;
}

/**
 * Sponsorship filters, exactly the ones SPREAD documents for `/sponsorships`: the dates, the operation (spelled
 * `operartionId` in the document) and the campaign URL. Campaigns document none, so they get none: a strict
 * server refuses a parameter it does not know.
 */
export function sponsorshipFilterFields(): INodeProperties[] {
	return sortByName([
		...dateFilterFields(),
		{
			displayName: 'Operation ID',
			name: 'operationId',
			type: 'string',
			default: '',
			description: 'Only sponsorships of this SPREAD operation. Sent as operartionId, the spelling of SPREAD\'s document.',
		},
		{ displayName: 'Campaign URL', name: 'url', type: 'string', default: '', description: 'Only the sponsorships of the campaign whose URL slug is this one' },
	]);
}

export function sponsorshipFilterQuery(context: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs = dateFilterQuery(context, itemIndex, filters);
	if (filters.operationId) qs.operartionId = readRecordId(context, itemIndex, 'Filters > Operation ID', filters.operationId);
	if (filters.url) qs.url = String(filters.url);
	return qs;
}

/** Collections list their options alphabetically (a lint rule, and easier to scan). */
export function sortByName(properties: INodeProperties[]): INodeProperties[] {
	return [...properties].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The SPREAD customer ID field every customer-targeted operation starts with. */
export function customerIdField(description: string): INodeProperties {
	return { displayName: 'Customer ID', name: 'customerId', type: 'string', required: true, default: '', description };
}

/** SPREAD lists custom field values only when asked (`showCustomFields=1`). */
export const SHOW_CUSTOM_FIELDS_OPTION: INodeProperties = {
	displayName: 'Show Custom Fields',
	name: 'showCustomFields',
	type: 'boolean',
	default: true,
	description: 'Whether to include each customer\'s custom field values',
};
