import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import { sortByName } from '../fields';
import { readFlag, readGender, readTags } from '../checks';
import { readCalendarDate, readCountryCode } from '../../../shared/checks';
import { simplifyField as sharedSimplifyField } from '../../../shared/typedOutput';

export const TEXT_FIELDS: Array<[name: string, displayName: string, description?: string]> = [
	['firstName', 'First Name'],
	['lastName', 'Last Name'],
	['address', 'Address'],
	['address2', 'Address 2', 'Address complement'],
	['address3', 'Address 3', 'Address complement'],
	['zip', 'Zip Code'],
	['city', 'City'],
	['phone', 'Phone', 'Landline number'],
	['mobile', 'Mobile'],
	['lang', 'Language', 'Language code, e.g. fr'],
	['externalId', 'External ID', 'A unique ID of the customer in your own systems'],
	['company', 'Company'],
	['fonction', 'Job Title', 'Sent as `fonction`'],
];

export const FLAG_FIELDS: Array<[name: string, displayName: string, description: string]> = [
	['isFan', 'Is Facebook Fan', 'Whether the customer is a fan of the Facebook page'],
	['isFollow', 'Follows on Twitter', 'Whether the customer follows the Twitter account'],
	['isFanLinkedin', 'Is LinkedIn Fan', 'Whether the customer is a fan of the LinkedIn page'],
	['isBuyer', 'Is Buyer', 'Whether the customer has bought'],
];

/** Every optional field of a customer, as create (Additional Fields) and update (Update Fields) offer them. */
export function customerDataFields(): INodeProperties[] {
	const fields: INodeProperties[] = [
		...TEXT_FIELDS.map(([name, displayName, description]): INodeProperties => ({ displayName, name, type: 'string', default: '', description })),
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'FR',
			description: 'ISO 3166-1 alpha-2 code, e.g. FR',
		},
		{ displayName: 'Birthday', name: 'birthday', type: 'dateTime', default: '', description: 'Sent as YYYY-MM-DD' },
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: [
				{ name: 'Female', value: 'female' },
				{ name: 'Male', value: 'male' },
			],
			default: 'female',
		},
		...FLAG_FIELDS.map(([name, displayName, description]): INodeProperties => ({ displayName, name, type: 'boolean', default: false, description })),
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			typeOptions: { multipleValues: true },
			default: [],
			description: 'Profile tags to add',
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Custom Field',
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'fieldId',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomFields' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								'Yes/no fields take 1 or 0, dates YYYY-MM-DD. For a multiple-choice field give the values separated by | (e.g. value1|value7) or as a list in an expression: they are joined with |.',
						},
					],
				},
			],
		},
	];
	return sortByName(fields);
}

/** The `customer` object SPREAD expects, from the UI's typed fields, checked before anything is sent. */
export function buildCustomerBody(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const customer: IDataObject = {};
	for (const [name, displayName] of TEXT_FIELDS) {
		const value = fields[name];
		if (value === undefined || value === null) continue;
		if (typeof value === 'object') throw invalidInput(context.getNode(), itemIndex, displayName, 'must be text');
		customer[name] = String(value);
	}
	if (fields.country !== undefined && fields.country !== '') customer.country = readCountryCode(context, itemIndex, 'Country', fields.country);
	if (fields.birthday !== undefined && fields.birthday !== '') customer.birthday = readCalendarDate(context, itemIndex, 'Birthday', fields.birthday);
	if (fields.gender !== undefined) customer.gender = readGender(context, itemIndex, 'Gender', fields.gender);
	for (const [name, displayName] of FLAG_FIELDS) {
		if (fields[name] !== undefined) customer[name] = readFlag(context, itemIndex, displayName, fields[name]);
	}
	const tags = readTags(context, itemIndex, 'Tags', fields.tags);
	if (tags.length > 0) customer.tags = tags;
	const customFields = readCustomFields(context, itemIndex, fields.customFields as IDataObject | undefined);
	if (customFields) customer.custom_fields = customFields;
	return customer;
}

export function readCustomFields(context: IExecuteFunctions, itemIndex: number, collection: IDataObject | undefined): IDataObject | undefined {
	const entries = (collection?.field as IDataObject[] | undefined) ?? [];
	if (entries.length === 0) return undefined;
	const result: IDataObject = {};
	for (const entry of entries) {
		const fieldId = String(entry.fieldId ?? '').trim();
		if (!/^\d+$/.test(fieldId)) throw invalidInput(context.getNode(), itemIndex, 'Custom Fields', `"${fieldId}" is not a custom field ID`);
		const value = entry.value;
		result[fieldId] = Array.isArray(value) ? value.map((choice) => String(choice)).join('|') : String(value ?? '');
	}
	return result;
}

export const SIMPLIFY_FIELD: INodeProperties = sharedSimplifyField(
	'Whether to return typed values: the flags (isFan, isFollow, isFanLinkedin, isBuyer) as true/false, actionCount and cagnotteAmount as numbers, tags always a list, and custom fields as an object of field name → value (SPREAD prints each as "Label:Value" under the field ID; values stay text). Off: the answer exactly as SPREAD sends it, where flags and counts are strings and the string "0" counts as true in an expression.',
);
