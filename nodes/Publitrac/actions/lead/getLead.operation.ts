import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { callPublitrac, requireLeads } from '../../transport';
import type { ItemResult } from '../../../shared/itemLoop';
import { forOperation, simplifyField, validEmail } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email address of the lead' },
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'getLead', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession): Promise<ItemResult> {
	const email = validEmail(this.getNode(), itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const answer = await callPublitrac.call(this, session, { method: 'getLead', httpMethod: 'GET', params: { email }, idempotent: true }, itemIndex);
	return requireLeads.call(this, session, 'getLead', answer, itemIndex);
}
