import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelConnection } from '../../transport';
import { jtelRequest } from '../../transport';
import { showFor } from '../descriptions';
import { readRecordId } from '../values';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = [
	showFor('contact', 'delete', {
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'The DiallerContactsID of the contact to delete',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: JtelConnection) {
	const contactId = readRecordId(this, itemIndex, 'Contact ID', this.getNodeParameter('contactId', itemIndex));
	// Deleting one ID twice deletes nothing more: safe to retry.
	const response = await jtelRequest.call(
		this,
		connection,
		{ method: 'DELETE', path: `/dialler/contacts/contact/${contactId}`, idempotent: true },
		itemIndex,
	);
	return { deleted: true, DiallerContactsID: contactId, status: response.status ?? 200 };
}
