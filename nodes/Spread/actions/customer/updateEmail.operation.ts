import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { normalizeCustomer } from './typedCustomer';
import { emailField, forOperation } from '../../../shared/descriptions';
import { readEmail } from '../../../shared/checks';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'updateEmail', [
	emailField(undefined, { name: 'oldEmail', displayName: 'Current Email' }),
	emailField(undefined, { name: 'newEmail', displayName: 'New Email' }),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const oldEmail = readEmail(this, itemIndex, 'Current Email', this.getNodeParameter('oldEmail', itemIndex));
	const newEmail = readEmail(this, itemIndex, 'New Email', this.getNodeParameter('newEmail', itemIndex));
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
