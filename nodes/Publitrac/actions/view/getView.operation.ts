import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { readLeads } from '../../transport';
import type { ItemResult } from '../../../shared/itemLoop';
import { fetchPages, requiredText, returnAllFields, forOperation, simplifyField } from '../common';
import { viewPicker, PICKED_VALUE } from '../pickers';

const properties: INodeProperties[] = [
	...viewPicker(
		{ displayName: 'View Name', name: 'viewName', type: 'string', required: true, default: '', description: 'Name of the filtered list whose leads to get' },
		'The filtered list (view) whose leads to get',
	),
	...returnAllFields,
	simplifyField,
];

export const description = forOperation('view', 'getView', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession): Promise<ItemResult> {
	const viewName = requiredText(this.getNode(), itemIndex, 'View Name', this.getNodeParameter('viewName', itemIndex, undefined, PICKED_VALUE)).trim();
	return await fetchPages.call(this, session, itemIndex, { method: 'getView', params: { viewName } }, readLeads);
}
