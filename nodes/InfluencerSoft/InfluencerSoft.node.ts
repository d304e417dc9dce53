import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route, tableProperties, tableSubtitle } from '../shared/router';
import { INFLUENCERSOFT } from './actions/router';
import { getGroups, getProducts } from './methods/loadOptions';

export class InfluencerSoft implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InfluencerSoft',
		name: 'influencerSoft',
		icon: { light: 'file:influencersoft.svg', dark: 'file:influencersoft.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: tableSubtitle(INFLUENCERSOFT),
		description: 'Add and update contacts, manage groups, orders, products and partner stats in InfluencerSoft',
		defaults: { name: 'InfluencerSoft' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'influencerSoftApi', required: true }],
		properties: tableProperties(INFLUENCERSOFT),
	};

	methods = { loadOptions: { getGroups, getProducts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, INFLUENCERSOFT);
	}
}
