import type { ResourceMapperFields } from 'n8n-workflow';

import { importMapperFields } from '../actions/contact/contactMapping';

/** Contact → Import: the contact fields of the import call. jtel has no method listing them (nor custom fields). */
export async function getImportFields(): Promise<ResourceMapperFields> {
	return { fields: importMapperFields() };
}
