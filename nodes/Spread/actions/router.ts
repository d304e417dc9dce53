import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemLoop';
import { connectSpread } from '../transport';
import * as addToCagnotte from './cagnotte/add.operation';
import * as getManyCagnotteLines from './cagnotte/getAll.operation';
import * as getCampaign from './campaign/get.operation';
import * as getManyCampaigns from './campaign/getAll.operation';
import type { SpreadOperation } from './common';
import * as createCustomer from './customer/create.operation';
import * as createOrUpdateCustomer from './customer/createOrUpdate.operation';
import * as deleteCustomer from './customer/delete.operation';
import * as getCustomer from './customer/get.operation';
import * as getManyCustomers from './customer/getAll.operation';
import * as updateCustomer from './customer/update.operation';
import * as updateCustomerEmail from './customer/updateEmail.operation';
import * as createCustomerEvent from './customerCustomEvent/create.operation';
import * as getOrder from './order/get.operation';
import * as getManyOrders from './order/getAll.operation';
import * as getManySponsorships from './sponsorship/getAll.operation';

interface OperationEntry {
	name: string;
	action: string;
	description: string;
	module: SpreadOperation;
}

interface ResourceEntry {
	name: string;
	defaultOperation: string;
	operations: Record<string, OperationEntry>;
}

/** Every resource and operation of the node: the UI's selectors and the routing both come from here. */
const RESOURCES: Record<string, ResourceEntry> = {
	customer: {
		name: 'Customer',
		defaultOperation: 'get',
		operations: {
			create: { name: 'Create', action: 'Create a customer', description: 'Create a customer profile', module: createCustomer },
			createOrUpdate: {
				name: 'Create or Update',
				action: 'Create or update a customer',
				description: 'Update the customer with this email, or create it if there is none',
				module: createOrUpdateCustomer,
			},
			delete: { name: 'Delete', action: 'Delete a customer', description: 'Delete a customer profile', module: deleteCustomer },
			get: { name: 'Get', action: 'Get a customer', description: 'Get a customer by SPREAD ID', module: getCustomer },
			getAll: { name: 'Get Many', action: 'Get many customers', description: 'List customers, with filters', module: getManyCustomers },
			update: { name: 'Update', action: 'Update a customer', description: 'Update a customer profile', module: updateCustomer },
			updateEmail: {
				name: 'Update Email',
				action: 'Change a customer email',
				description: 'Change the email address of a customer',
				module: updateCustomerEmail,
			},
		},
	},
	campaign: {
		name: 'Campaign',
		defaultOperation: 'get',
		operations: {
			get: { name: 'Get', action: 'Get a campaign', description: 'Get a campaign by ID', module: getCampaign },
			getAll: { name: 'Get Many', action: 'Get many campaigns', description: 'List the site\'s campaigns', module: getManyCampaigns },
		},
	},
	order: {
		name: 'Order',
		defaultOperation: 'get',
		operations: {
			get: { name: 'Get', action: 'Get an order', description: 'Get an order by merchant order ID', module: getOrder },
			getAll: { name: 'Get Many', action: 'Get many orders', description: 'List orders', module: getManyOrders },
		},
	},
	cagnotte: {
		name: 'Cagnotte',
		defaultOperation: 'add',
		operations: {
			add: { name: 'Add Amount', action: 'Add an amount to a cagnotte', description: 'Credit a customer\'s cashback pot', module: addToCagnotte },
			getAll: { name: 'Get Many', action: 'Get many cagnotte lines', description: 'List cagnotte lines', module: getManyCagnotteLines },
		},
	},
	customerCustomEvent: {
		name: 'Customer Custom Event',
		defaultOperation: 'create',
		operations: {
			create: { name: 'Create', action: 'Create a customer custom event', description: 'Record a custom event for a customer', module: createCustomerEvent },
		},
	},
	sponsorship: {
		name: 'Sponsorship',
		defaultOperation: 'getAll',
		operations: {
			getAll: { name: 'Get Many', action: 'Get many sponsorships', description: 'List sponsorships, with filters', module: getManySponsorships },
		},
	},
};

/** Resource and Operation selectors, then every operation's own fields. */
export function spreadProperties(): INodeProperties[] {
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: Object.entries(RESOURCES)
			.map(([value, resource]) => ({ name: resource.name, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'customer',
	};
	const operationSelectors = Object.entries(RESOURCES).map(
		([resource, { defaultOperation, operations }]): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			default: defaultOperation,
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: Object.entries(operations).map(([value, operation]) => ({
				name: operation.name,
				value,
				action: operation.action,
				description: operation.description,
			})),
		}),
	);
	const fields = Object.values(RESOURCES).flatMap((entry) => Object.values(entry.operations).flatMap((operation) => operation.module.description));
	return [resourceSelector, ...operationSelectors, ...fields];
}

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const entry = RESOURCES[resource]?.operations[operation];
	if (!entry) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	const spread = await connectSpread(this);
	return [await runForEachItem.call(this, async (itemIndex) => await entry.module.execute.call(this, itemIndex, spread), spread.secrets)];
}
