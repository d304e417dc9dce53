import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { JtelClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('contact', 'deleteByUserData', [
	{
		displayName: 'User Data',
		name: 'userData',
		type: 'string',
		required: true,
		default: '',
		description: 'The UserData of the contact to delete. jtel deletes only the first contact that matches.',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const userData = String(this.getNodeParameter('userData', itemIndex, '') ?? '');
	if (userData.trim() === '') throw invalidInput(this.getNode(), itemIndex, 'User Data', 'is empty', 'An empty User Data could match an unrelated contact.');
	// jtel deletes the first match only: a resent call would delete the next one, so never retry it.
	const response = await jtel.call({ method: 'DELETE', path: '/dialler/contacts/contact', qs: { userData }, idempotent: false, itemIndex });
	return { deleted: true, UserData: userData, status: response.status ?? 200 };
}

/** The record this item writes to: the contacts with this User Data. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	const userData = String(this.getNodeParameter('userData', itemIndex, '') ?? '');
	if (userData.trim() === '') throw invalidInput(this.getNode(), itemIndex, 'User Data', 'is empty', 'An empty User Data could match an unrelated contact.');
	return `userData:${userData}`;
}
