import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import { callApi } from '../../transport';
import type { InfluencerSoftAccount } from '../../transport';
import { forOperation, groupField } from '../common';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('group', 'countSubscribers', [
	{
		displayName: 'Count',
		name: 'scope',
		type: 'options',
		default: 'group',
		options: [
			{ name: 'Subscribers of a Group', value: 'group' },
			{ name: 'Active Unique Contacts', value: 'unique', description: 'Every active contact of the account, counted once' },
			{ name: 'All Contacts', value: 'all' },
		],
	},
	{ ...groupField(''), displayOptions: { show: { scope: ['group'] } } },
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, account: InfluencerSoftAccount): Promise<IDataObject> {
	const scope = this.getNodeParameter('scope', itemIndex) as string;
	const group = scope === 'group' ? String(this.getNodeParameter('group', itemIndex) ?? '').trim() : scope;
	if (group === '') throw invalidInput(this.getNode(), itemIndex, 'Group Name or ID', 'choose a group');
	// `unique` and `all` are identifiers InfluencerSoft reserves in the same field.
	const answer = await callApi.call(this, account, { method: 'GetCountSubscribe', fields: { group_name: group }, idempotent: true }, itemIndex);
	const count = Number(answer.result);
	return { group, count: Number.isFinite(count) ? count : answer.result as IDataObject };
}
