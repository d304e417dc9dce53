import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/itemLoop';
import type { SpreadConnection } from '../../transport';
import { customerIdField, forOperation, requireId } from '../common';
import { SIMPLIFY_FIELD } from './customerFields';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'get', [
	customerIdField('The SPREAD ID of the customer'),
	SIMPLIFY_FIELD,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection): Promise<ItemResult> {
	const customerId = requireId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const response = await spread.call({ method: 'GET', path: `/customers/${encodeURIComponent(customerId)}`, itemIndex });
	return spread.requireRecord(response, 'customer', itemIndex);
}
