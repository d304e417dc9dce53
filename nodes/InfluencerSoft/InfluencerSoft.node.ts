import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operations, router } from './actions/router';
import { getGroups, getProducts } from './methods/loadOptions';

const resourceField: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'contact',
	options: [
		{ name: 'Contact', value: 'contact' },
		{ name: 'Group', value: 'group' },
		{ name: 'Order', value: 'order' },
		{ name: 'Partner', value: 'partner' },
		{ name: 'Product', value: 'product' },
	],
};

const operationFields: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		default: 'addOrUpdate',
		options: [
			{ name: 'Add or Update', value: 'addOrUpdate', action: 'Add or update a contact', description: 'Create a contact or update it, its groups and tags (addupdatelead)' },
			{ name: 'Add to Group', value: 'addToGroup', action: 'Add a contact to groups', description: 'Subscribe a contact to groups (AddLeadToGroup)' },
			{ name: 'Get Group Statuses', value: 'getGroupStatuses', action: 'Get the groups of a contact', description: 'Groups of a contact and its status in each (GetLeadGroupStatuses)' },
			{ name: 'Remove From Group', value: 'removeFromGroup', action: 'Remove a contact from a group', description: 'Unsubscribe a contact from a group (DeleteSubscribe)' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		default: 'getAll',
		options: [
			{ name: 'Count Subscribers', value: 'countSubscribers', action: 'Count subscribers', description: 'Number of contacts in a group or the account (GetCountSubscribe)' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many groups', description: 'Every contact group except auto-groups (GetAllGroups)' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		default: 'create',
		options: [
			{ name: 'Create', value: 'create', action: 'Create an order', description: 'Issue an invoice to a customer (createorder)' },
			{ name: 'Delete', value: 'delete', action: 'Delete an order', description: 'Delete an order (DeleteOrder)' },
			{ name: 'Update Status', value: 'updateStatus', action: 'Update the status of an order', description: 'Mark an order sent, paid, returned or cancelled (UpdateOrderStatus)' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['partner'] } },
		default: 'getStats',
		options: [
			{ name: 'Get Stats', value: 'getStats', action: 'Get the stats of a partner', description: 'Sales statistics of an affiliate partner over a period (GetPartnerStats)' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		default: 'getAll',
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a product', description: 'Delete a product from the shop (DeleteGood)' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many products', description: 'Every product of the shop (GetAllGoods)' },
		],
	},
];

export class InfluencerSoft implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InfluencerSoft',
		name: 'influencerSoft',
		icon: { light: 'file:influencersoft.svg', dark: 'file:influencersoft.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Add and update contacts, manage groups, orders, products and partner stats in InfluencerSoft',
		defaults: { name: 'InfluencerSoft' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'influencerSoftApi', required: true }],
		properties: [
			resourceField,
			...operationFields,
			...Object.values(operations).flatMap((byOperation) => Object.values(byOperation).flatMap((module) => module.description)),
		],
	};

	methods = { loadOptions: { getGroups, getProducts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
