import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mapperParameter, readMappedFields } from '../../../shared/resourceMapper';

/** A custom field in the mapper: `custom_<name>`, so it cannot take a native field's name. */
const CUSTOM_FIELD_PREFIX = 'custom_';

export function customFieldMapperId(name: string): string {
	return `${CUSTOM_FIELD_PREFIX}${name}`;
}

export interface MappedLead {
	email: unknown;
	/** Native fields, as version 1's Additional Fields collection holds them. */
	fields: IDataObject;
	/** Custom fields as name/value pairs, as version 1's Custom Fields collection holds them. */
	customFields: Array<{ name: string; value: unknown }>;
}

/** Version 2: the item's mapped lead, split the way version 1's fields are. */
export function mappedLead(context: IExecuteFunctions, itemIndex: number): MappedLead {
	const given = readMappedFields(context, itemIndex);
	const fields: IDataObject = {};
	const customFields: MappedLead['customFields'] = [];
	for (const [id, value] of Object.entries(given)) {
		if (id === 'email') continue;
		if (id.startsWith(CUSTOM_FIELD_PREFIX)) customFields.push({ name: id.slice(CUSTOM_FIELD_PREFIX.length), value });
		else fields[id] = typeof value === 'boolean' ? (value ? '1' : '0') : value;
	}
	return { email: given.email, fields, customFields };
}

/** The lead mapper of Sync (an upsert: the mapper's Find By), Create and Update (found by e-mail). */
export function leadMapper(operation: 'syncLead' | 'addLead' | 'updateLead'): INodeProperties {
	if (operation === 'syncLead') {
		return mapperParameter({
			method: 'getSyncLeadFields',
			mode: 'upsert',
			record: 'lead',
			description:
				'Find By: Email (PUBLITRAC\'s default), Token (sent as useToken) or CRM Lead ID (sent as customUnicityKeys, whose XML shape PUBLITRAC does not document). The email is always required.',
		});
	}
	return mapperParameter({ method: 'getLeadFields', mode: operation === 'addLead' ? 'add' : 'update', record: 'lead' });
}
