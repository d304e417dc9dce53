import { listOperation, sponsorshipFilterFields, sponsorshipFilterQuery } from '../common';
import { SPONSORSHIP_OUTPUT } from '../output';

export const { description, execute, output } = listOperation({
	output: SPONSORSHIP_OUTPUT,
	resource: 'sponsorship',
	path: '/sponsorships',
	key: 'sponsorships',
	filters: sponsorshipFilterFields(),
	query: sponsorshipFilterQuery,
});
