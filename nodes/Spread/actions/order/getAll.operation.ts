import { dateFilterFields, dateFilterQuery } from '../fields';
import { listOperation } from '../listAndGet';

export const { description, execute } = listOperation({
	resource: 'order',
	path: '/orders',
	key: 'orders',
	filters: dateFilterFields(),
	query: dateFilterQuery,
});
