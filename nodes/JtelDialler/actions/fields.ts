import type { INodeProperties } from 'n8n-workflow';
import { byIdMode, byNameMode, fromListMode, locatorField } from '../../shared/locators';

/** Simplify: jtel contacts carry dozens of dialling statistics that stay null until the contact is dialled. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to leave out the fields that have no value (null) instead of returning every field jtel sends',
};

/** The campaign field: picked from GET /dialler/campaigns, or given by ID or by name (e.g. from an expression). */
export const campaignLocator: INodeProperties = locatorField('Campaign', 'campaign', [fromListMode('searchCampaigns'), byIdMode('538', 'campaign'), byNameMode('My Campaign')]);
