import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelConnection } from '../../transport';
import { jtelRequest, recordsOf } from '../../transport';
import { returnAllAndLimit } from '../descriptions';
import { applyLimit } from '../values';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = returnAllAndLimit('campaign', 'getAll');

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: JtelConnection) {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const response = await jtelRequest.call(this, connection, { method: 'GET', path: '/dialler/campaigns', idempotent: true }, itemIndex);
	return applyLimit(recordsOf(response), returnAll, limit);
}
