import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { cdata } from '../../transport';
import type { ItemResult } from '../../../shared/operations';
import { additionalFields, forOperation } from '../../../shared/descriptions';
import { assertXmlSafe, readLeadEmail } from '../checks';
import { formPicker, PICKED_VALUE } from '../pickers';
import { leadEmailField } from './visitHistory';
import { asText, readText } from '../../../shared/checks';

const fillFormProperties: INodeProperties[] = [
	leadEmailField,
	...formPicker(
		{ displayName: 'Form Name', name: 'formName', type: 'string', required: true, default: '', description: 'A form that exists in PUBLITRAC' },
		'A form that exists in PUBLITRAC, by its name (PUBLITRAC has no method that lists forms)',
	),
	additionalFields([
		{ displayName: 'Context', name: 'context', type: 'string', default: '' },
		{ displayName: 'Information', name: 'information', type: 'string', default: '', placeholder: 'Registration Form' },
		{ displayName: 'Session ID', name: 'sessionId', type: 'string', default: '' },
		{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: '/newsletter.php' },
		{
			displayName: 'Values',
			name: 'values',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: 'Firstname: Claude\nEmail: claude@example.com',
			description: 'What the form held, as text (sent as CDATA)',
		},
	]),
];

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('history', 'addFillFormHistory', fillFormProperties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const email = readLeadEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const formName = readText(this, itemIndex, 'Form Name', this.getNodeParameter('formName', itemIndex, undefined, PICKED_VALUE)).trim();
	const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const history: IDataObject = {};
	if (given.information !== undefined) history.information = asText(given.information);
	if (given.context !== undefined) history.context = asText(given.context);
	history.formName = formName;
	if (given.url !== undefined) history.url = asText(given.url);
	if (given.values !== undefined) history.values = cdata(asText(given.values));
	if (given.sessionId !== undefined) history.sessionId = asText(given.sessionId);
	const query = { fillformleadhistory: history };
	assertXmlSafe(this, itemIndex, query);
	const answer = await publitrac.call({ method: 'addFillFormHistory', httpMethod: 'POST', params: { email }, query, idempotent: false, itemIndex });
	return { email, formName, status: answer.status, message: answer.message };
}
