import { getOperation } from '../listAndGet';

export const { description, execute } = getOperation({
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
