import type { INodeProperties } from 'n8n-workflow';

import { byNameMode, fromListMode, locatorField } from '../../shared/locators';
import { version1Only, version2Only } from '../../shared/nodeVersions';

/**
 * Version 2's pickers of the records PUBLITRAC names: a static list, a filtered list (view), a form, a campaign.
 * Each keeps version 1's parameter name, so an operation reads either with `extractValue`.
 * PUBLITRAC has no method that lists its lists or views: "From List" looks the typed name up (one getList / getView
 * call) and shows it with its lead count when it exists. Forms cannot be read at all: they are given by name.
 */
export function listPicker(v1Field: INodeProperties, description: string): INodeProperties[] {
	return [...version1Only([v1Field]), ...version2Only([locatorField('List', 'listName', [fromListMode('searchLists'), byNameMode('Newsletter')], description)])];
}

export function viewPicker(v1Field: INodeProperties, description: string): INodeProperties[] {
	return [...version1Only([v1Field]), ...version2Only([locatorField('View', 'viewName', [fromListMode('searchViews'), byNameMode('PromoABC_Email_Open')], description)])];
}

export function formPicker(v1Field: INodeProperties, description: string): INodeProperties[] {
	return [...version1Only([v1Field]), ...version2Only([locatorField('Form', 'formName', [byNameMode('Infolettre')], description)])];
}

export function campaignPicker(v1Field: INodeProperties, description: string): INodeProperties[] {
	return [
		...version1Only([v1Field]),
		...version2Only([locatorField('Campaign', 'campaigns', [fromListMode('searchCampaigns'), byNameMode('Welcome Series')], description)]),
	];
}

/** `getNodeParameter` option that reads a picker's value (version 2) or the plain field (version 1) alike. */
export const PICKED_VALUE = { extractValue: true };
