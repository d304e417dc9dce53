import type { IExecuteFunctions } from 'n8n-workflow';

import type { VendorConnection } from '../shared/operations';
import type { PopsellSecret } from './token';
import { readPopsellSecret } from './token';

/** Popsell calls us, so the node sends nothing out: its connection is the credential's key, when it has one. */
export interface PopsellConnection extends VendorConnection {
	secret?: PopsellSecret;
}

/**
 * Reads the credential once per execution. Only the Utility resource carries the credential: the contact
 * operations answer the trigger's call and sign nothing.
 */
export async function connect(context: IExecuteFunctions): Promise<PopsellConnection> {
	if (context.getNodeParameter('resource', 0) !== 'utility') return { client: { secrets: [] } };
	const secret = readPopsellSecret(await context.getCredentials('popsellApi'));
	return { secret, client: { secrets: [secret.staticKey] } };
}
