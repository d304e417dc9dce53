import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { readLeads } from '../../transport';
import type { ItemResult } from '../../../shared/itemLoop';
import { fetchPages, requiredText, returnAllFields, pagingOptions, forOperation, simplifyField } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'List Name', name: 'listName', type: 'string', required: true, default: '', description: 'Name of the list whose leads to get' },
	...returnAllFields,
	pagingOptions,
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('list', 'getList', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession): Promise<ItemResult> {
	const listName = requiredText(this.getNode(), itemIndex, 'List Name', this.getNodeParameter('listName', itemIndex)).trim();
	// The document's example says viewName=, a slip: the method takes listName.
	return await fetchPages.call(this, session, itemIndex, { method: 'getList', params: { listName } }, readLeads);
}
