import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/itemLoop';
import type { SpreadConnection } from '../../transport';
import { normalizeCustomer } from '../../transport';
import { emailField, forOperation, requireEmail } from '../common';
import { buildCustomerBody, customerDataFields } from './customerFields';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'create', [
	emailField('email', 'Email'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerDataFields(),
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadConnection): Promise<ItemResult> {
	const email = requireEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const customer = { email, ...buildCustomerBody(this, itemIndex, fields) };
	const response = await spread.call({ method: 'POST', path: '/customers', body: { customer }, itemIndex });
	return spread.requireRecord(response, 'customer', itemIndex).map(normalizeCustomer);
}
