import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { readLeads } from '../../transport';
import { readText } from '../../../shared/checks';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { pagingOptions, readPaged, returnAllFields, simplifyField } from '../fields';
import { PICKED_VALUE, viewPicker } from '../pickers';

const properties: INodeProperties[] = [
	...viewPicker(
		{ displayName: 'View Name', name: 'viewName', type: 'string', required: true, default: '', description: 'Name of the filtered list whose leads to get' },
		'The filtered list (view) whose leads to get',
	),
	...returnAllFields,
	pagingOptions,
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('view', 'getView', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const viewName = readText(this, itemIndex, 'View Name', this.getNodeParameter('viewName', itemIndex, undefined, PICKED_VALUE)).trim();
	return await readPaged(this, itemIndex, publitrac, { method: 'getView', params: { viewName }, read: readLeads });
}
