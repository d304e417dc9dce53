import type { IDataObject } from 'n8n-workflow';

import { formatPopsellDate, toWallClock } from '../../dates';

/** Popsell's contact types, by the names its document gives them. */
export const CONTACT_TYPES = [
	{ name: 'Hostess', value: 1 },
	{ name: 'Client', value: 2 },
	{ name: 'Prospect', value: 3 },
	{ name: 'My Sales Rep', value: 4 },
	{ name: 'Sales Manager', value: 5 },
	{ name: 'All Sales Rep', value: 6 },
] as const;

/** A field that cannot be turned into what Popsell reads. */
export class UnmappableField extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
	) {
		super(`${field}: ${problem}`);
	}
}

/** What the user mapped for one contact, as n8n hands it over (expressions already resolved). */
export interface MappedContactInput {
	id: unknown;
	fields: IDataObject;
}

/** Plain text fields: parameter name → Popsell's field name. */
const TEXT_FIELDS: Record<string, string> = {
	email: 'Email',
	firstName: 'FirstName',
	lastName: 'LastName',
	comment: 'Comment',
	street1: 'Street1',
	street2: 'Street2',
	postcode: 'Postcode',
	city: 'City',
	country: 'Country',
	phone1: 'Phone1',
	phone2: 'Phone2',
};

/**
 * Consent and deletion flags. The brand consent is spelled `isAcceptingBrandEmailing` in the document's table
 * and `IsAcceptingBrandEmailing` in its example: both are sent, so a case-sensitive reader never loses it.
 */
const FLAG_FIELDS: Record<string, string[]> = {
	isAcceptingEmailing: ['IsAcceptingEmailing'],
	isAcceptingBrandEmailing: ['isAcceptingBrandEmailing', 'IsAcceptingBrandEmailing'],
	isSoftDeleted: ['IsSoftDeleted'],
};

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function asText(field: string, value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new UnmappableField(field, `expected text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
}

function asFlag(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (['true', '1', 'yes'].includes(text)) return true;
	if (['false', '0', 'no'].includes(text)) return false;
	throw new UnmappableField(field, `"${String(value)}" is not true or false`);
}

function asGender(value: unknown): 'M' | 'F' {
	const text = String(value).trim().toUpperCase();
	if (text === 'M' || text === 'F') return text;
	throw new UnmappableField('Gender', `"${String(value)}" is not M or F`);
}

function asContactType(value: unknown): number {
	const byName = CONTACT_TYPES.find((type) => type.name.toLowerCase() === String(value).trim().toLowerCase());
	if (byName) return byName.value;
	const number = typeof value === 'number' ? value : Number(String(value).trim());
	if (Number.isInteger(number) && number >= 1 && number <= 6) return number;
	throw new UnmappableField('Type', `"${String(value)}" is not a contact type (1 to 6, or Hostess, Client, Prospect, My Sales Rep, Sales Manager, All Sales Rep)`);
}

function asLanguageCode(value: unknown): string {
	// Popsell shows fr_FR; a BCP 47 tag such as fr-FR is accepted and rewritten.
	const text = asText('LanguageCode', value).trim().replace('-', '_');
	const match = /^([a-zA-Z]{2,3})(?:_([a-zA-Z]{2}))?$/.exec(text);
	if (!match) throw new UnmappableField('LanguageCode', `"${text}" is not a language code such as fr_FR`);
	return match[2] ? `${match[1].toLowerCase()}_${match[2].toUpperCase()}` : match[1].toLowerCase();
}

function asTags(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list.map((tag) => asText('Tags', tag).trim()).filter((tag) => tag !== '');
}

/** How an Extra_data value is typed: as the expression gave it, or as the user says. */
export const EXTRA_DATA_TYPES = [
	{ name: 'Automatic', value: 'auto', description: 'A number or true/false from an expression stays one; anything else is text' },
	{ name: 'Boolean', value: 'boolean', description: 'True or false (also 1/0, yes/no)' },
	{ name: 'JSON', value: 'json', description: 'Any JSON value: an object, a list, null, a number…' },
	{ name: 'Number', value: 'number', description: 'A JSON number, e.g. 3 or 2.5' },
	{ name: 'Text', value: 'string', description: 'A JSON string, even for 3 or true' },
] as const;

function parseJson(text: string): { ok: true; value: IDataObject[string] } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as IDataObject[string] };
	} catch {
		return { ok: false };
	}
}

function typedExtraValue(field: string, type: unknown, value: unknown): IDataObject[string] {
	switch (type ?? 'auto') {
		case 'string':
			return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
		case 'number': {
			const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN;
			if (!Number.isFinite(number)) throw new UnmappableField(field, `"${String(value)}" is not a number`);
			return number;
		}
		case 'boolean':
			return asFlag(field, value);
		case 'json': {
			if (typeof value !== 'string') return value as IDataObject[string];
			const parsed = parseJson(value);
			if (!parsed.ok) throw new UnmappableField(field, `"${value}" is not valid JSON`);
			return parsed.value;
		}
		case 'auto':
			// Popsell's example mixes numbers and text ("Number of children": 3): keep numbers and flags as they are.
			return typeof value === 'number' || typeof value === 'boolean' || value === null ? value : asText(field, value ?? '');
		default:
			throw new UnmappableField(field, `unknown value type "${String(type)}"`);
	}
}

function asExtraData(value: unknown): IDataObject {
	const entries = ((value as IDataObject | undefined)?.entries ?? []) as IDataObject[];
	const extra: IDataObject = {};
	for (const entry of entries) {
		const name = typeof entry.name === 'string' ? entry.name.trim() : '';
		if (name === '') throw new UnmappableField('Extra_data', 'an entry has no name');
		extra[name] = typedExtraValue(`Extra_data.${name}`, entry.type, entry.value);
	}
	return extra;
}

/** One Popsell contact from what the user mapped; throws UnmappableField naming the field. */
export function buildPopsellContact(input: MappedContactInput, timeZone: string): IDataObject {
	if (isBlank(input.id)) throw new UnmappableField('Id', 'missing (Popsell requires it)');
	const contact: IDataObject = { Id: asText('Id', input.id).trim() };
	const fields = input.fields;

	for (const [parameter, popsellName] of Object.entries(TEXT_FIELDS)) {
		if (!isBlank(fields[parameter])) contact[popsellName] = asText(popsellName, fields[parameter]);
	}
	if (!isBlank(fields.gender)) contact.Gender = asGender(fields.gender);
	for (const [parameter, popsellNames] of Object.entries(FLAG_FIELDS)) {
		if (isBlank(fields[parameter])) continue;
		const flag = asFlag(popsellNames[0], fields[parameter]);
		for (const popsellName of popsellNames) contact[popsellName] = flag;
	}
	if (!isBlank(fields.languageCode)) contact.LanguageCode = asLanguageCode(fields.languageCode);
	if (!isBlank(fields.lastModificationDate)) {
		const clock = toWallClock(fields.lastModificationDate, timeZone);
		if (!clock) throw new UnmappableField('LastModificationDate', `"${String(fields.lastModificationDate)}" is not a date`);
		contact.LastModificationDate = formatPopsellDate(clock);
	}
	if (!isBlank(fields.tags)) contact.Tags = asTags(fields.tags);
	if (!isBlank(fields.type)) contact.Type = asContactType(fields.type);
	if (fields.extraData !== undefined) {
		const extra = asExtraData(fields.extraData);
		if (Object.keys(extra).length > 0) contact.Extra_data = extra;
	}
	return contact;
}
