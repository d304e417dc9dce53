import type { IExecuteFunctions } from 'n8n-workflow';

import type { PopsellSecret } from './token';
import { readPopsellSecret } from './token';

/**
 * Popsell calls us, so the node sends nothing out: its client only holds the credential's key. The key is read
 * when an operation first asks for it, since only the Utility resource shows the credential (the contact
 * operations answer the trigger's call and sign nothing).
 */
export class PopsellClient {
	/** Empty until the key is read; the shared loops mask what it then holds. */
	readonly secrets: string[] = [];

	private secret?: PopsellSecret;

	constructor(private readonly context: IExecuteFunctions) {}

	async tokenSecret(): Promise<PopsellSecret> {
		if (!this.secret) {
			this.secret = readPopsellSecret(await this.context.getCredentials('popsellApi'));
			this.secrets.push(this.secret.staticKey);
		}
		return this.secret;
	}
}

export async function connect(context: IExecuteFunctions): Promise<PopsellClient> {
	return new PopsellClient(context);
}
