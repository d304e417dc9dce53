import { dateFilterFields, dateFilterQuery } from '../fields';
import { listOperation } from '../listAndGet';
import { ORDER_OUTPUT } from '../output';

export const { description, execute, output } = listOperation({
	output: ORDER_OUTPUT,
	resource: 'order',
	path: '/orders',
	key: 'orders',
	filters: dateFilterFields(),
	query: dateFilterQuery,
});
