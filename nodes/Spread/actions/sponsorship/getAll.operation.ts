import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { campaignFilterFields, campaignFilterQuery, listOperation } from '../common';

export const { description, execute } = listOperation({
	resource: 'sponsorship',
	path: '/sponsorships',
	key: 'sponsorships',
	filters: campaignFilterFields(),
	query: sponsorshipFilterQuery,
});

/** The document spells the operation filter `operartionId`; both spellings are sent so either reading of it works. */
function sponsorshipFilterQuery(context: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs = campaignFilterQuery(context, itemIndex, filters);
	if (qs.operationId !== undefined) qs.operartionId = qs.operationId;
	return qs;
}
