import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { PublitracClient } from '../../transport';
import type { CheckContext } from '../../../shared/checks';
import type { ItemResult } from '../../../shared/operations';
import { additionalFields, forOperation } from '../../../shared/descriptions';
import { assertXmlSafe, readPublitracDate, readWholeNumber } from '../checks';
import { asText, readText } from '../../../shared/checks';

/** The ten sales stages of the document's annex. */
export const SALES_STAGES = [
	'Prospecting',
	'Qualification',
	'Needs Analysis',
	'Value Proposition',
	'Id. Decision Makers',
	'Perception Analysis',
	'Proposal/Price Quote',
	'Negotiation/Review',
	'Closed Won',
	'Closed Lost',
];

const properties: INodeProperties[] = [
	{ displayName: 'Opportunity ID', name: 'opportunityId', type: 'string', required: true, default: '', description: "Your system's ID for the opportunity; PUBLITRAC creates it when unknown" },
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{
		displayName: 'Sales Stage',
		name: 'salesStage',
		type: 'options',
		options: SALES_STAGES.map((stage) => ({ name: stage, value: stage })),
		required: true,
		default: 'Prospecting',
	},
	{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { numberPrecision: 0 }, required: true, default: 0, description: 'Whole amount of the sale' },
	{ displayName: 'Probability', name: 'probability', type: 'number', typeOptions: { minValue: 1, maxValue: 100 }, required: true, default: 50, description: 'Chance of winning, 1 to 100' },
	{
		displayName: 'Lead IDs',
		name: 'leadIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'CRM_ID134, CRM_ID135',
		description:
			'At least one: the annex of the PUBLITRAC document lists the leads as mandatory. Comma-separated (or a list in an expression) CRM Lead IDs, the External ID each lead was given by Sync Lead; PUBLITRAC refuses an ID it does not know (9005).',
	},
	additionalFields([
		{ displayName: 'Account Name', name: 'accountName', type: 'string', default: '' },
		{ displayName: 'Campaign Name', name: 'campaignName', type: 'string', default: '' },
		{
			displayName: 'Date Closed',
			name: 'dateClosed',
			type: 'dateTime',
			default: '',
			description: 'Required once the stage is Closed Won or Closed Lost. Sent as yyyy-mm-dd.',
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Lead Source', name: 'leadSource', type: 'string', default: '' },
		{ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder: 'New Business' },
	]),
];

/** The opportunity's leads, required by the annex: comma-separated text, or a list from an expression. */
function readLeadIds(context: CheckContext, itemIndex: number, value: unknown): string[] {
	const ids = (Array.isArray(value) ? value.map(asText) : asText(value).split(','))
		.map((id) => id.trim())
		.filter(Boolean);
	if (ids.length === 0) {
		throw invalidInput(context.getNode(), itemIndex, 'Lead IDs', 'needs at least one lead ID', 'PUBLITRAC requires the leads of an opportunity: give the CRM Lead IDs (External IDs) of leads already synced.');
	}
	return [...new Set(ids)];
}

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('opportunity', 'syncOpportunity', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const node = this.getNode();
	const salesStage = asText(this.getNodeParameter('salesStage', itemIndex));
	if (!SALES_STAGES.includes(salesStage)) {
		throw invalidInput(node, itemIndex, 'Sales Stage', `"${salesStage}" is not one of PUBLITRAC's stages`, `Use one of: ${SALES_STAGES.join(', ')}`);
	}
	const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const dateClosed = asText(given.dateClosed) === '' ? undefined : readPublitracDate(this, itemIndex, 'Additional Fields > Date Closed', given.dateClosed, false);
	if (!dateClosed && salesStage.startsWith('Closed')) {
		throw invalidInput(node, itemIndex, 'Additional Fields > Date Closed', `is required when the sales stage is ${salesStage}`);
	}
	const opportunity: IDataObject = {
		id: readText(this, itemIndex, 'Opportunity ID', this.getNodeParameter('opportunityId', itemIndex)).trim(),
		name: readText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex)),
	};
	if (given.description !== undefined) opportunity.description = asText(given.description);
	if (given.type !== undefined) opportunity.type = asText(given.type);
	if (given.accountName !== undefined) opportunity.accountName = asText(given.accountName);
	opportunity.salesStage = salesStage;
	if (given.campaignName !== undefined) opportunity.campaignName = asText(given.campaignName);
	if (given.leadSource !== undefined) opportunity.leadSource = asText(given.leadSource);
	opportunity.amount = readWholeNumber(this, itemIndex, 'Amount', this.getNodeParameter('amount', itemIndex));
	if (dateClosed) opportunity.dateClosed = dateClosed;
	opportunity.probability = readWholeNumber(this, itemIndex, 'Probability', this.getNodeParameter('probability', itemIndex), 1, 100);
	opportunity.leads = { leadId: readLeadIds(this, itemIndex, this.getNodeParameter('leadIds', itemIndex, '')) };
	const query = { opportunity };
	assertXmlSafe(this, itemIndex, query);
	// An upsert by ID: sending it twice leaves the same opportunity.
	const answer = await publitrac.call({ method: 'syncOpportunity', httpMethod: 'POST', query, idempotent: true, itemIndex });
	return { id: opportunity.id, status: answer.status, message: answer.message };
}
