import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelClient } from '../../transport';
import { recordsOf } from '../../transport';
import { returnAllAndLimit } from '../descriptions';
import { applyLimit } from '../values';

export const description: INodeProperties[] = returnAllAndLimit('campaign', 'getAll');

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const response = await jtel.call({ method: 'GET', path: '/dialler/campaigns', idempotent: true, itemIndex });
	return applyLimit(recordsOf(response), returnAll, limit);
}
