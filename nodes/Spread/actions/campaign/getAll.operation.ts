import { campaignFilterFields, campaignFilterQuery, listOperation } from '../common';

export const { description, execute } = listOperation({
	resource: 'campaign',
	path: '/campaigns',
	key: 'campaigns',
	filters: campaignFilterFields(),
	query: campaignFilterQuery,
});
