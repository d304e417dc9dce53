import type { INodeProperties } from 'n8n-workflow';

/** Simplify: jtel contacts carry dozens of dialling statistics that stay null until the contact is dialled. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to leave out the fields that have no value (null) and type the rest (b… flags as true/false, n… counts as numbers, dt… dates as ISO text) instead of returning every field as jtel sends it',
};

/** The campaign field: picked from GET /dialler/campaigns, or given by ID or by name (e.g. from an expression). */
export const campaignLocator: INodeProperties = {
	displayName: 'Campaign',
	name: 'campaign',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '538',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A campaign ID is a whole number' } }],
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'My Campaign',
		},
	],
};
