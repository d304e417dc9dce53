import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { customerIdField } from '../fields';
import { outputCustomer, SIMPLIFY_FIELD } from './customerFields';
import { readRecordId } from '../../../shared/checks';

export const description: INodeProperties[] = forOperation('customer', 'get', [
	customerIdField('The SPREAD ID of the customer'),
	SIMPLIFY_FIELD,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const customerId = readRecordId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const response = await spread.call({ method: 'GET', path: `/customers/${encodeURIComponent(customerId)}`, itemIndex });
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return spread.requireRecord(response, 'customer', itemIndex).map((customer) => outputCustomer(customer, simplify));
}
