import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { simplifyField } from '../fields';
import { readPublitracEmail } from '../checks';

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email address of the lead' },
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'getLead', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const email = readPublitracEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const answer = await publitrac.call({ method: 'getLead', httpMethod: 'GET', params: { email }, idempotent: true, itemIndex });
	return publitrac.requireLeads('getLead', answer, itemIndex);
}
