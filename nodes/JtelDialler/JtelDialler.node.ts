import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DEFAULT_NODE_VERSION, NODE_VERSIONS } from '../shared/nodeVersions';
import { route, tableProperties, tableSubtitle } from '../shared/router';
import { JTEL } from './actions/router';
import { searchCampaigns, searchContacts } from './methods/listSearch';
import { getCampaigns } from './methods/loadOptions';
import { getImportFields } from './methods/resourceMapping';

export class JtelDialler implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'jtel ACD Dialler',
		name: 'jtelDialler',
		icon: { light: 'file:jtel.svg', dark: 'file:jtel.dark.svg' },
		group: ['output'],
		version: NODE_VERSIONS,
		defaultVersion: DEFAULT_NODE_VERSION,
		subtitle: tableSubtitle(JTEL),
		description: 'Import contacts into jtel ACD dialler campaigns and manage them',
		defaults: { name: 'jtel ACD Dialler' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jtelApi', required: true }],
		properties: tableProperties(JTEL),
	};

	methods = {
		loadOptions: { getCampaigns },
		listSearch: { searchCampaigns, searchContacts },
		resourceMapping: { getImportFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, JTEL);
	}
}
