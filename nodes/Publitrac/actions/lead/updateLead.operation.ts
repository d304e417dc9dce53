import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { informationCallout, forOperation } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/operations';
import { assertXmlSafe } from '../checks';
import { buildLeadElement, leadElementFields } from './leadElement';

const properties: INodeProperties[] = [
	informationCallout(
		'updateLeadNote',
		'Updates an existing lead only: an unknown email is an error (9005), nothing is created. PUBLITRAC names updateLead only in its status tables (2004 / 9017): it is sent like Sync without its options.',
	),
	...leadElementFields('Email of the lead to update: PUBLITRAC finds the lead by it', 'updateLead'),
];

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'updateLead', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const query = { lead: buildLeadElement.call(this, itemIndex) };
	assertXmlSafe(this, itemIndex, query);
	// Setting the same fields twice leaves the same lead: safe to resend.
	const answer = await publitrac.call({ method: 'updateLead', httpMethod: 'POST', query, idempotent: true, itemIndex });
	return { email: query.lead.email, status: answer.status, message: answer.message };
}
