import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { InfluencerSoftClient } from '../../transport';
import { groupField } from '../fields';
import { groupPicker, PICKED_VALUE } from '../pickers';
import { readContactEmail } from '../checks';
import { forOperation, emailField } from '../../../shared/descriptions';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('contact', 'removeFromGroup', [
	emailField('The contact’s email'),
	...groupPicker(groupField('Group to unsubscribe the contact from. '), 'The group to unsubscribe the contact from'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const node = this.getNode();
	const email = readContactEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const group = String(this.getNodeParameter('group', itemIndex, '', PICKED_VALUE) ?? '').trim();
	if (group === '') throw invalidInput(node, itemIndex, 'Group Name or ID', 'choose a group');
	const answer = await influencerSoft.call({ method: 'DeleteSubscribe', fields: { lead_email: email, rass_name: group }, idempotent: false, itemIndex });
	return { success: true, message: answer.errorText, email, group };
}

/** The record this item writes to: the contact, by email. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return `email:${readContactEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex)).toLowerCase()}`;
}
