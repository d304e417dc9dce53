import { sponsorshipFilterFields, sponsorshipFilterQuery } from '../fields';
import { listOperation } from '../listAndGet';

export const { description, execute } = listOperation({
	resource: 'sponsorship',
	path: '/sponsorships',
	key: 'sponsorships',
	filters: sponsorshipFilterFields(),
	query: sponsorshipFilterQuery,
});
