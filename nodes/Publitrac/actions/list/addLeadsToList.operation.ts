import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { readAnswer, sendPublitracRequest } from '../../transport';
import { shareOutAnswer } from '../batchErrors';
import type { BatchEntry, BatchPlan } from '../../../shared/batchLoop';
import { assertXmlSafe, batchOptions, emailField, readBatchSize, shortName, forOperation, validEmail } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'List Name',
		name: 'listName',
		type: 'string',
		required: true,
		default: '',
		description: 'Static list to add the leads to; PUBLITRAC creates it if it does not exist. Shorter than 50 characters.',
	},
	emailField(
		'Email of an existing lead. The emails of all input items go in as few calls as possible. If PUBLITRAC names some as not found, only those items fail.',
		'={{ $json.email }}',
	),
	batchOptions,
];

interface ListRecord {
	email: string;
	listName: string;
}

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('list', 'addLeadsToList', properties);

export function plan(this: IExecuteFunctions, session: PublitracSession): BatchPlan<ListRecord> {
	const node = this.getNode();
	const batchSize = readBatchSize.call(this);
	return {
		batchSize,
		prepare: (itemIndex) => {
			const listName = shortName(node, itemIndex, 'List Name', this.getNodeParameter('listName', itemIndex));
			const email = validEmail(node, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
			assertXmlSafe(node, itemIndex, { listName, email });
			return { group: listName, record: { email, listName } };
		},
		send: async (listName, batch) => {
			const query = { list: { name: listName }, leads: { lead: batch.map(({ record }) => ({ email: record.email })) } };
			// Adding a lead to a static list twice changes nothing: safe to retry.
			const call = { method: 'addLeadsToList', httpMethod: 'POST' as const, query, idempotent: true };
			const { statusCode, body } = await sendPublitracRequest.call(this, session, call, batch[0].itemIndex);
			const answer = readAnswer.call(this, session, call.method, statusCode, body, batch[0].itemIndex);
			return shareOutAnswer(this, session, call.method, answer, batch, ({ record }: BatchEntry<ListRecord>) => ({
				email: record.email,
				listName: record.listName,
				added: true,
				status: answer.status,
				message: answer.failed ? `Added; PUBLITRAC reported ${answer.status} for other leads of the same call` : answer.message,
			}));
		},
	};
}
