import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * Simplify, written once for every vendor: one flat object per record with typed values. The vendors send most
 * values as text ("1", "0", "42", "2024-06-01 10:00:00"); each vendor gives a table of its fields' types, and a
 * field the table does not name (a custom field) keeps the value it came with.
 */
export type FieldType = 'number' | 'flag' | 'date' | 'list' | 'text' | 'object';

export interface OutputShape {
	/** Field name → type. */
	fields: Readonly<Record<string, FieldType>>;
	/** Types by name pattern, for vendors that name fields by kind (jtel: `bX` flags, `nX` counts, `dtX` dates). */
	patterns?: ReadonlyArray<readonly [RegExp, FieldType]>;
	/**
	 * Which empty fields are left out: none, the nulls (jtel's statistics of a contact never dialled), or every
	 * empty one, "" included (PUBLITRAC sends most lead fields as empty text).
	 */
	leaveOut: 'nothing' | 'nulls' | 'empties';
	/** A vendor-only step before typing (SPREAD's custom fields printed in PHP notation). */
	prepare?: (record: IDataObject) => IDataObject;
}

export function toFlag(value: unknown): unknown {
	if (value === '1' || value === 1 || value === 'true') return true;
	if (value === '0' || value === 0 || value === 'false') return false;
	return value;
}

export function toNumber(value: unknown): unknown {
	if (typeof value !== 'string' || value.trim() === '') return value;
	const number = Number(value.trim());
	return Number.isFinite(number) ? number : value;
}

/** Vendors send "" (or nothing) for an empty list, and XML gives one element instead of a list of one. */
export function toList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (value === undefined || value === null || value === '') return [];
	return [value];
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A vendor date as ISO 8601 text: `2024-06-01 10:00:00` → `2024-06-01T10:00:00`. The zone is kept exactly as the
 * vendor gave it, and a stamp without one stays without: the vendors do not say which zone they stamp in, and an
 * offset made up here would be a wrong instant. `0000-00-00…` (MySQL's "no date") is null.
 */
export function toIsoDate(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text.startsWith('0000-00-00')) return null;
	if (DATE_ONLY.test(text)) return text;
	const match = DATE_TIME.exec(text);
	if (!match) return value;
	const time = match[2].length === 5 ? `${match[2]}:00` : match[2];
	return `${match[1]}T${time}${match[3] ?? ''}`;
}

/** A flattened key (`order_amount`) is typed by its full name, else by the field's own name (`amount`). */
function typeOf(shape: OutputShape, key: string, leaf: string): FieldType | undefined {
	const named = shape.fields[key] ?? shape.fields[leaf];
	if (named) return named;
	return shape.patterns?.find(([pattern]) => pattern.test(leaf))?.[1];
}

function typed(value: unknown, type: FieldType | undefined, shape: OutputShape): unknown {
	switch (type) {
		case 'number':
			return toNumber(value);
		case 'flag':
			return toFlag(value);
		case 'date':
			return toIsoDate(value);
		case 'list':
			// A list of records (InfluencerSoft's groups of a contact): each typed by the same table.
			return toList(value).map((entry) => (isPlainObject(entry) ? simplifyRecord(entry, shape) : entry));
		default:
			return value;
	}
}

function isLeftOut(value: unknown, leaveOut: OutputShape['leaveOut']): boolean {
	if (leaveOut === 'nothing') return false;
	return value === null || value === undefined || (leaveOut === 'empties' && value === '');
}

function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * One record, simplified: nested objects (a write answer's `{order: {…}}`) flattened into `parent_child` keys, except
 * fields typed `object`; every value typed by the vendor's table; empty fields left out where the vendor says so.
 */
export function simplifyRecord(record: IDataObject, shape: OutputShape): IDataObject {
	const source = shape.prepare ? shape.prepare({ ...record }) : record;
	const result: IDataObject = {};
	const put = (key: string, leaf: string, value: unknown) => {
		const type = typeOf(shape, key, leaf);
		if (type !== 'object' && type !== 'list' && isPlainObject(value)) {
			for (const [child, childValue] of Object.entries(value)) put(`${key}_${child}`, child, childValue);
			return;
		}
		const converted = typed(value, type, shape);
		if (isLeftOut(converted, shape.leaveOut)) return;
		result[key] = converted as IDataObject[string];
	};
	for (const [key, value] of Object.entries(source)) put(key, key, value);
	return result;
}

/** The Simplify switch of an operation whose output a shape types. Off (the default), the answer is unchanged. */
export function simplifyField(description?: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			description ??
			'Whether to return one flat object per record with typed values (numbers, true/false, dates as ISO text, lists as lists) instead of the answer exactly as the vendor sends it',
	};
}
