import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../shared/descriptions';
import { emailAddress } from '../../shared/email';
import { invalidInput } from '../../shared/errors';
import type { ItemLoopOptions } from '../../shared/itemLoop';
import type { PublitracCall, PublitracSession } from '../transport';
import { CALLS_PER_SECOND } from '../transport';
import type { PagingReport } from '../paging';
import { walkPages } from '../paging';

export { forOperation } from '../../shared/descriptions';

export const returnAllFields: INodeProperties[] = returnAllAndLimitFields();

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

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return typed values (flags as true/false, scores and counts as numbers, dates as ISO text) and leave out the fields PUBLITRAC sends empty (most lead fields are). Off: the values exactly as PUBLITRAC sends them, all text.',
};

/**
 * For calls that are safe to overlap (reads and upserts): many items under way at once, while the shared throttle
 * sends their calls at the credential's rate, so the calls in flight settle at rate × latency by themselves. Two
 * seconds of calls at PUBLITRAC's 35/s keep the rate up to 2 s of latency, and while refused calls wait their Retry-After.
 */
export const OVERLAPPED: ItemLoopOptions = { concurrency: 2 * CALLS_PER_SECOND };

/** Walks `page` for the paged methods (getLeads, getList, getView, getCampaigns, getOpportunities). */
export async function fetchPages(
	this: IExecuteFunctions,
	session: PublitracSession,
	itemIndex: number,
	call: Omit<PublitracCall, 'httpMethod' | 'idempotent'>,
	readRecords: (response: IDataObject) => IDataObject[],
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) throw invalidInput(this.getNode(), itemIndex, 'Limit', 'must be a whole number of 1 or more');
	const paging = this.getNodeParameter('paging', itemIndex, {}) as IDataObject;
	const firstPage = paging.startPage === undefined ? 1 : Number(wholeNumber(this.getNode(), itemIndex, 'Paging > Start Page', paging.startPage, 1));
	const report: PagingReport = {};
	const records = await walkPages.call(this, session, call, readRecords, { returnAll, limit, itemIndex, firstPage, report });
	if (paging.addTotal !== true) return records;
	const totals = { _total: report.total ?? null, _nextPage: report.nextPage ?? null };
	if (records.length === 0) return [totals];
	records[0] = { ...records[0], ...totals };
	return records;
}


// ---- Input checks: each names the field and the item, before anything is sent. ----

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value : String(value);
}

export function requiredText(node: INode, itemIndex: number, field: string, value: unknown): string {
	const result = text(value);
	if (result.trim() === '') throw invalidInput(node, itemIndex, field, 'is required');
	return result;
}

/** executeCampaign and the history methods: "Le courriel du lead doit contenir moins de 50 caractères". */
export const LEAD_EMAIL_MAX_LENGTH = 50;

export function validEmail(node: INode, itemIndex: number, field: string, value: unknown, maxLength?: number): string {
	const email = emailAddress(node, itemIndex, field, text(value), EMAIL);
	if (maxLength !== undefined && email.length >= maxLength) {
		throw invalidInput(node, itemIndex, field, `must be shorter than ${maxLength} characters (PUBLITRAC's limit), got ${email.length}`);
	}
	return email;
}

/** List and campaign names: "doit contenir moins de 50 caractères". */
export function shortName(node: INode, itemIndex: number, field: string, value: unknown): string {
	const name = requiredText(node, itemIndex, field, value).trim();
	if ([...name].length >= 50) throw invalidInput(node, itemIndex, field, `must be shorter than 50 characters, got ${[...name].length}`);
	return name;
}

export function zeroOrOne(node: INode, itemIndex: number, field: string, value: unknown): string {
	if (value === true || value === 1 || value === '1') return '1';
	if (value === false || value === 0 || value === '0') return '0';
	throw invalidInput(node, itemIndex, field, `must be 0 or 1, got "${text(value)}"`);
}

export function wholeNumber(node: INode, itemIndex: number, field: string, value: unknown, min?: number, max?: number): string {
	const raw = text(value).trim();
	const number = Number(raw);
	if (raw === '' || !Number.isInteger(number)) throw invalidInput(node, itemIndex, field, `must be a whole number, got "${raw}"`);
	if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
		throw invalidInput(node, itemIndex, field, `must be between ${min ?? '-∞'} and ${max ?? '∞'}, got ${number}`);
	}
	return String(number);
}

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * PUBLITRAC dates: `yyyy-mm-dd`, or `yyyy-mm-dd hh:mm:ss` with a time. Accepts ISO text or an n8n
 * date and keeps the wall-clock time as typed.
 */
