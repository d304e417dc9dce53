import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelConnection } from '../../transport';
import { foundRecords, jtelRequest } from '../../transport';
import { showFor, simplifyOutput } from '../descriptions';
import { readRecordId } from '../values';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = [
	showFor('contact', 'get', {
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'The DiallerContactsID of the contact',
	}),
	simplifyOutput('contact', 'get'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: JtelConnection) {
	const contactId = readRecordId(this, itemIndex, 'Contact ID', this.getNodeParameter('contactId', itemIndex));
	const response = await jtelRequest.call(this, connection, { method: 'GET', path: `/dialler/contacts/${contactId}`, idempotent: true }, itemIndex);
	return foundRecords.call(this, response, 'Dialler contact', itemIndex, connection.client.secrets);
}
