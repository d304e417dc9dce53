import { getOperation } from '../listAndGet';
import { ORDER_OUTPUT } from '../output';

export const { description, execute, output } = getOperation({
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
