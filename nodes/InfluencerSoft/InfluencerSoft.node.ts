import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DEFAULT_NODE_VERSION, NODE_VERSIONS } from '../shared/nodeVersions';
import { route, tableProperties, tableSubtitle } from '../shared/router';
import { INFLUENCERSOFT } from './actions/router';
import { searchGroups, searchProducts } from './methods/listSearch';
import { getGroups, getProducts } from './methods/loadOptions';
import { getContactFields } from './methods/resourceMapping';

export class InfluencerSoft implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InfluencerSoft',
		name: 'influencerSoft',
		icon: { light: 'file:influencersoft.svg', dark: 'file:influencersoft.dark.svg' },
		group: ['transform'],
		version: NODE_VERSIONS,
		defaultVersion: DEFAULT_NODE_VERSION,
		subtitle: tableSubtitle(INFLUENCERSOFT),
		description: 'Add and update contacts, manage groups, orders, products and partner stats in InfluencerSoft',
		defaults: { name: 'InfluencerSoft' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'influencerSoftApi', required: true }],
		properties: tableProperties(INFLUENCERSOFT),
	};

	methods = {
		loadOptions: { getGroups, getProducts },
		listSearch: { searchGroups, searchProducts },
		resourceMapping: { getContactFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, INFLUENCERSOFT);
	}
}
