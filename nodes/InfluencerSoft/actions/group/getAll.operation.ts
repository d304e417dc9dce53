import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resultList } from '../../transport';
import type { InfluencerSoftClient } from '../../transport';
import { returnAllAndLimitFields } from '../../../shared/descriptions';
import { applyLimit, forOperation } from '../common';

export const description = forOperation('group', 'getAll', returnAllAndLimitFields());

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject[]> {
	// Auto-groups are left out by InfluencerSoft itself.
	const answer = await influencerSoft.call({ method: 'GetAllGroups', fields: {}, idempotent: true, itemIndex });
	return applyLimit.call(this, itemIndex, resultList(answer.result));
}
