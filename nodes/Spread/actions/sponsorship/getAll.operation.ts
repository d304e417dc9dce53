import { listOperation, sponsorshipFilterFields, sponsorshipFilterQuery } from '../common';

export const { description, execute } = listOperation({
	resource: 'sponsorship',
	path: '/sponsorships',
	key: 'sponsorships',
	filters: sponsorshipFilterFields(),
	query: sponsorshipFilterQuery,
});
