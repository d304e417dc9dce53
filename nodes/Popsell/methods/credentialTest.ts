import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { computePopsellToken, readPopsellSecret, staticKeyProblem } from '../token';

/**
 * Popsell calls us, so there is no Popsell endpoint to test against: check that the key can sign a
 * token, and show a sample token so it can be compared with one Popsell sends.
 */
export async function popsellStaticKeyTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = readPopsellSecret(credential.data ?? {});
	const problem = staticKeyProblem(secret.staticKey);
	if (problem) return { status: 'Error', message: problem };
	const sample = computePopsellToken(secret, 'TEST');
	return { status: 'OK', message: `The key is usable. For customer ID "TEST" Popsell should send token ${sample}.` };
}
