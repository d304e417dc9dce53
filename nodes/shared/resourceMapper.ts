import type {
	FieldType,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperValue,
} from 'n8n-workflow';

import { invalidInput } from './errors';

/** The parameter every mapper is stored under (n8n's own nodes call it `columns` too). */
export const MAPPER_PARAMETER = 'columns';

export interface MapperFieldOptions {
	required?: boolean;
	/** Offered as a matching column of an upsert. */
	canMatch?: boolean;
	/** Preselected as the matching column. */
	defaultMatch?: boolean;
	options?: INodePropertyOptions[];
}

/** One field of a mapper's schema. */
export function mapperField(id: string, displayName: string, type: FieldType, options: MapperFieldOptions = {}): ResourceMapperField {
	return {
		id,
		displayName,
		type,
		required: options.required ?? false,
		defaultMatch: options.defaultMatch ?? false,
		canBeUsedToMatch: options.canMatch ?? false,
		display: true,
		...(options.options ? { options: options.options } : {}),
	};
}

export interface MapperParameterOptions {
	method: string;
	mode: 'add' | 'update' | 'upsert';
	/** What the mapper's values are, e.g. "lead" ("lead field" / "lead fields"). */
	record: string;
	description?: string;
	/** Parameters whose change reloads the fields. */
	dependsOn?: string[];
}

/** The resource mapper of a write: fields loaded from the vendor, typed, mapped by hand or automatically by name. */
export function mapperParameter(options: MapperParameterOptions): INodeProperties {
	return {
		displayName: 'Fields',
		name: MAPPER_PARAMETER,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description: options.description,
		typeOptions: {
			// Operations of a node share this parameter's name: a new operation must reload its own fields (the editor
			// keeps the value while the parameter stays shown, and refetches only when a parameter it depends on changes).
			loadOptionsDependsOn: ['resource', 'operation', ...(options.dependsOn ?? [])],
			resourceMapper: {
				resourceMapperMethod: options.method,
				mode: options.mode,
				fieldWords: { singular: `${options.record} field`, plural: `${options.record} fields` },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
				...(options.mode === 'upsert'
					? {
							matchingFieldsLabels: {
								title: 'Find By',
								description: `The field that finds an existing ${options.record}: found, it is updated; else created`,
								hint: `The field that finds an existing ${options.record}: found, it is updated; else created`,
							},
						}
					: {}),
			},
		},
	};
}

/** A date picked in the mapper arrives as a Luxon DateTime: operations read dates as text. */
function plainValue(value: unknown): unknown {
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') return (value as { toISO(): string }).toISO();
	return value;
}

/**
 * The values the mapper gives one item, keyed by field ID, empty ones left out. "Map Automatically" takes the input
 * item's own fields whose names are field IDs of the mapper (any other input field is not sent).
 */
export function readMappedFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = context.getNodeParameter(`${MAPPER_PARAMETER}.mappingMode`, itemIndex, 'defineBelow') as string;
	let values: IDataObject;
	if (mode === 'autoMapInputData') {
		const schema = (context.getNodeParameter(`${MAPPER_PARAMETER}.schema`, itemIndex, []) as ResourceMapperField[]) ?? [];
		const known = new Set(schema.filter((field) => field.display !== false).map((field) => field.id));
		const input = context.getInputData()[itemIndex]?.json ?? {};
		values = Object.fromEntries(Object.entries(input).filter(([name]) => known.has(name)));
	} else {
		values = (context.getNodeParameter(`${MAPPER_PARAMETER}.value`, itemIndex, {}) as IDataObject | null) ?? {};
	}
	const given: IDataObject = {};
	for (const [id, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue;
		given[id] = plainValue(value) as IDataObject[string];
	}
	return given;
}

/** The matching column an upsert finds the record by (the first one picked). */
export function readMatchingField(context: IExecuteFunctions, itemIndex: number, allowed: string[]): string {
	const columns = (context.getNodeParameter(`${MAPPER_PARAMETER}.matchingColumns`, itemIndex, []) as ResourceMapperValue['matchingColumns']) ?? [];
	const [column] = columns;
	if (column === undefined || !allowed.includes(column)) {
		throw invalidInput(context.getNode(), itemIndex, 'Fields > Find By', column === undefined ? 'is not set' : `"${column}" cannot find a record`, `Pick one of: ${allowed.join(', ')}`);
	}
	return column;
}
