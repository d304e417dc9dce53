import type { INodeProperties } from 'n8n-workflow';

import { byTextIdMode, fromListMode, locatorField } from '../../shared/locators';
import { version1Only, version2Only } from '../../shared/nodeVersions';

/**
 * Version 2's group and product pickers. They keep version 1's parameter names, so an operation reads either with
 * `extractValue`. InfluencerSoft's IDs are the group's `rass_name` and the product's `good_name` (text).
 */
export function groupPicker(v1Field: INodeProperties, description: string): INodeProperties[] {
	return [...version1Only([v1Field]), ...version2Only([{ ...locatorField('Group', 'group', [fromListMode('searchGroups'), byTextIdMode('my_group')], description), displayOptions: v1Field.displayOptions }])];
}

export function productPicker(v1Field: INodeProperties, description: string): INodeProperties[] {
	return [...version1Only([v1Field]), ...version2Only([locatorField('Product', 'product', [fromListMode('searchProducts'), byTextIdMode('ebook')], description)])];
}

export const PICKED_VALUE = { extractValue: true };
