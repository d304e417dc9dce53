import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { callPublitrac } from '../../transport';
import type { ItemResult } from '../../../shared/itemLoop';
import { assertXmlSafe, shortName, forOperation, validEmail } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email address of the lead' },
	{
		displayName: 'List Name',
		name: 'listName',
		type: 'string',
		required: true,
		default: '',
		description:
			'Static list to remove the lead from. PUBLITRAC documents this method only by its status codes: it is sent like Add Leads to List.',
	},
];

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'removeLeadFromList', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession): Promise<ItemResult> {
	const email = validEmail(this.getNode(), itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const listName = shortName(this.getNode(), itemIndex, 'List Name', this.getNodeParameter('listName', itemIndex));
	const query = { list: { name: listName }, leads: { lead: [{ email }] } };
	assertXmlSafe(this.getNode(), itemIndex, query);
	const answer = await callPublitrac.call(this, session, { method: 'removeLeadFromList', httpMethod: 'POST', query, idempotent: true }, itemIndex);
	return { email, listName, status: answer.status, message: answer.message };
}
