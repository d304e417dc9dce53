import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/errors';
import { byIdMode, byNameMode, fromListMode, locatorField } from '../../shared/locators';
import { readRecordId } from './values';

/** The campaign field: picked from GET /dialler/campaigns, or given by ID or by name (e.g. from an expression). */
export const campaignLocator: INodeProperties = locatorField('Campaign', 'campaign', [fromListMode('searchCampaigns'), byIdMode('538', 'campaign'), byNameMode('My Campaign')]);

export type CampaignChoice = { byName: true; name: string; id?: undefined } | { byName: false; id: number; name?: undefined };

/** Reads the campaign field of one item: a name in "By Name" mode, otherwise a checked ID. */
export function readCampaign(context: IExecuteFunctions, itemIndex: number): CampaignChoice {
	const locator = context.getNodeParameter('campaign', itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	const value = String((typeof locator === 'object' && locator !== null ? locator.value : locator) ?? '').trim();
	if (value === '') throw invalidInput(context.getNode(), itemIndex, 'Campaign', 'is empty', 'Choose the dialler campaign from the list, or give its ID or its name.');
	if (mode === 'name') return { byName: true, name: value };
	return { byName: false, id: readRecordId(context, itemIndex, 'Campaign', value) };
}
