import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { readLeads } from '../../transport';
import type { PublitracOperation } from '../common';
import { fetchPages, perItem, requiredText, returnAllFields, forOperation, simplifyField } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'List Name', name: 'listName', type: 'string', required: true, default: '', description: 'Name of the list whose leads to get' },
	...returnAllFields,
	simplifyField,
];

export const getList: PublitracOperation = {
	description: forOperation('list', 'getList', properties),
	async execute(this: IExecuteFunctions, session: PublitracSession) {
		return await perItem.call(this, session, async (itemIndex) => {
			const listName = requiredText(this.getNode(), itemIndex, 'List Name', this.getNodeParameter('listName', itemIndex)).trim();
			// The document's example says viewName=, a slip: the method takes listName.
			return await fetchPages.call(this, session, itemIndex, { method: 'getList', params: { listName } }, readLeads);
		});
	},
};
