import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/itemLoop';
import type { SpreadConnection } from '../../transport';
import { normalizeCustomer, unwrapRecord } from '../../transport';
import { customerIdField, forOperation, requireId } from '../common';

export const description: INodeProperties[] = forOperation('customer', 'get', [
	customerIdField('The SPREAD ID of the customer'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection): Promise<ItemResult> {
	const customerId = requireId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const response = await spread.call({ method: 'GET', path: `/customers/${encodeURIComponent(customerId)}`, itemIndex });
	return unwrapRecord(response, 'customer').map(normalizeCustomer);
}
