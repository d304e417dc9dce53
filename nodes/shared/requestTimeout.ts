import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** How long one try waits for an answer, unless the credential's Timeout says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30000;

/** The credential field every outgoing vendor offers: how long one try waits for an answer. */
export const TIMEOUT_PROPERTY: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 0.1, numberPrecision: 1 },
	default: 30,
	description:
		'How long one try waits for an answer. Reads are tried again up to 60 seconds in all; once the server has not answered twice in a row, the remaining items of the run fail at once instead of each waiting.',
};

/** The credential's timeout in milliseconds, or undefined (the shared default) when unset or not a positive number. */
export function timeoutFromCredentials(credentials: ICredentialDataDecryptedObject): number | undefined {
	const seconds = Number(credentials.timeoutSeconds);
	return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}
