import type { IDataObject } from 'n8n-workflow';

/** SPREAD's yes/no flags, sent as "1" / "0". */
const FLAGS = ['isFan', 'isFollow', 'isFanLinkedin', 'isBuyer'];

/** Counts and amounts, sent as strings ("0", "99"). */
const NUMBERS = ['actionCount', 'cagnotteAmount'];

/** `"34567" => "Sport:Basket"`: one pair of a custom-field list printed in PHP notation. */
const PHP_PAIR = /"((?:[^"\\]|\\.)*)"\s*=>\s*"((?:[^"\\]|\\.)*)"/g;

function toFlag(value: unknown): unknown {
	if (value === '1' || value === 1) return true;
	if (value === '0' || value === 0) return false;
	return value;
}

function toNumber(value: unknown): unknown {
	if (typeof value !== 'string' || value.trim() === '') return value;
	const number = Number(value);
	return Number.isFinite(number) ? number : value;
}

/** SPREAD sends `""` for no tag. */
function toTagList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' && value.trim() !== '' ? [value] : [];
}

/** Field ID → printed value, from any form SPREAD uses: an object, a list, or PHP text. */
function customFieldEntries(value: unknown): Array<[id: string, printed: string]> {
	if (typeof value === 'string') return [...value.matchAll(PHP_PAIR)].map((match) => [match[1], match[2].replace(/\\(.)/g, '$1')]);
	if (Array.isArray(value)) return value.map((printed, index) => [String(index), String(printed ?? '')]);
	if (value && typeof value === 'object') return Object.entries(value as IDataObject).map(([id, printed]) => [id, String(printed ?? '')]);
	return [];
}

/**
 * Custom fields as an object of field → value. SPREAD prints each value as `Label:Value` under the
 * field's ID, so the label names the field; a value without a label keeps its ID, and a label seen
 * twice gets its ID added. Values stay text: the answer does not say a field's type.
 */
export function customFieldsByName(value: unknown): IDataObject {
	const fields: IDataObject = {};
	for (const [id, printed] of customFieldEntries(value)) {
		const colon = printed.indexOf(':');
		const label = colon > 0 ? printed.slice(0, colon).trim() : '';
		const key = label === '' ? id : label in fields ? `${label} (${id})` : label;
		fields[key] = colon > 0 ? printed.slice(colon + 1) : printed;
	}
	return fields;
}

/** A customer with typed values: flags as booleans, counts as numbers, tags always a list, custom fields an object. */
export function typedCustomer(customer: IDataObject): IDataObject {
	const typed: IDataObject = { ...customer };
	for (const flag of FLAGS) if (flag in typed) typed[flag] = toFlag(typed[flag]) as IDataObject[string];
	for (const key of NUMBERS) if (key in typed) typed[key] = toNumber(typed[key]) as IDataObject[string];
	if ('tags' in typed) typed.tags = toTagList(typed.tags);
	if ('custom_fields' in typed) typed.custom_fields = customFieldsByName(typed.custom_fields);
	return typed;
}

/** Output shape of a customer: `tags: ""` (no tag) becomes `[]`, and an empty PHP array of custom fields an object. */
export function normalizeCustomer(customer: IDataObject): IDataObject {
	// In place: every caller hands a record freshly parsed from an answer, and 50,000 copies would double the memory of a Return All.
	if (customer.tags === '' || customer.tags === null) customer.tags = [];
	if (Array.isArray(customer.custom_fields) && customer.custom_fields.length === 0) customer.custom_fields = {};
	return customer;
}
