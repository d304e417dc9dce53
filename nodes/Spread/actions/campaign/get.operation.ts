import { getOperation } from '../listAndGet';
import { CAMPAIGN_OUTPUT } from '../output';

export const { description, execute, output } = getOperation({
	output: CAMPAIGN_OUTPUT,
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
