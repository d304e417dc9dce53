import type { VendorTable } from '../../shared/operations';
import type { PopsellClient } from '../transport';
import { connect } from '../transport';
import * as buildErrorResponse from './contact/buildErrorResponse.operation';
import * as buildImportResponse from './contact/buildImportResponse.operation';
import * as computeToken from './utility/computeToken.operation';

/** Every resource and operation of the node: its selectors, its subtitle and the routing come from here. */
export const POPSELL: VendorTable<PopsellClient> = {
	defaultResource: 'contact',
	connect,
	resources: {
		contact: {
			name: 'Contact',
			defaultOperation: 'buildImportResponse',
			operations: {
				buildImportResponse: {
					name: 'Build Import Response',
					action: 'Build the contact import response',
					description: 'Turn the incoming items, one per contact, into Popsell\'s answer and send it',
					module: buildImportResponse,
				},
				buildErrorResponse: {
					name: 'Build Error Response',
					action: 'Build an error response',
					description: 'Answer Popsell that the contacts could not be given',
					module: buildErrorResponse,
				},
			},
		},
		utility: {
			name: 'Utility',
			operations: {
				computeToken: {
					name: 'Compute Token',
					action: 'Compute a token',
					description: 'The token Popsell sends for a customer ID: to test an endpoint or call an existing service',
					module: computeToken,
				},
			},
		},
	},
};
