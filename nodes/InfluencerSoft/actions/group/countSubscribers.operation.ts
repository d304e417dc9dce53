import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { InfluencerSoftClient } from '../../transport';
import { groupField } from '../fields';
import { groupPicker, PICKED_VALUE } from '../pickers';
import { forOperation } from '../../../shared/descriptions';

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
	...groupPicker({ ...groupField(''), displayOptions: { show: { scope: ['group'] } } }, 'The group whose subscribers to count'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const scope = this.getNodeParameter('scope', itemIndex) as string;
	const group = scope === 'group' ? String(this.getNodeParameter('group', itemIndex, '', PICKED_VALUE) ?? '').trim() : scope;
	if (group === '') throw invalidInput(this.getNode(), itemIndex, 'Group Name or ID', 'choose a group');
	// `unique` and `all` are identifiers InfluencerSoft reserves in the same field.
	const answer = await influencerSoft.call({ method: 'GetCountSubscribe', fields: { group_name: group }, idempotent: true, itemIndex });
	const count = Number(answer.result);
	return { group, count: Number.isFinite(count) ? count : answer.result as IDataObject };
}
