import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation, returnAllAndLimitFields } from '../../shared/descriptions';
import { emailAddress } from '../../shared/email';
import { invalidInput } from '../../shared/errors';
import type { ItemOperation } from '../../shared/operations';
import type { OutputShape } from '../../shared/typedOutput';
import { pathSegment, positiveIntegerId } from '../../shared/pathSegments';
import type { SpreadConnection } from '../transport';
import { calendarDateOf } from '../../shared/wallClock';

/** A SPREAD operation: its fields and what it does for one input item. */
export type SpreadOperation = ItemOperation<SpreadConnection>;

export { forOperation };

export function readReturnAllAndLimit(context: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit: number } {
	const returnAll = context.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex) as number);
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw invalidInput(context.getNode(), itemIndex, 'Limit', `must be a whole number of 1 or more, got ${limit}`);
	}
	return { returnAll, limit };
}

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

/**
 * `YYYY-mm-dd`, the calendar date as the user typed or picked it: no conversion through `Date`, which in an
 * instance running with a zone east of UTC would turn the picker's `2024-06-01T00:00:00` into the day before.
 */
export function requireCalendarDate(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const date = calendarDateOf(value, context.getTimezone());
	if (date === undefined) throw invalidInput(context.getNode(), itemIndex, field, `"${String(value)}" is not a date`, 'Use the form YYYY-MM-DD, e.g. 2024-06-01');
	return date;
}

/** Turns the date filters the user set into query parameters (`YYYY-mm-dd`), refusing anything that is not a date. */
export function dateFilterQuery(context: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const { displayName, name, param } of DATE_FILTERS) {
		const value = filters[name];
		if (value === undefined || value === null || value === '') continue;
		qs[param] = requireCalendarDate(context, itemIndex, `Filters > ${displayName}`, value);
	}
	return qs;
}

export function requireEmail(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	return emailAddress(context.getNode(), itemIndex, field, typeof value === 'string' ? value : '');
}

/** A merchant's own ID (an order number): free text that is also safe as one URL path segment. */
export function requireMerchantId(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	return pathSegment(context.getNode(), itemIndex, field, value);
}

/** A SPREAD record ID (customer, campaign, operation): a positive whole number, checked before any request. */
export function requireId(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	return positiveIntegerId(context.getNode(), itemIndex, field, value);
}

export interface ListOperationSpec {
	resource: string;
	/** Endpoint below the API root, e.g. `/campaigns`. */
	path: string;
	/** Key of the records in the answer, e.g. `campaigns`. */
	key: string;
	filters?: INodeProperties[];
	/** Turns the user's filters into query parameters (checked before any request). */
	query?: (context: IExecuteFunctions, itemIndex: number, filters: IDataObject) => IDataObject;
	/** The records' types, for Simplify. */
	output: OutputShape;
}

/** A "Get Many" over one of SPREAD's paged list endpoints: Return All / Limit plus the resource's filters. */
export function listOperation(spec: ListOperationSpec): SpreadOperation {
	const filterFields: INodeProperties[] = spec.filters?.length
		? [{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: spec.filters }]
		: [];
	return {
		output: spec.output,
		description: forOperation(spec.resource, 'getAll', [...returnAllAndLimitFields(), ...filterFields]),
		async execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection) {
			const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
			const filters = filterFields.length ? (this.getNodeParameter('filters', itemIndex, {}) as IDataObject) : {};
			const qs = spec.query ? spec.query(this, itemIndex, filters) : {};
			return await spread.list(spec.path, spec.key, qs, { returnAll, limit, itemIndex });
		},
	};
}

export interface GetOperationSpec {
	resource: string;
	path: string;
	/** Key of the record in the answer, e.g. `campaign`. */
	key: string;
	idField: INodeProperties;
	/** SPREAD's own IDs are whole numbers; a merchant's order number is free text (one path segment). */
	idKind?: 'spreadId' | 'freeText';
	/** The record's types, for Simplify. */
	output: OutputShape;
}

/** A "Get" of one record by its ID. */
export function getOperation(spec: GetOperationSpec): SpreadOperation {
	return {
		output: spec.output,
		description: forOperation(spec.resource, 'get', [{ ...spec.idField, required: true }]),
		async execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection) {
			const value = this.getNodeParameter(spec.idField.name, itemIndex);
			const segment =
				spec.idKind === 'freeText'
					? encodeURIComponent(requireMerchantId(this, itemIndex, spec.idField.displayName, value))
					: requireId(this, itemIndex, spec.idField.displayName, value);
			const response = await spread.call({ method: 'GET', path: `${spec.path}/${segment}`, itemIndex });
			return spread.requireRecord(response, spec.key, itemIndex);
		},
	};
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
	if (filters.operationId) qs.operartionId = requireId(context, itemIndex, 'Filters > Operation ID', filters.operationId);
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

/** A required email field. */
export function emailField(name: string, displayName: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', placeholder: 'name@email.com', required: true, default: '', description };
}

/** SPREAD lists custom field values only when asked (`showCustomFields=1`). */
export const SHOW_CUSTOM_FIELDS_OPTION: INodeProperties = {
	displayName: 'Show Custom Fields',
	name: 'showCustomFields',
	type: 'boolean',
	default: true,
	description: 'Whether to include each customer\'s custom field values',
};
