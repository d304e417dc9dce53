import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callApi, resultList } from '../../transport';
import type { InfluencerSoftAccount } from '../../transport';
import { checkEmail } from '../../validation';
import { emailField, forOperation } from '../common';

/** Error 501: the contact exists but is in no group, which is an empty answer, not a failure. */
const IN_NO_GROUP = 501;

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('contact', 'getGroupStatuses', [
	emailField('Email of the contact whose groups to get'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, account: InfluencerSoftAccount): Promise<IDataObject> {
	const email = checkEmail(this.getNode(), itemIndex, 'Email', this.getNodeParameter('email', itemIndex) as string);
	const answer = await callApi.call(
		this,
		account,
		{ method: 'GetLeadGroupStatuses', fields: { email }, idempotent: true, emptyOn: [IN_NO_GROUP] },
		itemIndex,
	);
	// One item per contact: its groups (rass_name, rass_title, rass_status, subscription_time) as a list.
	return { email, groups: resultList(answer.result) };
}
