import type { VendorTable } from '../../shared/operations';
import { keyedWrite, overlappedRead } from '../../shared/overlap';
import type { SpreadClient } from '../transport';
import { connect } from '../transport';
import * as addToCagnotte from './cagnotte/add.operation';
import * as getManyCagnotteLines from './cagnotte/getAll.operation';
import * as getCampaign from './campaign/get.operation';
import * as getManyCampaigns from './campaign/getAll.operation';
import * as createCustomer from './customer/create.operation';
import * as createOrUpdateCustomer from './customer/createOrUpdate.operation';
import * as deleteCustomer from './customer/delete.operation';
import * as getCustomer from './customer/get.operation';
import * as getManyCustomers from './customer/getAll.operation';
import * as updateCustomer from './customer/update.operation';
import * as updateCustomerEmail from './customer/updateEmail.operation';
import * as createCustomerEvent from './customerCustomEvent/create.operation';
import * as createOrder from './order/create.operation';
import * as getOrder from './order/get.operation';
import * as getManyOrders from './order/getAll.operation';
import * as updateOrder from './order/update.operation';
import * as getManySponsorships from './sponsorship/getAll.operation';

/**
 * Reads overlap (SPREAD documents no rate limit, so nothing but the number in flight bounds the load: the user may
 * lower it in Request Options). Writes overlap across records: the operation's `recordKey` names the customer or
 * order, and writes to one record stay one at a time, in input order. Update Email touches two addresses at once, so
 * it has no single key and runs one item at a time. PUBLITRAC's OVERLAPPED differs: its documented rate limit is kept
 * by the throttle, which sets the pace whatever the number in flight.
 */
const READ = overlappedRead();
const WRITE = keyedWrite();

/** Every resource and operation of the node: its selectors, its subtitle and the routing come from here. */
export const SPREAD: VendorTable<SpreadClient> = {
	defaultResource: 'customer',
	connect,
	resources: {
		customer: {
			name: 'Customer',
			defaultOperation: 'get',
			operations: {
				create: { name: 'Create', action: 'Create a customer', description: 'Create a customer profile', module: createCustomer, loop: WRITE },
				createOrUpdate: {
					name: 'Create or Update',
					action: 'Create or update a customer',
					description: 'Update the customer with this email, or create it if there is none',
					module: createOrUpdateCustomer,
					loop: WRITE,
				},
				delete: { name: 'Delete', action: 'Delete a customer', description: 'Delete a customer profile', module: deleteCustomer, loop: WRITE },
				get: { name: 'Get', action: 'Get a customer', description: 'Get a customer by SPREAD ID', module: getCustomer, loop: READ },
				getAll: { name: 'Get Many', action: 'Get many customers', description: 'List customers, with filters', module: getManyCustomers, loop: READ },
				update: { name: 'Update', action: 'Update a customer', description: 'Update a customer profile', module: updateCustomer, loop: WRITE },
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
				get: { name: 'Get', action: 'Get a campaign', description: 'Get a campaign by ID', module: getCampaign, loop: READ },
				getAll: { name: 'Get Many', action: 'Get many campaigns', description: 'List the site\'s campaigns', module: getManyCampaigns, loop: READ },
			},
		},
		order: {
			name: 'Order',
			defaultOperation: 'get',
			operations: {
				create: { name: 'Create', action: 'Create an order', description: 'Push a shop order to SPREAD (APIv1 CreateOrder)', module: createOrder, loop: WRITE },
				get: { name: 'Get', action: 'Get an order', description: 'Get an order by merchant order ID', module: getOrder, loop: READ },
				getAll: { name: 'Get Many', action: 'Get many orders', description: 'List orders', module: getManyOrders, loop: READ },
				update: { name: 'Update', action: 'Update an order', description: 'Update a shop order in SPREAD (APIv1 UpdateOrder)', module: updateOrder, loop: WRITE },
			},
		},
		cagnotte: {
			name: 'Cagnotte',
			defaultOperation: 'add',
			operations: {
				add: { name: 'Add Amount', action: 'Add an amount to a cagnotte', description: 'Credit a customer\'s cashback pot', module: addToCagnotte, loop: WRITE },
				getAll: { name: 'Get Many', action: 'Get many cagnotte lines', description: 'List cagnotte lines', module: getManyCagnotteLines, loop: READ },
			},
		},
		customerCustomEvent: {
			name: 'Customer Custom Event',
			defaultOperation: 'create',
			operations: {
				create: { name: 'Create', action: 'Create a customer custom event', description: 'Record a custom event for a customer', module: createCustomerEvent, loop: WRITE },
			},
		},
		sponsorship: {
			name: 'Sponsorship',
			defaultOperation: 'getAll',
			operations: {
				getAll: { name: 'Get Many', action: 'Get many sponsorships', description: 'List sponsorships, with filters', module: getManySponsorships, loop: READ },
			},
		},
	},
};
