import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { readLeads } from '../../transport';
import { readReturnAllAndLimit, readText } from '../../../shared/checks';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { returnAllFields, simplifiedIfAsked, simplifyField } from '../fields';

const properties: INodeProperties[] = [
	{ displayName: 'List Name', name: 'listName', type: 'string', required: true, default: '', description: 'Name of the list whose leads to get' },
	...returnAllFields,
	simplifyField,
];

export const description = forOperation('list', 'getList', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const listName = readText(this, itemIndex, 'List Name', this.getNodeParameter('listName', itemIndex)).trim();
	// The document's example says viewName=, a slip: the method takes listName.
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	return simplifiedIfAsked(this, itemIndex, await publitrac.list({ method: 'getList', params: { listName }, read: readLeads, returnAll, limit, itemIndex }));
}
