import type { IDataObject } from 'n8n-workflow';

/** `"34567" => "Sport:Basket"`: one pair of a custom-field list printed in PHP notation. */
const PHP_PAIR = /"((?:[^"\\]|\\.)*)"\s*=>\s*"((?:[^"\\]|\\.)*)"/g;

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

/** Output shape of a customer: `tags: ""` (no tag) becomes `[]`, and an empty PHP array of custom fields an object. */
export function normalizeCustomer(customer: IDataObject): IDataObject {
	// In place: every caller hands a record freshly parsed from an answer, and 50,000 copies would double the memory of a Return All.
	if (customer.tags === '' || customer.tags === null) customer.tags = [];
	if (Array.isArray(customer.custom_fields) && customer.custom_fields.length === 0) customer.custom_fields = {};
	return customer;
}
