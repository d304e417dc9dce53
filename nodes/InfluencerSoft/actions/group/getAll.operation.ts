import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callApi, resultList } from '../../transport';
import type { InfluencerSoftAccount } from '../../transport';
import { returnAllAndLimitFields } from '../../../shared/descriptions';
import { applyLimit, forOperation } from '../common';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('group', 'getAll', returnAllAndLimitFields());

export async function execute(this: IExecuteFunctions, itemIndex: number, account: InfluencerSoftAccount): Promise<IDataObject[]> {
	// Auto-groups are left out by InfluencerSoft itself.
	const answer = await callApi.call(this, account, { method: 'GetAllGroups', fields: {}, idempotent: true }, itemIndex);
	return applyLimit.call(this, itemIndex, resultList(answer.result));
}
