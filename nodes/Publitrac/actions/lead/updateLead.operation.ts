import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { callPublitrac } from '../../transport';
import type { PublitracOperation } from '../common';
import { assertXmlSafe, forOperation, perItemOverlapped } from '../common';
import { buildLeadElement, leadElementFields } from './leadElement';

const properties: INodeProperties[] = [
	{
		displayName:
			'Updates an existing lead only: an unknown email is an error (9005), nothing is created. PUBLITRAC names updateLead only in its status tables (2004 / 9017): it is sent like Sync without its options.',
		name: 'updateLeadNotice',
		type: 'notice',
		default: '',
	},
	...leadElementFields('Email of the lead to update: PUBLITRAC finds the lead by it'),
];

export const updateLead: PublitracOperation = {
	description: forOperation('lead', 'updateLead', properties),
	async execute(this: IExecuteFunctions, session: PublitracSession) {
		return await perItemOverlapped.call(this, session, async (itemIndex) => {
			const query = { lead: buildLeadElement.call(this, itemIndex) };
			assertXmlSafe(this.getNode(), itemIndex, query);
			// Setting the same fields twice leaves the same lead: safe to resend.
			const answer = await callPublitrac.call(this, session, { method: 'updateLead', httpMethod: 'POST', query, idempotent: true }, itemIndex);
			return { email: query.lead.email, status: answer.status, message: answer.message };
		});
	},
};
