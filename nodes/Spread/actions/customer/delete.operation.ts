import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/itemLoop';
import type { SpreadConnection } from '../../transport';
import { customerIdField, forOperation, requireId } from '../common';

export { CONFIRMATION_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'delete', [
	customerIdField('The SPREAD ID of the customer to delete'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection): Promise<ItemResult> {
	const customerId = requireId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const response = await spread.call({ method: 'DELETE', path: `/customers/${encodeURIComponent(customerId)}`, itemIndex });
	return { id: customerId, deleted: true, response: response.response ?? null };
}
