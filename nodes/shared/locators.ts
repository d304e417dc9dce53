import type { IExecuteFunctions, INodeListSearchItems, INodeListSearchResult, INodeParameterResourceLocator, INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { invalidInput } from './errors';

/** One way of giving a record (n8n's locator mode). */
function mode(displayName: string, name: string, type: INodePropertyMode['type'], details: Partial<INodePropertyMode> = {}): INodePropertyMode {
	return { displayName, name, type, ...details };
}

/** "From List": the records of the vendor, searchable. */
export function fromListMode(searchListMethod: string): INodePropertyMode {
	return mode('From List', 'list', 'list', { typeOptions: { searchListMethod, searchable: true } });
}

/** "By ID": a whole number (the vendors' record IDs), checked in the editor too. */
export function byIdMode(placeholder: string, what: string): INodePropertyMode {
	return mode('By ID', 'id', 'string', {
		placeholder,
		validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `A ${what} ID is a whole number` } }],
	});
}

/** "By ID" for IDs that are free text (a merchant's order number, a group's name in InfluencerSoft). */
export function byTextIdMode(placeholder: string): INodePropertyMode {
	return mode('By ID', 'id', 'string', { placeholder });
}

export function byEmailMode(): INodePropertyMode {
	return mode('By Email', 'email', 'string', { placeholder: 'name@email.com' });
}

export function byNameMode(placeholder: string): INodePropertyMode {
	return mode('By Name', 'name', 'string', { placeholder });
}

/** A record picker (n8n's resource locator), "From List" first. */
export function locatorField(displayName: string, name: string, modes: INodePropertyMode[], description?: string): INodeProperties {
	return { displayName, name, type: 'resourceLocator', default: { mode: modes[0].name, value: '' }, required: true, modes, ...(description ? { description } : {}) };
}

export interface PickedRecord {
	mode: string;
	value: string;
}

/** The picked record of one item: its mode and its value (an expression may give a plain value: read as an ID). */
export function readLocator(context: IExecuteFunctions, itemIndex: number, name: string, displayName: string): PickedRecord {
	const locator = context.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string | number;
	const isLocator = typeof locator === 'object' && locator !== null;
	const mode = isLocator ? locator.mode : 'id';
	const value = String((isLocator ? locator.value : locator) ?? '').trim();
	if (value === '') throw invalidInput(context.getNode(), itemIndex, displayName, 'is empty', 'Choose it from the list, or give it in one of the other modes.');
	return { mode, value };
}

/** Whether a record's words contain the typed search (case ignored). */
export function matchesSearch(filter: string | undefined, ...words: unknown[]): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	return wanted === '' || words.some((word) => word !== undefined && word !== null && String(word).toLowerCase().includes(wanted));
}

/** Results a vendor cannot page itself (it answers the whole list at once): handed to the editor a page at a time. */
export const SEARCH_PAGE_SIZE = 100;

export function pageOfResults(results: INodeListSearchItems[], paginationToken?: string, pageSize = SEARCH_PAGE_SIZE): INodeListSearchResult {
	const start = Number(paginationToken ?? 0) || 0;
	const end = start + pageSize;
	return { results: results.slice(start, end), ...(end < results.length ? { paginationToken: String(end) } : {}) };
}
