import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { readLeads } from '../../transport';
import type { ItemResult } from '../../../shared/itemLoop';
import { fetchPages, requiredText, returnAllFields, pagingOptions, forOperation, simplifyField } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'View Name', name: 'viewName', type: 'string', required: true, default: '', description: 'Name of the filtered list whose leads to get' },
	...returnAllFields,
	pagingOptions,
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('view', 'getView', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession): Promise<ItemResult> {
	const viewName = requiredText(this.getNode(), itemIndex, 'View Name', this.getNodeParameter('viewName', itemIndex)).trim();
	return await fetchPages.call(this, session, itemIndex, { method: 'getView', params: { viewName } }, readLeads);
}
