import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { readLeads } from '../../transport';
import { readReturnAllAndLimit, readText } from '../../../shared/checks';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { returnAllFields, simplifiedIfAsked, simplifyField } from '../fields';

const properties: INodeProperties[] = [
	{ displayName: 'View Name', name: 'viewName', type: 'string', required: true, default: '', description: 'Name of the filtered list whose leads to get' },
	...returnAllFields,
	simplifyField,
];

export const description = forOperation('view', 'getView', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const viewName = readText(this, itemIndex, 'View Name', this.getNodeParameter('viewName', itemIndex)).trim();
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	return simplifiedIfAsked(this, itemIndex, await publitrac.list({ method: 'getView', params: { viewName }, read: readLeads, returnAll, limit, itemIndex }));
}
