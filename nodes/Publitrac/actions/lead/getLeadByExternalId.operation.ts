import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { simplifyField } from '../fields';
import { readText } from '../../../shared/checks';

const properties: INodeProperties[] = [
	{ displayName: 'External ID', name: 'externalId', type: 'string', required: true, default: '', description: "The lead's ID in your own system (its CRM lead ID in PUBLITRAC)" },
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'getLeadByExternalId', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const externalId = readText(this, itemIndex, 'External ID', this.getNodeParameter('externalId', itemIndex)).trim();
	const answer = await publitrac.call({ method: 'getLeadByExternalId', httpMethod: 'GET', params: { externalId }, idempotent: true, itemIndex });
	return publitrac.requireLeads('getLeadByExternalId', answer, itemIndex);
}
