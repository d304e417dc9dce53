import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import { callApi } from '../../transport';
import type { InfluencerSoftAccount } from '../../transport';
import { checkEmail } from '../../validation';
import { emailField, forOperation, groupField } from '../common';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('contact', 'removeFromGroup', [
	emailField('The contact’s email'),
	groupField('Group to unsubscribe the contact from. '),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, account: InfluencerSoftAccount): Promise<IDataObject> {
	const node = this.getNode();
	const email = checkEmail(node, itemIndex, 'Email', this.getNodeParameter('email', itemIndex) as string);
	const group = String(this.getNodeParameter('group', itemIndex) ?? '').trim();
	if (group === '') throw invalidInput(node, itemIndex, 'Group Name or ID', 'choose a group');
	const answer = await callApi.call(
		this,
		account,
		{ method: 'DeleteSubscribe', fields: { lead_email: email, rass_name: group }, idempotent: false },
		itemIndex,
	);
	return { success: true, message: answer.errorText, email, group };
}
