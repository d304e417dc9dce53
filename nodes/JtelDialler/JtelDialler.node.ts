import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route, tableProperties, tableSubtitle } from '../shared/router';
import { JTEL } from './actions/router';
import { getCampaigns, searchCampaigns } from './methods/loadOptions';

export class JtelDialler implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'jtel ACD Dialler',
		name: 'jtelDialler',
		icon: { light: 'file:jtel.svg', dark: 'file:jtel.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: tableSubtitle(JTEL),
		description: 'Import contacts into jtel ACD dialler campaigns and manage them',
		defaults: { name: 'jtel ACD Dialler' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jtelApi', required: true }],
		properties: tableProperties(JTEL),
	};

	methods = { loadOptions: { getCampaigns }, listSearch: { searchCampaigns } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, JTEL);
	}
}
