import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelConnection } from '../../transport';
import { foundRecords, jtelRequest } from '../../transport';
import { contactPicker } from '../contactPicker';
import { simplifyOutput } from '../descriptions';
import { readRecordId, withoutEmptyFields } from '../values';

export const description: INodeProperties[] = [
	...contactPicker('get', {
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
	const contactId = readRecordId(this, itemIndex, 'Contact ID', this.getNodeParameter('contactId', itemIndex, undefined, { extractValue: true }));
	const response = await jtelRequest.call(this, connection, { method: 'GET', path: `/dialler/contacts/${contactId}`, idempotent: true }, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return foundRecords.call(this, response, 'Dialler contact', itemIndex, connection.client.secrets).map((record) => (simplify ? withoutEmptyFields(record) : record));
}
