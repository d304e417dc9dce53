import type { VendorTable } from '../../shared/operations';
import { keyedWrite, overlappedRead } from '../../shared/overlap';
import type { JtelClient } from '../transport';
import { connect } from '../transport';
import * as getCampaign from './campaign/get.operation';
import * as getManyCampaigns from './campaign/getAll.operation';
import * as deleteContact from './contact/delete.operation';
import * as deleteContactByUserData from './contact/deleteByUserData.operation';
import * as getContact from './contact/get.operation';
import * as getManyContacts from './contact/getAll.operation';
import * as importContact from './contact/import.operation';

/**
 * Reads overlap, and writes overlap across contacts (the operation's `recordKey`: User Data, phone number or ID;
 * writes to one contact stay one at a time, in input order). jtel documents no rate limit; its server is often the
 * call centre's own, busy placing calls, so a 429 lowers the items under way (nodes/shared/inFlightLimit.ts).
 */
const READ = overlappedRead();
const WRITE = keyedWrite();

/** Every resource and operation of the node: its selectors, its subtitle and the routing come from here. */
export const JTEL: VendorTable<JtelClient> = {
	defaultResource: 'contact',
	connect,
	resources: {
		contact: {
			name: 'Contact',
			defaultOperation: 'import',
			operations: {
				import: { name: 'Import', action: 'Import a contact', description: 'Import a contact into a dialler campaign, chosen by ID or by name', module: importContact, loop: WRITE },
				get: { name: 'Get', action: 'Get a contact', description: 'Get a dialler contact by ID', module: getContact, loop: READ },
				getAll: { name: 'Get Many', action: 'Get many contacts', description: 'Get many dialler contacts, optionally of one campaign', module: getManyContacts, loop: READ },
				delete: { name: 'Delete', action: 'Delete a contact', description: 'Delete a dialler contact by ID', module: deleteContact, loop: WRITE },
				deleteByUserData: {
					name: 'Delete by User Data',
					action: 'Delete a contact by user data',
					description: 'Delete the first dialler contact whose UserData matches',
					module: deleteContactByUserData,
					loop: WRITE,
				},
			},
		},
		campaign: {
			name: 'Campaign',
			defaultOperation: 'getAll',
			operations: {
				get: { name: 'Get', action: 'Get a campaign', description: 'Get a dialler campaign by ID', module: getCampaign, loop: READ },
				getAll: { name: 'Get Many', action: 'Get many campaigns', description: 'Get many dialler campaigns', module: getManyCampaigns, loop: READ },
			},
		},
	},
};
