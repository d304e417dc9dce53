import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { normalizeCustomer } from './typedCustomer';
import { emailField, forOperation } from '../../../shared/descriptions';
import { buildCustomerBody, customerDataFields } from './customerFields';
import { readEmail } from '../../../shared/checks';
import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { mapperParameter } from '../../../shared/resourceMapper';
import { mappedCustomer } from './customerMapping';

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'create', [
	...version1Only([emailField(), {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerDataFields(),
	}]),
	...version2Only([mapperParameter({ method: 'getCustomerCreateFields', mode: 'add', record: 'customer' })]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const mapped = usesVersion2Fields(this) ? mappedCustomer(this, itemIndex) : undefined;
	const email = readEmail(this, itemIndex, 'Email', mapped ? mapped.email : this.getNodeParameter('email', itemIndex));
	const fields = mapped ?? (this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const customer = { email, ...buildCustomerBody(this, itemIndex, fields) };
	const response = await spread.call({ method: 'POST', path: '/customers', body: { customer }, itemIndex });
	return spread.requireRecord(response, 'customer', itemIndex).map(normalizeCustomer);
}

/** The record this item writes to: its customer, by email (SPREAD matches emails case-insensitively). */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	const email = usesVersion2Fields(this) ? mappedCustomer(this, itemIndex).email : this.getNodeParameter('email', itemIndex);
	return `email:${readEmail(this, itemIndex, 'Email', email).toLowerCase()}`;
}
