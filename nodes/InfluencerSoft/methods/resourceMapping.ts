import type { ResourceMapperFields } from 'n8n-workflow';

import { mapperField } from '../../shared/resourceMapper';
import { contactFieldProperties } from '../actions/contact/addOrUpdate.operation';

/**
 * Add or Update Contact: the fields addupdatelead documents, all text. InfluencerSoft has no method that lists a
 * contact's fields (nor custom ones), so the list is the document's. The email finds the contact.
 */
export async function getContactFields(): Promise<ResourceMapperFields> {
	return {
		fields: [
			mapperField('email', 'Email', 'string', { canMatch: true, defaultMatch: true }),
			...contactFieldProperties.map((property) => mapperField(property.name, property.displayName, 'string')),
		],
	};
}
