import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { callPublitrac, requireLeads } from '../../transport';
import type { PublitracOperation } from '../common';
import { dropEmptyFields, perItemOverlapped, requiredText, forOperation, simplifyField } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'External ID', name: 'externalId', type: 'string', required: true, default: '', description: "The lead's ID in your own system (its CRM lead ID in PUBLITRAC)" },
	simplifyField,
];

export const getLeadByExternalId: PublitracOperation = {
	description: forOperation('lead', 'getLeadByExternalId', properties),
	async execute(this: IExecuteFunctions, session: PublitracSession) {
		return await perItemOverlapped.call(this, session, async (itemIndex) => {
			const externalId = requiredText(this.getNode(), itemIndex, 'External ID', this.getNodeParameter('externalId', itemIndex)).trim();
			const answer = await callPublitrac.call(
				this,
				session,
				{ method: 'getLeadByExternalId', httpMethod: 'GET', params: { externalId }, idempotent: true },
				itemIndex,
			);
			const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
			return requireLeads.call(this, session, 'getLeadByExternalId', answer, itemIndex).map((lead) => (simplify ? dropEmptyFields(lead) : lead));
		});
	},
};
