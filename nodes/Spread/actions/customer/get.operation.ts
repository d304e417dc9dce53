import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { customerIdField } from '../fields';
import { SIMPLIFY_FIELD } from './customerFields';
import { readRecordId } from '../../../shared/checks';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'get', [
	customerIdField('The SPREAD ID of the customer'),
	SIMPLIFY_FIELD,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const customerId = readRecordId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const response = await spread.call({ method: 'GET', path: `/customers/${encodeURIComponent(customerId)}`, itemIndex });
	return spread.requireRecord(response, 'customer', itemIndex);
}
