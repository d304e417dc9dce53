import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connect } from '../transport';

/** How many customers are read to discover custom field IDs: the API has no list of custom fields. */
const CUSTOM_FIELD_SAMPLE = 200;

export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const spread = await connect(this);
	const campaigns = await spread.list({ path: '/campaigns', key: 'campaigns', returnAll: true, limit: 0 });
	return campaigns
		.map((campaign) => ({
			name: `${String(campaign.name ?? campaign.backofficeName ?? campaign.id)} (${String(campaign.id)})`,
			value: String(campaign.id),
			description: [campaign.type, campaign.url].filter(Boolean).join(' · ') || undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Custom fields seen on a sample of customers (`showCustomFields=1`). SPREAD shows a value as
 * `Label:Value`, so the label names the field.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const spread = await connect(this);
	const customers = await spread.list({ path: '/customers', key: 'customers', qs: { showCustomFields: 1 }, returnAll: false, limit: CUSTOM_FIELD_SAMPLE });
	const labels = new Map<string, string>();
	for (const customer of customers) {
		const fields = customer.custom_fields;
		if (!fields || typeof fields !== 'object' || Array.isArray(fields)) continue;
		for (const [id, value] of Object.entries(fields as IDataObject)) {
			if (labels.has(id)) continue;
			const text = typeof value === 'string' ? value : '';
			labels.set(id, text.includes(':') ? text.slice(0, text.indexOf(':')) : `Field ${id}`);
		}
	}
	return [...labels.entries()].map(([id, label]) => ({ name: `${label} (${id})`, value: id })).sort((a, b) => a.name.localeCompare(b.name));
}
