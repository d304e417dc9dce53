import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DEFAULT_NODE_VERSION, NODE_VERSIONS } from '../shared/nodeVersions';
import { route, tableProperties, tableSubtitle } from '../shared/router';
import { SPREAD } from './actions/router';
import { searchCustomers, searchOrders } from './methods/listSearch';
import { getCampaigns, getCustomFields } from './methods/loadOptions';
import { getCustomerCreateFields, getCustomerUpdateFields, getCustomerUpsertFields, getOrderFields } from './methods/resourceMapping';

export class Spread implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SPREAD',
		name: 'spread',
		icon: { light: 'file:spread.svg', dark: 'file:spread.dark.svg' },
		group: ['transform'],
		version: NODE_VERSIONS,
		defaultVersion: DEFAULT_NODE_VERSION,
		subtitle: tableSubtitle(SPREAD),
		description: 'Read and write SPREAD (social-sb.com) customers, campaigns, orders, cagnottes, events and sponsorships',
		defaults: { name: 'SPREAD' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'spreadApi', required: true }],
		properties: tableProperties(SPREAD),
	};

	methods = {
		loadOptions: { getCampaigns, getCustomFields },
		listSearch: { searchCustomers, searchOrders },
		resourceMapping: { getCustomerCreateFields, getCustomerUpdateFields, getCustomerUpsertFields, getOrderFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, SPREAD);
	}
}
