import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { shareOutAnswer } from '../batchErrors';
import type { BatchEntry, BatchPlan } from '../../../shared/batchLoop';
import { emailField, forOperation } from '../../../shared/descriptions';
import { batchOptions, readBatchSize } from '../fields';
import { assertXmlSafe, readNameUnder50, readPublitracEmail } from '../checks';
import { listPicker, PICKED_VALUE } from '../pickers';

const properties: INodeProperties[] = [
	...listPicker(
		{
			displayName: 'List Name',
			name: 'listName',
			type: 'string',
			required: true,
			default: '',
			description: 'Static list to add the leads to; PUBLITRAC creates it if it does not exist. Shorter than 50 characters.',
		},
		'Static list to add the leads to; PUBLITRAC creates it if it does not exist (type a new name under By Name). Shorter than 50 characters.',
	),
	emailField('Email of an existing lead. The emails of all input items go in as few calls as possible. If PUBLITRAC names some as not found, only those items fail.', { defaultValue: '={{ $json.email }}' }),
	batchOptions,
];

interface ListRecord {
	email: string;
	listName: string;
}

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('list', 'addLeadsToList', properties);

export function plan(this: IExecuteFunctions, publitrac: PublitracClient): BatchPlan<ListRecord> {
	const batchSize = readBatchSize.call(this);
	return {
		batchSize,
		prepare: (itemIndex) => {
			const listName = readNameUnder50(this, itemIndex, 'List Name', this.getNodeParameter('listName', itemIndex, undefined, PICKED_VALUE));
			const email = readPublitracEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
			assertXmlSafe(this, itemIndex, { listName, email });
			return { group: listName, record: { email, listName } };
		},
		send: async (listName, batch) => {
			const query = { list: { name: listName }, leads: { lead: batch.map(({ record }) => ({ email: record.email })) } };
			// Adding a lead to a static list twice changes nothing: safe to retry.
			const call = { method: 'addLeadsToList', httpMethod: 'POST' as const, query, idempotent: true };
			const { statusCode, body } = await publitrac.send({ ...call, itemIndex: batch[0].itemIndex });
			const answer = publitrac.readAnswer(call.method, statusCode, body, batch[0].itemIndex);
			return shareOutAnswer(this, publitrac, call.method, answer, batch, ({ record }: BatchEntry<ListRecord>) => ({
				email: record.email,
				listName: record.listName,
				added: true,
				status: answer.status,
				message: answer.failed ? `Added; PUBLITRAC reported ${answer.status} for other leads of the same call` : answer.message,
			}));
		},
	};
}
