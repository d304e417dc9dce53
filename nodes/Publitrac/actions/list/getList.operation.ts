import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { readLeads } from '../../transport';
import { readText } from '../../../shared/checks';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { pagingOptions, readPaged, returnAllFields, simplifyField } from '../fields';
import { listPicker, PICKED_VALUE } from '../pickers';

const properties: INodeProperties[] = [
	...listPicker(
		{ displayName: 'List Name', name: 'listName', type: 'string', required: true, default: '', description: 'Name of the list whose leads to get' },
		'The list whose leads to get',
	),
	...returnAllFields,
	pagingOptions,
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('list', 'getList', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const listName = readText(this, itemIndex, 'List Name', this.getNodeParameter('listName', itemIndex, undefined, PICKED_VALUE)).trim();
	// The document's example says viewName=, a slip: the method takes listName.
	return await readPaged(this, itemIndex, publitrac, { method: 'getList', params: { listName }, read: readLeads });
}
