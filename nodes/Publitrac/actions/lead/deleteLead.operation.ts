import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import type { ItemResult } from '../../../shared/operations';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { readPublitracEmail } from '../checks';

/** PUBLITRAC's "lead does not exist". */
const LEAD_NOT_FOUND = '9005';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'Email of the lead to delete. Sent as email, as Get by Email takes it: PUBLITRAC names deleteLead only in its status tables (2005), so the call is inferred.',
	},
	optionsCollection([
			{
				displayName: 'Retry If Unsure',
				name: 'retryIfUnsure',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the call again when the connection failed after it may have reached PUBLITRAC. A retry that then finds no lead counts as deleted (the first call did it).',
			},
		]),
];

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'deleteLead', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const email = readPublitracEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { statusCode, body, attempts } = await publitrac.send({ method: 'deleteLead', httpMethod: 'POST', params: { email }, idempotent: options.retryIfUnsure === true, itemIndex });
	const answer = publitrac.readAnswer('deleteLead', statusCode, body, itemIndex);
	const goneBeforeRetry = attempts > 1 && answer.errors.concat(answer.status).some((line) => line.startsWith(LEAD_NOT_FOUND));
	if (answer.failed && !goneBeforeRetry) throw publitrac.answerError('deleteLead', answer, itemIndex);
	return { email, deleted: true, status: answer.status, message: goneBeforeRetry ? 'Deleted by an earlier try of this call' : answer.message };
}
