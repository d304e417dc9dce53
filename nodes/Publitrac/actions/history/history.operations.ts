import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracSession } from '../../transport';
import { callPublitrac, cdata } from '../../transport';
import { ANSWER_OUTPUT } from '../output';
import type { ItemOperation } from '../../../shared/operations';
import { assertXmlSafe, emailField, optionalFields, requiredText, forOperation, text, validEmail } from '../common';

const leadEmailField = emailField('Email of an existing lead, shorter than 50 characters');

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
export function visitHistoryOperation(method: string, element: string): ItemOperation<PublitracSession> {
	const properties: INodeProperties[] = [
		leadEmailField,
		optionalFields(visitFields),
	];
	return {
		output: ANSWER_OUTPUT,
		description: forOperation('history', method, properties),
		async execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession) {
			const email = validEmail(this.getNode(), itemIndex, 'Email', this.getNodeParameter('email', itemIndex), 50);
			const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const history: IDataObject = {};
			for (const key of VISIT_ORDER) if (given[key] !== undefined) history[key] = text(given[key]);
			const query = { [element]: history };
			assertXmlSafe(this.getNode(), itemIndex, query);
			// Adds a history line: not safe to send twice.
			const answer = await callPublitrac.call(this, session, { method, httpMethod: 'POST', params: { email }, query, idempotent: false }, itemIndex);
			return { email, status: answer.status, message: answer.message };
		},
	};
}

export const addWebVisitHistory = visitHistoryOperation('addWebVisitHistory', 'webvisitleadhistory');
export const addClickLinkHistory = visitHistoryOperation('addClickLinkHistory', 'clicklinkleadhistory');

const fillFormProperties: INodeProperties[] = [
	leadEmailField,
	{ displayName: 'Form Name', name: 'formName', type: 'string', required: true, default: '', description: 'A form that exists in PUBLITRAC' },
	optionalFields([
		{ displayName: 'Context', name: 'context', type: 'string', default: '' },
		{ displayName: 'Information', name: 'information', type: 'string', default: '', placeholder: 'Registration Form' },
		{ displayName: 'Session ID', name: 'sessionId', type: 'string', default: '' },
		{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: '/newsletter.php' },
		{
			displayName: 'Values',
			name: 'values',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: 'Firstname: Claude\nEmail: claude@example.com',
			description: 'What the form held, as text (sent as CDATA)',
		},
	]),
];

export const addFillFormHistory: ItemOperation<PublitracSession> = {
	output: ANSWER_OUTPUT,
	description: forOperation('history', 'addFillFormHistory', fillFormProperties),
	async execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession) {
		const node = this.getNode();
		const email = validEmail(node, itemIndex, 'Email', this.getNodeParameter('email', itemIndex), 50);
		const formName = requiredText(node, itemIndex, 'Form Name', this.getNodeParameter('formName', itemIndex)).trim();
		const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const history: IDataObject = {};
		if (given.information !== undefined) history.information = text(given.information);
		if (given.context !== undefined) history.context = text(given.context);
		history.formName = formName;
		if (given.url !== undefined) history.url = text(given.url);
		if (given.values !== undefined) history.values = cdata(text(given.values));
		if (given.sessionId !== undefined) history.sessionId = text(given.sessionId);
		const query = { fillformleadhistory: history };
		assertXmlSafe(node, itemIndex, query);
		const answer = await callPublitrac.call(
			this,
			session,
			{ method: 'addFillFormHistory', httpMethod: 'POST', params: { email }, query, idempotent: false },
			itemIndex,
		);
		return { email, formName, status: answer.status, message: answer.message };
	},
};
