import type { FieldType, IDataObject, IExecuteFunctions, ResourceMapperField } from 'n8n-workflow';

import { mapperField, readMappedFields } from '../../../shared/resourceMapper';
import type { FieldKind } from './import.operation';
import { OPTIONAL_FIELDS } from './import.operation';

const MAPPER_TYPE: Record<FieldKind, FieldType> = { string: 'string', number: 'number', dateTime: 'dateTime', phone: 'string' };

/** The import's fields as the mapper shows them, keyed by their jtel names (Name, PhoneNumber1, UserData…). */
export function importMapperFields(): ResourceMapperField[] {
	return [
		mapperField('Name', 'Name', 'string', { required: true }),
		mapperField('PhoneNumber1', 'Phone Number 1', 'string'),
		...OPTIONAL_FIELDS.map(({ api, displayName, kind }) => mapperField(api, displayName, MAPPER_TYPE[kind])),
	];
}

/** Version 2: the mapped contact in version 1's names (`name`, `phoneNumber1`, the Additional Fields' names). */
export function mappedContact(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const given = readMappedFields(context, itemIndex);
	const contact: IDataObject = { name: given.Name, phoneNumber1: given.PhoneNumber1 };
	for (const { name, api } of OPTIONAL_FIELDS) if (given[api] !== undefined) contact[name] = given[api];
	return contact;
}