export function publitracDate(node: INode, itemIndex: number, field: string, value: unknown, withTime: boolean): string {
	const raw = value instanceof Date ? value.toISOString() : typeof value === 'object' && value !== null ? String((value as { toISO?: () => string }).toISO?.() ?? value) : text(value).trim();
	const parts = DATE_PARTS.exec(raw);
	const [year, month, day] = parts ? [Number(parts[1]), Number(parts[2]), Number(parts[3])] : [NaN, NaN, NaN];
	const calendar = new Date(Date.UTC(year, month - 1, day));
	if (!parts || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
		throw invalidInput(node, itemIndex, field, `"${raw}" is not a date PUBLITRAC accepts`, 'Use yyyy-mm-dd, yyyy-mm-dd hh:mm:ss or an ISO date.');
	}
	const date = `${parts[1]}-${parts[2]}-${parts[3]}`;
	if (!withTime) return date;
	const [hours, minutes, seconds] = [parts[4] ?? '00', parts[5] ?? '00', parts[6] ?? '00'];
	if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
		throw invalidInput(node, itemIndex, field, `"${raw}" has an impossible time`);
	}
	return `${date} ${hours}:${minutes}:${seconds}`;
}

/** Names of elements the user chooses (custom fields, search fields) must be XML names. */
export function elementName(node: INode, itemIndex: number, field: string, value: unknown): string {
	const name = text(value).trim();
	if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) || /^xml/i.test(name)) {
		throw invalidInput(node, itemIndex, field, `"${name}" cannot be a PUBLITRAC field name (letters, digits, _ . - only)`);
	}
	return name;
}

/** Characters XML 1.0 cannot carry at all, escaped or not. */
function hasNonXmlCharacter(value: string): boolean {
	for (let index = 0; index < value.length; index++) {
		const code = value.charCodeAt(index);
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff) return true;
	}
	return false;
}

/** Refuses, before sending, any value XML cannot carry, naming the field it came from. */
export function assertXmlSafe(node: INode, itemIndex: number, values: IDataObject, path = ''): void {
	for (const [key, value] of Object.entries(values)) {
		const where = key === '__cdata' ? path : path ? `${path}.${key}` : key;
		if (typeof value === 'string' && hasNonXmlCharacter(value)) {
			throw invalidInput(node, itemIndex, where, 'contains a control character that XML cannot carry');
		}
		if (value !== null && typeof value === 'object') assertXmlSafe(node, itemIndex, value as IDataObject, where);
	}
}

/** Custom fields given as name/value pairs, as `<customFields><name>value</name></customFields>`. */
export function customFieldsElement(node: INode, itemIndex: number, pairs: Array<{ name?: unknown; value?: unknown }> | undefined): IDataObject | undefined {
	if (!pairs || pairs.length === 0) return undefined;
	const element: IDataObject = {};
	for (const pair of pairs) element[elementName(node, itemIndex, 'Custom Fields > Name', pair.name)] = text(pair.value);
	return element;
}

// ---- Fields several operations share. ----

/** A collection of optional fields (Additional Fields, Options, Lead Fields). */
export function optionalFields(options: INodeProperties[], name = 'additionalFields', displayName = 'Additional Fields', placeholder = 'Add Field'): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

export function emailField(description: string, defaultValue = ''): INodeProperties {
	return { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: defaultValue, description };
}

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
	return customFieldsElement(this.getNode(), itemIndex, this.getNodeParameter('customFields.field', itemIndex, []) as Array<{ name?: unknown; value?: unknown }>);
}

/** For the methods that take many emails in one call. */
export const batchOptions = optionalFields(
	[
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 500,
			description: 'Most emails sent in one call',
		},
	],
	'options',
	'Options',
	'Add Option',
);

export function readBatchSize(this: IExecuteFunctions): number {
	return Number(wholeNumber(this.getNode(), 0, 'Options > Batch Size', this.getNodeParameter('options.batchSize', 0, 500), 1, 1000));
}
