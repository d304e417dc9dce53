import { dateFilterFields, dateFilterQuery, listOperation } from '../common';

export const { description, execute } = listOperation({
	resource: 'order',
	path: '/orders',
	key: 'orders',
	filters: dateFilterFields(),
	query: dateFilterQuery,
});
