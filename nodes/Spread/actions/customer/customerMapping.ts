import type { IDataObject, IExecuteFunctions, ResourceMapperField } from 'n8n-workflow';

import { mapperField, readMappedFields } from '../../../shared/resourceMapper';
import { FLAG_FIELDS, TEXT_FIELDS } from './customerFields';

/** A custom field in the mapper: `customField_<SPREAD field ID>` (IDs are numbers). */
const CUSTOM_FIELD_PREFIX = 'customField_';

export const GENDER_OPTIONS = [
	{ name: 'Female', value: 'female' },
	{ name: 'Male', value: 'male' },
];

export function customFieldId(spreadFieldId: string): string {
	return `${CUSTOM_FIELD_PREFIX}${spreadFieldId}`;
}

/** The mapper fields of the custom fields found in the account, labelled as SPREAD shows them. */
export function customMapperFields(customFields: Array<{ id: string; label: string }>): ResourceMapperField[] {
	return customFields.map(({ id, label }) => mapperField(customFieldId(id), `${label} (custom field ${id})`, 'string'));
}

/** A customer's profile fields as the mapper shows them (e-mail apart), typed as SPREAD takes them. */
export function customerProfileMapperFields(): ResourceMapperField[] {
	return [
		...TEXT_FIELDS.map(([id, displayName]) => mapperField(id, displayName, 'string', { canMatch: id === 'externalId' })),
		mapperField('country', 'Country (ISO Code)', 'string'),
		mapperField('birthday', 'Birthday', 'dateTime'),
		mapperField('gender', 'Gender', 'options', { options: GENDER_OPTIONS }),
		...FLAG_FIELDS.map(([id, displayName]) => mapperField(id, displayName, 'boolean')),
		mapperField('tags', 'Tags (Comma-Separated)', 'string'),
	];
}

/**
 * The mapper's values in the shape version 1's field collection has (`customFields.field[]` for the custom ones),
 * so both versions build the same request.
 */
export function asFieldCollection(given: IDataObject): IDataObject {
	const fields: IDataObject = {};
	const custom: IDataObject[] = [];
	for (const [id, value] of Object.entries(given)) {
		if (id.startsWith(CUSTOM_FIELD_PREFIX)) custom.push({ fieldId: id.slice(CUSTOM_FIELD_PREFIX.length), value });
		else fields[id] = value;
	}
	if (custom.length > 0) fields.customFields = { field: custom };
	return fields;
}

/** Version 2: the item's mapped customer fields, in version 1's collection shape (the e-mail under `email`). */
export function mappedCustomer(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return asFieldCollection(readMappedFields(context, itemIndex));
}
