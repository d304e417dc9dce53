import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { ItemResult } from '../../../shared/itemLoop';
import type { SpreadConnection } from '../../transport';
import { normalizeCustomer } from '../../transport';
import { emailField, forOperation, requireEmail } from '../common';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'updateEmail', [
	emailField('oldEmail', 'Current Email'),
	emailField('newEmail', 'New Email'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection): Promise<ItemResult> {
	const oldEmail = requireEmail(this, itemIndex, 'Current Email', this.getNodeParameter('oldEmail', itemIndex));
	const newEmail = requireEmail(this, itemIndex, 'New Email', this.getNodeParameter('newEmail', itemIndex));
	if (oldEmail.toLowerCase() === newEmail.toLowerCase()) {
		throw invalidInput(this.getNode(), itemIndex, 'New Email', 'is the same as the current email');
	}
	// Not repeated on an ambiguous failure: once applied, the old address no longer exists.
	const response = await spread.call({
		method: 'PUT',
		path: '/customers/email/update',
		body: { customer: { old_email: oldEmail, new_email: newEmail } },
		idempotent: false,
		itemIndex,
	});
	return spread.requireRecord(response, 'customer', itemIndex).map(normalizeCustomer);
}
