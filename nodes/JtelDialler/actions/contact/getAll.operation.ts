import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelConnection } from '../../transport';
import { jtelRequest, recordsOf } from '../../transport';
import { returnAllAndLimit, showFor, simplifyOutput } from '../descriptions';
import { applyLimit, readRecordId } from '../values';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = [
	...returnAllAndLimit('contact', 'getAll'),
	showFor('contact', 'getAll', {
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
	}),
	{
		...simplifyOutput('contact', 'getAll'),
		hint: 'jtel sends every contact in one answer (it has no paging), so a large campaign takes a while even with a small Limit',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: JtelConnection) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.campaignId !== undefined && filters.campaignId !== '') {
		qs.diallerCampaignsID = readRecordId(this, itemIndex, 'Campaign Name or ID', filters.campaignId);
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const response = await jtelRequest.call(this, connection, { method: 'GET', path: '/dialler/contacts', qs, idempotent: true, large: true }, itemIndex);
	return applyLimit(recordsOf(response), returnAll, limit);
}
