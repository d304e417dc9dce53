import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { callPublitrac, requireLeads } from '../../transport';
import type { PublitracOperation } from '../common';
import { dropEmptyFields, perItemOverlapped, forOperation, simplifyField, validEmail } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email address of the lead' },
	simplifyField,
];

export const getLead: PublitracOperation = {
	description: forOperation('lead', 'getLead', properties),
	async execute(this: IExecuteFunctions, session: PublitracSession) {
		return await perItemOverlapped.call(this, session, async (itemIndex) => {
			const email = validEmail(this.getNode(), itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
			const answer = await callPublitrac.call(this, session, { method: 'getLead', httpMethod: 'GET', params: { email }, idempotent: true }, itemIndex);
			const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
			return requireLeads.call(this, session, 'getLead', answer, itemIndex).map((lead) => (simplify ? dropEmptyFields(lead) : lead));
		});
	},
};
