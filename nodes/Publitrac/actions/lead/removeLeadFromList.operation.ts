import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { assertXmlSafe, readNameUnder50, readPublitracEmail } from '../checks';
import { listPicker, PICKED_VALUE } from '../pickers';

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'Email address of the lead' },
	...listPicker(
		{
			displayName: 'List Name',
			name: 'listName',
			type: 'string',
			required: true,
			default: '',
			description:
				'Static list to remove the lead from. PUBLITRAC documents this method only by its status codes: it is sent like Add Leads to List.',
		},
		'Static list to remove the lead from. PUBLITRAC documents this method only by its status codes: it is sent like Add Leads to List.',
	),
];

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'removeLeadFromList', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const email = readPublitracEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const listName = readNameUnder50(this, itemIndex, 'List Name', this.getNodeParameter('listName', itemIndex, undefined, PICKED_VALUE));
	const query = { list: { name: listName }, leads: { lead: [{ email }] } };
	assertXmlSafe(this, itemIndex, query);
	const answer = await publitrac.call({ method: 'removeLeadFromList', httpMethod: 'POST', query, idempotent: true, itemIndex });
	return { email, listName, status: answer.status, message: answer.message };
}
