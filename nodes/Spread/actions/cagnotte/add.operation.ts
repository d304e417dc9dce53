import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { emailField, forOperation } from '../../../shared/descriptions';
import { customerIdField } from '../fields';
import { readEmail, readRecordId } from '../../../shared/checks';

export { CAGNOTTE_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('cagnotte', 'add', [
	{
		displayName: 'Identify Customer By',
		name: 'identifyBy',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Customer ID', value: 'customerId' },
		],
		default: 'email',
	},
	{ ...emailField(), displayOptions: { show: { identifyBy: ['email'] } } },
	{ ...customerIdField('The SPREAD ID of the customer'), displayOptions: { show: { identifyBy: ['customerId'] } } },
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		description: 'Amount to add to the customer\'s cagnotte (cashback pot). Sent once: a failed call that may have reached SPREAD is not repeated.',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const identifyBy = this.getNodeParameter('identifyBy', itemIndex) as string;
	const amount = this.getNodeParameter('amount', itemIndex) as number;
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount === 0) {
		throw invalidInput(this.getNode(), itemIndex, 'Amount', `must be a number other than 0, got ${String(amount)}`);
	}
	const body: IDataObject =
		identifyBy === 'customerId'
			? { customerId: readRecordId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex)) }
			: { customer: { email: readEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex)) } };
	body.cagnotte = { amount };
	return await spread.call({ method: 'POST', path: '/cagnottes', body, itemIndex });
}

/** The record this item writes to: the customer whose pot it credits, by ID or by email. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return this.getNodeParameter('identifyBy', itemIndex) === 'customerId'
		? `id:${readRecordId(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex))}`
		: `email:${readEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex)).toLowerCase()}`;
}
