import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resultList } from '../../transport';
import type { InfluencerSoftClient } from '../../transport';
import { readContactEmail } from '../checks';
import { forOperation, emailField } from '../../../shared/descriptions';

/** Error 501: the contact exists but is in no group, which is an empty answer, not a failure. */
const IN_NO_GROUP = 501;

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('contact', 'getGroupStatuses', [
	emailField('Email of the contact whose groups to get'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const email = readContactEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const answer = await influencerSoft.call({ method: 'GetLeadGroupStatuses', fields: { email }, idempotent: true, emptyOn: [IN_NO_GROUP], itemIndex });
	// One item per contact: its groups (rass_name, rass_title, rass_status, subscription_time) as a list.
	return { email, groups: resultList(answer.result) };
}
