import type { VendorTable } from '../../shared/operations';
import type { ItemLoopOptions } from '../../shared/itemLoop';
import type { PublitracClient } from '../transport';
import { CALLS_PER_SECOND, connect } from '../transport';
import * as addEmailCampaign from './campaign/addEmailCampaign.operation';
import * as executeCampaign from './campaign/executeCampaign.operation';
import * as getCampaigns from './campaign/getCampaigns.operation';
import * as createTransaction from './ecommerce/createTransaction.operation';
import * as addClickLinkHistory from './history/addClickLinkHistory.operation';
import * as addFillFormHistory from './history/addFillFormHistory.operation';
import * as addWebVisitHistory from './history/addWebVisitHistory.operation';
import * as addLead from './lead/addLead.operation';
import * as deleteLead from './lead/deleteLead.operation';
import * as getLead from './lead/getLead.operation';
import * as getLeadByExternalId from './lead/getLeadByExternalId.operation';
import * as getLeadByTokenId from './lead/getLeadByTokenId.operation';
import * as getLeads from './lead/getLeads.operation';
import * as removeLeadFromList from './lead/removeLeadFromList.operation';
import * as syncLead from './lead/syncLead.operation';
import * as updateLead from './lead/updateLead.operation';
import * as addLeadsToList from './list/addLeadsToList.operation';
import * as getList from './list/getList.operation';
import * as getOpportunities from './opportunity/getOpportunities.operation';
import * as syncOpportunity from './opportunity/syncOpportunity.operation';
import * as getView from './view/getView.operation';

/**
 * For calls that are safe to overlap (reads and upserts): many items under way at once, while the shared throttle
 * sends their calls at the credential's rate, so the calls in flight settle at rate × latency by themselves. Two
 * seconds of calls at PUBLITRAC's 35/s keep the rate up to 2 s of latency, and while refused calls wait their Retry-After.
 * Unlike SPREAD's READ (overlappedRead, which the user may lower in Request Options), the number is fixed: PUBLITRAC
 * documents a rate limit, so the throttle, not the number in flight, sets the pace and there is nothing to tune.
 */
const OVERLAPPED: ItemLoopOptions = { concurrency: 2 * CALLS_PER_SECOND };

/**
 * Every resource and operation (valued by the API method's name): the node's selectors, its subtitle and the
 * routing come from here. Reads and upserts overlap (OVERLAPPED); calls that add or send run one item at a time.
 */
export const PUBLITRAC: VendorTable<PublitracClient> = {
	defaultResource: 'lead',
	connect,
	resources: {
		lead: {
			name: 'Lead',
			defaultOperation: 'getLeads',
			operations: {
				// Create and Delete run one item at a time: neither is resent after an unsure failure.
				addLead: { name: 'Create', action: 'Create a lead', description: 'Create a new lead; fails if its email exists', module: addLead },
				deleteLead: { name: 'Delete', action: 'Delete a lead', description: 'Delete a lead by its email address', module: deleteLead },
				getLead: { name: 'Get by Email', action: 'Get a lead by email', description: 'Find one lead by its email address', module: getLead, loop: OVERLAPPED },
				getLeadByExternalId: {
					name: 'Get by External ID',
					action: 'Get a lead by external ID',
					description: "Find one lead by your system's ID",
					module: getLeadByExternalId,
					loop: OVERLAPPED,
				},
				getLeadByTokenId: {
					name: 'Get by Tracking Token',
					action: 'Get a lead by tracking token',
					description: 'Find the lead of a tracked web visitor by its token',
					module: getLeadByTokenId,
					loop: OVERLAPPED,
				},
				removeLeadFromList: {
					name: 'Remove From List',
					action: 'Remove a lead from a list',
					description: 'Take a lead out of a static list',
					module: removeLeadFromList,
					loop: OVERLAPPED,
				},
				getLeads: { name: 'Search', action: 'Search leads', description: 'Find leads matching conditions, or all leads', module: getLeads },
				syncLead: { name: 'Sync', action: 'Create or update a lead', description: 'Create the lead, or update it when it exists', module: syncLead, loop: OVERLAPPED },
				updateLead: {
					name: 'Update',
					action: 'Update a lead',
					description: 'Update an existing lead; fails if it does not exist',
					module: updateLead,
					loop: OVERLAPPED,
				},
			},
		},
		list: {
			name: 'List',
			defaultOperation: 'getList',
			operations: {
				addLeadsToList: { name: 'Add Leads', action: 'Add leads to a list', description: 'Add the leads of all items to a static list, in batches', module: addLeadsToList },
				getList: { name: 'Get Leads', action: 'Get the leads of a list', description: 'Get the leads in a list', module: getList },
			},
		},
		view: {
			name: 'View',
			operations: {
				getView: { name: 'Get Leads', action: 'Get the leads of a view', description: 'Get the leads in a filtered list', module: getView },
			},
		},
		history: {
			name: 'History',
			defaultOperation: 'addWebVisitHistory',
			operations: {
				addClickLinkHistory: { name: 'Add Click', action: 'Add a link click to a lead history', description: "Record a link click in a lead's history", module: addClickLinkHistory },
				addFillFormHistory: {
					name: 'Add Form Fill',
					action: 'Add a form submission to a lead history',
					description: "Record a submitted form in a lead's history",
					module: addFillFormHistory,
				},
				addWebVisitHistory: { name: 'Add Web Visit', action: 'Add a web visit to a lead history', description: "Record a page visit in a lead's history", module: addWebVisitHistory },
			},
		},
		campaign: {
			name: 'Campaign',
			defaultOperation: 'getCampaigns',
			operations: {
				executeCampaign: {
					name: 'Execute',
					action: 'Put leads in campaigns',
					description: 'Put the leads of all items in automated campaigns, in batches',
					module: executeCampaign,
				},
				getCampaigns: { name: 'Get Many', action: 'Get many campaigns', description: 'List the tracking campaigns', module: getCampaigns },
				addEmailCampaign: {
					name: 'Send Email',
					action: 'Send an email campaign',
					description: 'Create an email campaign and send it to the leads of all items, 50 a call',
					module: addEmailCampaign,
				},
			},
		},
		opportunity: {
			name: 'Opportunity',
			defaultOperation: 'getOpportunities',
			operations: {
				getOpportunities: { name: 'Get Many', action: 'Get many opportunities', description: 'List the opportunities', module: getOpportunities },
				syncOpportunity: {
					name: 'Sync',
					action: 'Create or update an opportunity',
					description: 'Create the opportunity, or update it when its ID exists',
					module: syncOpportunity,
					loop: OVERLAPPED,
				},
			},
		},
		ecommerce: {
			name: 'E-Commerce',
			operations: {
				createTransaction: { name: 'Create Transaction', action: 'Create a transaction', description: "Record a sale in a lead's e-commerce history", module: createTransaction },
			},
		},
	},
};
