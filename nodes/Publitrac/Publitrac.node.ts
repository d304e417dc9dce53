import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { OPERATIONS, route } from './actions/router';
import { getCampaigns } from './methods/loadOptions';

const resourceField: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Campaign', value: 'campaign' },
		{ name: 'E-Commerce', value: 'ecommerce' },
		{ name: 'History', value: 'history' },
		{ name: 'Lead', value: 'lead' },
		{ name: 'List', value: 'list' },
		{ name: 'Opportunity', value: 'opportunity' },
		{ name: 'View', value: 'view' },
	],
	default: 'lead',
};

function operationField(resource: string, defaultOperation: string, options: Array<{ name: string; value: string; action: string; description: string }>): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

const operationFields: INodeProperties[] = [
	operationField('lead', 'getLeads', [
		{ name: 'Create', value: 'addLead', action: 'Create a lead', description: 'Create a new lead; fails if its email exists' },
		{ name: 'Delete', value: 'deleteLead', action: 'Delete a lead', description: 'Delete a lead by its email address' },
		{ name: 'Get by Email', value: 'getLead', action: 'Get a lead by email', description: 'Find one lead by its email address' },
		{ name: 'Get by External ID', value: 'getLeadByExternalId', action: 'Get a lead by external ID', description: "Find one lead by your system's ID" },
		{ name: 'Get by Tracking Token', value: 'getLeadByTokenId', action: 'Get a lead by tracking token', description: 'Find the lead of a tracked web visitor by its token' },
		{ name: 'Remove From List', value: 'removeLeadFromList', action: 'Remove a lead from a list', description: 'Take a lead out of a static list' },
		{ name: 'Search', value: 'getLeads', action: 'Search leads', description: 'Find leads matching conditions, or all leads' },
		{ name: 'Sync', value: 'syncLead', action: 'Create or update a lead', description: 'Create the lead, or update it when it exists' },
		{ name: 'Update', value: 'updateLead', action: 'Update a lead', description: 'Update an existing lead; fails if it does not exist' },
	]),
	operationField('list', 'getList', [
		{ name: 'Add Leads', value: 'addLeadsToList', action: 'Add leads to a list', description: 'Add the leads of all items to a static list, in batches' },
		{ name: 'Get Leads', value: 'getList', action: 'Get the leads of a list', description: 'Get the leads in a list' },
	]),
	operationField('view', 'getView', [
		{ name: 'Get Leads', value: 'getView', action: 'Get the leads of a view', description: 'Get the leads in a filtered list' },
	]),
	operationField('history', 'addWebVisitHistory', [
		{ name: 'Add Click', value: 'addClickLinkHistory', action: 'Add a link click to a lead history', description: "Record a link click in a lead's history" },
		{ name: 'Add Form Fill', value: 'addFillFormHistory', action: 'Add a form submission to a lead history', description: "Record a submitted form in a lead's history" },
		{ name: 'Add Web Visit', value: 'addWebVisitHistory', action: 'Add a web visit to a lead history', description: "Record a page visit in a lead's history" },
	]),
	operationField('campaign', 'getCampaigns', [
		{ name: 'Execute', value: 'executeCampaign', action: 'Put leads in campaigns', description: 'Put the leads of all items in automated campaigns, in batches' },
		{ name: 'Get Many', value: 'getCampaigns', action: 'Get many campaigns', description: 'List the tracking campaigns' },
		{ name: 'Send Email', value: 'addEmailCampaign', action: 'Send an email campaign', description: 'Create an email campaign and send it to the leads of all items, 50 a call' },
	]),
	operationField('opportunity', 'getOpportunities', [
		{ name: 'Get Many', value: 'getOpportunities', action: 'Get many opportunities', description: 'List the opportunities' },
		{ name: 'Sync', value: 'syncOpportunity', action: 'Create or update an opportunity', description: 'Create the opportunity, or update it when its ID exists' },
	]),
	operationField('ecommerce', 'createTransaction', [
		{ name: 'Create Transaction', value: 'createTransaction', action: 'Create a transaction', description: "Record a sale in a lead's e-commerce history" },
	]),
];

export class Publitrac implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PUBLITRAC',
		name: 'publitrac',
		icon: { light: 'file:publitrac.svg', dark: 'file:publitrac.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Sync leads, lists, campaigns and opportunities with PUBLITRAC marketing automation',
		defaults: { name: 'PUBLITRAC' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'publitracApi', required: true }],
		properties: [
			{
				displayName: 'PUBLITRAC allows 35 calls a second per account; this node keeps to it across items and executions.',
				name: 'rateNotice',
				type: 'notice',
				default: '',
			},
			resourceField,
			...operationFields,
			...Object.values(OPERATIONS).flatMap((operations) => Object.values(operations).flatMap((operation) => operation.description)),
		],
	};

	methods = { loadOptions: { getCampaigns } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
