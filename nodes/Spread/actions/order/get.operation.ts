import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPathSegment } from '../../../shared/checks';
import { forOperation } from '../../../shared/descriptions';
import { byTextIdMode, fromListMode, locatorField, readLocator } from '../../../shared/locators';
import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { getOperation } from '../listAndGet';
import { ORDER_OUTPUT } from '../output';

const byMerchantId = getOperation({
	output: ORDER_OUTPUT,
	resource: 'order',
	path: '/orders',
	key: 'order',
	idKind: 'freeText',
	idField: {
		displayName: 'Merchant Order ID',
		name: 'merchantOrderId',
		type: 'string',
		default: '',
		description: 'The order ID in your shop, as sent to SPREAD',
	},
});

export const output = byMerchantId.output;

export const description: INodeProperties[] = [
	...version1Only(byMerchantId.description),
	...version2Only(
		forOperation('order', 'get', [
			locatorField('Order', 'order', [fromListMode('searchOrders'), byTextIdMode('CMD-1001')], 'The order, by its ID in your shop (merchant order ID)'),
		]),
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	if (!usesVersion2Fields(this)) return await byMerchantId.execute.call(this, itemIndex, spread);
	const orderId = readPathSegment(this, itemIndex, 'Order', readLocator(this, itemIndex, 'order', 'Order').value);
	const response = await spread.call({ method: 'GET', path: `/orders/${encodeURIComponent(orderId)}`, itemIndex });
	return spread.requireRecord(response, 'order', itemIndex);
}
