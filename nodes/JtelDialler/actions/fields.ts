import type { INodeProperties } from 'n8n-workflow';
import { byIdMode, byNameMode, fromListMode, locatorField } from '../../shared/locators';
import { simplifyField as sharedSimplifyField } from '../../shared/typedOutput';

/** Simplify: jtel contacts carry dozens of dialling statistics that stay null until the contact is dialled. */
export const simplifyField: INodeProperties = sharedSimplifyField(
	'Whether to leave out the fields that have no value (null) and type the rest (b… flags as true/false, n… counts as numbers, dt… dates as ISO text) instead of returning every field as jtel sends it',
);

/** The campaign field: picked from GET /dialler/campaigns, or given by ID or by name (e.g. from an expression). */
export const campaignLocator: INodeProperties = locatorField('Campaign', 'campaign', [fromListMode('searchCampaigns'), byIdMode('538', 'campaign'), byNameMode('My Campaign')]);
