import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelClient } from '../../transport';
import { recordsOf } from '../../transport';
import { forOperation, returnAllAndLimitFields } from '../../../shared/descriptions';
import { limitRecords, readReturnAllAndLimit } from '../../../shared/checks';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('campaign', 'getAll', returnAllAndLimitFields());

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const wanted = readReturnAllAndLimit(this, itemIndex);
	const response = await jtel.call({ method: 'GET', path: '/dialler/campaigns', idempotent: true, itemIndex });
	return limitRecords(recordsOf(response), wanted);
}
