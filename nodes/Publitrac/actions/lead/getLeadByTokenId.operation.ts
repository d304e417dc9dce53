import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { PublitracClient } from '../../transport';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { simplifyField } from '../fields';
import { readText } from '../../../shared/checks';

const properties: INodeProperties[] = [
	{
		displayName: 'Tracking Token',
		name: 'trackingCookie',
		type: 'string',
		required: true,
		default: '',
		placeholder: '_nl-publitrac.com-1111111111111-11111',
		description:
			"The visitor's PUBLITRAC tracking token (the _nl-… cookie value, a lead's Token field). Sent as tokenId: PUBLITRAC names getLeadByTokenId only in its status tables (2002 / 9015), so the parameter name is inferred from getLeadByExternalId's externalId.",
	},
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'getLeadByTokenId', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const tokenId = readText(this, itemIndex, 'Tracking Token', this.getNodeParameter('trackingCookie', itemIndex)).trim();
	if (/\s/.test(tokenId)) throw invalidInput(this.getNode(), itemIndex, 'Tracking Token', `"${tokenId}" contains spaces: a tracking token has none`);
	const answer = await publitrac.call({ method: 'getLeadByTokenId', httpMethod: 'GET', params: { tokenId }, idempotent: true, itemIndex });
	return publitrac.requireLeads('getLeadByTokenId', answer, itemIndex);
}
