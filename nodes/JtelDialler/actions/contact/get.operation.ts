import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { JtelClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { simplifyField } from '../fields';
import { readJtelId } from '../checks';
import { contactPicker } from '../contactPicker';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('contact', 'get', [
	...contactPicker({
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'The DiallerContactsID of the contact',
	}),
	simplifyField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const contactId = readJtelId(this, itemIndex, 'Contact ID', this.getNodeParameter('contactId', itemIndex, undefined, { extractValue: true }));
	const response = await jtel.call({ method: 'GET', path: `/dialler/contacts/${contactId}`, idempotent: true, itemIndex });
	return jtel.foundRecords(response, 'Dialler contact', itemIndex);
}
