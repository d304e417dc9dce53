import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import type { ItemOperation } from '../../../shared/operations';
import { additionalFields, emailField, forOperation } from '../../../shared/descriptions';
import { assertXmlSafe, readLeadEmail } from '../checks';
import { asText } from '../../../shared/checks';

export const leadEmailField = emailField('Email of an existing lead, shorter than 50 characters');

const visitFields: INodeProperties[] = [
	{ displayName: 'Context', name: 'context', type: 'string', default: '', placeholder: 'Blog viewed' },
	{ displayName: 'Information', name: 'information', type: 'string', default: '', placeholder: '/blog' },
	{ displayName: 'IP', name: 'ip', type: 'string', default: '' },
	{ displayName: 'Query', name: 'query', type: 'string', default: '', placeholder: 'blog_post=product_abc_launch' },
	{ displayName: 'Referral', name: 'referral', type: 'string', default: '' },
	{ displayName: 'Session ID', name: 'sessionId', type: 'string', default: '' },
	{ displayName: 'URL', name: 'url', type: 'string', default: '' },
	{ displayName: 'User Agent', name: 'userAgent', type: 'string', default: '' },
];

const VISIT_ORDER = ['information', 'context', 'url', 'query', 'referral', 'ip', 'userAgent', 'sessionId'];

/** addWebVisitHistory and addClickLinkHistory: the same children under a different element. */
export function visitHistoryOperation(method: string, element: string): ItemOperation<PublitracClient> {
	const properties: INodeProperties[] = [
		leadEmailField,
		additionalFields(visitFields),
	];
	return {
		description: forOperation('history', method, properties),
		async execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient) {
			const email = readLeadEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
			const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const history: IDataObject = {};
			for (const key of VISIT_ORDER) if (given[key] !== undefined) history[key] = asText(given[key]);
			const query = { [element]: history };
			assertXmlSafe(this, itemIndex, query);
			// Adds a history line: not safe to send twice.
			const answer = await publitrac.call({ method, httpMethod: 'POST', params: { email }, query, idempotent: false, itemIndex });
			return { email, status: answer.status, message: answer.message };
		},
	};
}

