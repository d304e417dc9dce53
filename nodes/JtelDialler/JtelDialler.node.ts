import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { description as campaignDescription } from './actions/campaign/Campaign.resource';
import { description as contactDescription } from './actions/contact/Contact.resource';
import { router } from './actions/router';
import { getCampaigns, searchCampaigns } from './methods/loadOptions';

export class JtelDialler implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'jtel ACD Dialler',
		name: 'jtelDialler',
		icon: { light: 'file:jtel.svg', dark: 'file:jtel.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Import contacts into jtel ACD dialler campaigns and manage them',
		defaults: { name: 'jtel ACD Dialler' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jtelApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Campaign', value: 'campaign' },
				],
				default: 'contact',
			},
			...contactDescription,
			...campaignDescription,
		],
	};

	methods = { loadOptions: { getCampaigns }, listSearch: { searchCampaigns } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
