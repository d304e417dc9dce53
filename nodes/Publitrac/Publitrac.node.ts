import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { informationCallout } from '../shared/descriptions';
import { DEFAULT_NODE_VERSION, NODE_VERSIONS } from '../shared/nodeVersions';
import { route, tableProperties, tableSubtitle } from '../shared/router';
import { PUBLITRAC } from './actions/router';
import { publitracCredentialTest } from './methods/credentialTest';
import { searchCampaigns, searchLists, searchViews } from './methods/listSearch';
import { getCampaigns } from './methods/loadOptions';
import { getLeadFields, getSyncLeadFields } from './methods/resourceMapping';

export class Publitrac implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PUBLITRAC',
		name: 'publitrac',
		icon: { light: 'file:publitrac.svg', dark: 'file:publitrac.dark.svg' },
		group: ['transform'],
		version: NODE_VERSIONS,
		defaultVersion: DEFAULT_NODE_VERSION,
		subtitle: tableSubtitle(PUBLITRAC),
		description: 'Sync leads, lists, campaigns and opportunities with PUBLITRAC marketing automation',
		defaults: { name: 'PUBLITRAC' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'publitracApi', required: true, testedBy: 'publitracCredentialTest' }],
		properties: [
			informationCallout(
				'publitracRateCallout',
				'PUBLITRAC allows 35 calls a second per account; this node keeps to it across items and executions.',
			),
			...tableProperties(PUBLITRAC),
		],
	};

	methods = {
		loadOptions: { getCampaigns },
		listSearch: { searchCampaigns, searchLists, searchViews },
		resourceMapping: { getLeadFields, getSyncLeadFields },
		credentialTest: { publitracCredentialTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, PUBLITRAC);
	}
}
