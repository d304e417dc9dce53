import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelClient } from '../../transport';
import { recordsOf } from '../../transport';
import { forOperation, returnAllAndLimitFields } from '../../../shared/descriptions';
import { limitRecords, readReturnAllAndLimit } from '../../../shared/checks';
import { simplifyField } from '../fields';
import { readJtelId } from '../checks';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('contact', 'getAll', [
	...returnAllAndLimitFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Campaign Name or ID',
				name: 'campaignId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCampaigns' },
				default: '',
				description: 'Only the contacts of this dialler campaign. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{
		...simplifyField,
		hint: 'jtel sends every contact in one answer (it has no paging), so a large campaign takes a while even with a small Limit',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.campaignId !== undefined && filters.campaignId !== '') {
		qs.diallerCampaignsID = readJtelId(this, itemIndex, 'Campaign Name or ID', filters.campaignId);
	}
	const wanted = readReturnAllAndLimit(this, itemIndex);
	const response = await jtel.call({ method: 'GET', path: '/dialler/contacts', qs, idempotent: true, large: true, itemIndex });
	return limitRecords(recordsOf(response), wanted);
}
