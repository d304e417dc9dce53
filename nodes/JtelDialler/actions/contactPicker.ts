import type { INodeProperties } from 'n8n-workflow';

import { byIdMode, fromListMode, locatorField } from '../../shared/locators';
import { version1Only, version2Only } from '../../shared/nodeVersions';

/**
 * Version 1's Contact ID field, or version 2's contact picker under the same name, so an operation reads either with
 * `extractValue`.
 */
export function contactPicker(v1Field: INodeProperties): INodeProperties[] {
	return [
		...version1Only([v1Field]),
		...version2Only([locatorField('Contact', 'contactId', [fromListMode('searchContacts'), byIdMode('1001', 'contact')], v1Field.description)]),
	];
}
