import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { informationCallout, forOperation } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/operations';
import { assertXmlSafe } from '../checks';
import { buildLeadElement, leadElementFields } from './leadElement';

const INFERRED =
	'PUBLITRAC names addLead only in its status tables (2003 / 9016): it is sent like Sync without its options, as <request><lead>…</lead></request>.';

const properties: INodeProperties[] = [
	informationCallout('addLeadNote', `Creates the lead only: if its email already exists PUBLITRAC refuses it (9004). ${INFERRED}`),
	...leadElementFields('Email of the new lead; PUBLITRAC refuses an address it already holds', 'addLead'),
];

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'addLead', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	// Never resent after an unsure failure: a create that reached PUBLITRAC must not run twice.
	const query = { lead: buildLeadElement.call(this, itemIndex) };
	assertXmlSafe(this, itemIndex, query);
	const answer = await publitrac.call({ method: 'addLead', httpMethod: 'POST', query, idempotent: false, itemIndex });
	return { email: query.lead.email, status: answer.status, message: answer.message };
}
