import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { callPublitrac, requireLeads } from '../../transport';
import type { ItemResult } from '../../../shared/itemLoop';
import { requiredText, forOperation, simplifyField } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'External ID', name: 'externalId', type: 'string', required: true, default: '', description: "The lead's ID in your own system (its CRM lead ID in PUBLITRAC)" },
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'getLeadByExternalId', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession): Promise<ItemResult> {
	const externalId = requiredText(this.getNode(), itemIndex, 'External ID', this.getNodeParameter('externalId', itemIndex)).trim();
	const answer = await callPublitrac.call(
		this,
		session,
		{ method: 'getLeadByExternalId', httpMethod: 'GET', params: { externalId }, idempotent: true },
		itemIndex,
	);
	return requireLeads.call(this, session, 'getLeadByExternalId', answer, itemIndex);
}
