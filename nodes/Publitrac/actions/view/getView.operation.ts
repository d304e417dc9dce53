import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { readLeads } from '../../transport';
import type { PublitracOperation } from '../common';
import { fetchPages, perItem, requiredText, returnAllFields, forOperation, simplifyField } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'View Name', name: 'viewName', type: 'string', required: true, default: '', description: 'Name of the filtered list whose leads to get' },
	...returnAllFields,
	simplifyField,
];

export const getView: PublitracOperation = {
	description: forOperation('view', 'getView', properties),
	async execute(this: IExecuteFunctions, session: PublitracSession) {
		return await perItem.call(this, session, async (itemIndex) => {
			const viewName = requiredText(this.getNode(), itemIndex, 'View Name', this.getNodeParameter('viewName', itemIndex)).trim();
			return await fetchPages.call(this, session, itemIndex, { method: 'getView', params: { viewName } }, readLeads);
		});
	},
};
