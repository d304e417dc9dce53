import { getOperation } from '../listAndGet';

export const { description, execute } = getOperation({
	resource: 'campaign',
	path: '/campaigns',
	key: 'campaign',
	idField: {
		displayName: 'Campaign Name or ID',
		name: 'campaignId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCampaigns' },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
});
