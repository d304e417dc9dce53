import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { readJtelId } from '../checks';
import { contactPicker } from '../contactPicker';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('contact', 'delete', [
	...contactPicker({
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'The DiallerContactsID of the contact to delete',
	}),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const contactId = readJtelId(this, itemIndex, 'Contact ID', this.getNodeParameter('contactId', itemIndex, undefined, { extractValue: true }));
	// Deleting one ID twice deletes nothing more: safe to retry.
	const response = await jtel.call({ method: 'DELETE', path: `/dialler/contacts/contact/${contactId}`, idempotent: true, itemIndex });
	return { deleted: true, DiallerContactsID: contactId, status: response.status ?? 200 };
}

/** The record this item writes to: the contact, by ID. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return `id:${readJtelId(this, itemIndex, 'Contact ID', this.getNodeParameter('contactId', itemIndex, undefined, { extractValue: true }))}`;
}
