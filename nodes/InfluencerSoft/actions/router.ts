import type { VendorTable } from '../../shared/operations';
import { keyedWrite, overlappedRead } from '../../shared/overlap';
import type { InfluencerSoftClient } from '../transport';
import { connect } from '../transport';
import * as contactAddOrUpdate from './contact/addOrUpdate.operation';
import * as contactAddToGroup from './contact/addToGroup.operation';
import * as contactGetGroupStatuses from './contact/getGroupStatuses.operation';
import * as contactRemoveFromGroup from './contact/removeFromGroup.operation';
import * as groupCountSubscribers from './group/countSubscribers.operation';
import * as groupGetAll from './group/getAll.operation';
import * as orderCreate from './order/create.operation';
import * as orderDelete from './order/delete.operation';
import * as orderUpdateStatus from './order/updateStatus.operation';
import * as partnerGetStats from './partner/getStats.operation';
import * as productDelete from './product/delete.operation';
import * as productGetAll from './product/getAll.operation';

/**
 * Reads and writes overlap as for the other vendors. InfluencerSoft numbers no limit but refuses calls over its
 * per-address one with error 8; the transport reads that as a 429 (the call was not processed): it is sent again and
 * the calls out at once are halved, so the vendor's own answer sets the pace. A small fixed number would not bound the
 * rate anyway: the nearer the server, the more calls a second the same few make. Writes overlap across contacts, orders
 * or products (the operation's `recordKey`); writes to one of them stay one at a time, in input order.
 */
const READ = overlappedRead();
const WRITE = keyedWrite();

/** Every resource and operation (the API method in brackets): the node's selectors, its subtitle and the routing come from here. */
export const INFLUENCERSOFT: VendorTable<InfluencerSoftClient> = {
	defaultResource: 'contact',
	connect,
	resources: {
		contact: {
			name: 'Contact',
			operations: {
				addOrUpdate: {
					name: 'Add or Update',
					action: 'Add or update a contact',
					description: 'Create a contact or update it, its groups and tags (addupdatelead)',
					module: contactAddOrUpdate,
					loop: WRITE,
				},
				addToGroup: { name: 'Add to Group', action: 'Add a contact to groups', description: 'Subscribe a contact to groups (AddLeadToGroup)', module: contactAddToGroup, loop: WRITE },
				getGroupStatuses: {
					name: 'Get Group Statuses',
					action: 'Get the groups of a contact',
					description: 'Groups of a contact and its status in each (GetLeadGroupStatuses)',
					module: contactGetGroupStatuses,
					loop: READ,
				},
				removeFromGroup: {
					name: 'Remove From Group',
					action: 'Remove a contact from a group',
					description: 'Unsubscribe a contact from a group (DeleteSubscribe)',
					module: contactRemoveFromGroup,
					loop: WRITE,
				},
			},
		},
		group: {
			name: 'Group',
			defaultOperation: 'getAll',
			operations: {
				countSubscribers: {
					name: 'Count Subscribers',
					action: 'Count subscribers',
					description: 'Number of contacts in a group or the account (GetCountSubscribe)',
					module: groupCountSubscribers,
					loop: READ,
				},
				getAll: { name: 'Get Many', action: 'Get many groups', description: 'Every contact group except auto-groups (GetAllGroups)', module: groupGetAll, loop: READ },
			},
		},
		order: {
			name: 'Order',
			defaultOperation: 'create',
			operations: {
				create: { name: 'Create', action: 'Create an order', description: 'Issue an invoice to a customer (createorder)', module: orderCreate, loop: WRITE },
				delete: { name: 'Delete', action: 'Delete an order', description: 'Delete an order (DeleteOrder)', module: orderDelete, loop: WRITE },
				updateStatus: {
					name: 'Update Status',
					action: 'Update the status of an order',
					description: 'Mark an order sent, paid, returned or cancelled (UpdateOrderStatus)',
					module: orderUpdateStatus,
					loop: WRITE,
				},
			},
		},
		partner: {
			name: 'Partner',
			operations: {
				getStats: {
					name: 'Get Stats',
					action: 'Get the stats of a partner',
					description: 'Sales statistics of an affiliate partner over a period (GetPartnerStats)',
					module: partnerGetStats,
					loop: READ,
				},
			},
		},
		product: {
			name: 'Product',
			defaultOperation: 'getAll',
			operations: {
				delete: { name: 'Delete', action: 'Delete a product', description: 'Delete a product from the shop (DeleteGood)', module: productDelete, loop: WRITE },
				getAll: { name: 'Get Many', action: 'Get many products', description: 'Every product of the shop (GetAllGoods)', module: productGetAll, loop: READ },
			},
		},
	},
};
