import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPathSegment, readRecordId, readReturnAllAndLimit } from '../../shared/checks';
import { forOperation, returnAllAndLimitFields } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operations';
import type { OutputShape } from '../../shared/typedOutput';
import type { SpreadClient } from '../transport';

/** A SPREAD operation: its fields and what it does for one input item. */
export type SpreadOperation = ItemOperation<SpreadClient>;

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
		async execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient) {
			const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
			const filters = filterFields.length ? (this.getNodeParameter('filters', itemIndex, {}) as IDataObject) : {};
			const qs = spec.query ? spec.query(this, itemIndex, filters) : {};
			return await spread.list({ path: spec.path, key: spec.key, qs, returnAll, limit, itemIndex });
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
		async execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient) {
			const value = this.getNodeParameter(spec.idField.name, itemIndex);
			const segment =
				spec.idKind === 'freeText'
					? encodeURIComponent(readPathSegment(this, itemIndex, spec.idField.displayName, value))
					: readRecordId(this, itemIndex, spec.idField.displayName, value);
			const response = await spread.call({ method: 'GET', path: `${spec.path}/${segment}`, itemIndex });
			return spread.requireRecord(response, spec.key, itemIndex);
		},
	};
}
