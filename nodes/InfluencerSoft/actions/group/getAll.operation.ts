import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resultList } from '../../transport';
import type { InfluencerSoftClient } from '../../transport';
import { forOperation, returnAllAndLimitFields } from '../../../shared/descriptions';
import { limitRecords, readReturnAllAndLimit } from '../../../shared/checks';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('group', 'getAll', returnAllAndLimitFields());

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject[]> {
	const wanted = readReturnAllAndLimit(this, itemIndex);
	// Auto-groups are left out by InfluencerSoft itself.
	const answer = await influencerSoft.call({ method: 'GetAllGroups', fields: {}, idempotent: true, itemIndex });
	return limitRecords(resultList(answer.result), wanted);
}
