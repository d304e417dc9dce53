import { sponsorshipFilterFields, sponsorshipFilterQuery } from '../fields';
import { listOperation } from '../listAndGet';
import { SPONSORSHIP_OUTPUT } from '../output';

export const { description, execute, output } = listOperation({
	output: SPONSORSHIP_OUTPUT,
	resource: 'sponsorship',
	path: '/sponsorships',
	key: 'sponsorships',
	filters: sponsorshipFilterFields(),
	query: sponsorshipFilterQuery,
});
