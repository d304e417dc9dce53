import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { collectSecrets, redactText } from '../../shared/redaction';
import { timeoutFromCredentials } from '../../shared/requestTimeout';
import { apiUrlOf, SUCCESS_STATUS } from '../transport';
import { parsePublitracXml } from '../xmlReader';

const REFUSED = 'PUBLITRAC refused the API key, username or password';

/**
 * The Test button. PUBLITRAC says a refused login in its XML (`<status>9000</status>`) and its document names
 * no HTTP code, so a declarative test (which reads only HTTP codes or a JSON body) would call a 200 a success.
 * This reads the answer's status: only getCampaigns' success status counts as connected.
 */
export async function publitracCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const secrets = collectSecrets(data, ['apiKey', 'password']);
	const apiUrl = apiUrlOf(data);
	if (!/^https?:\/\/\S+$/i.test(apiUrl)) return { status: 'Error', message: `"${apiUrl}" is not an http(s) URL: choose a host or give the full API URL` };
	const apiKey = String(data.apiKey ?? '');
	// A credential test is given only the legacy request helper (ICredentialTestFunctions has no httpRequest).
	const { request } = this.helpers;
	let response: { statusCode: number; headers?: IDataObject; body?: unknown };
	try {
		response = (await request({
			method: 'GET',
			uri: apiUrl,
			qs: { method: 'getCampaigns', page: 1, apikey: apiKey, apiKey, username: String(data.username ?? ''), password: String(data.password ?? '') },
			headers: { accept: 'application/xml, text/xml' },
			json: false,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			timeout: timeoutFromCredentials(data) ?? 30000,
		})) as typeof response;
	} catch (error) {
		return { status: 'Error', message: redactText(`Could not reach PUBLITRAC at ${apiUrl}: ${(error as Error).message}`, secrets) };
	}
	const { statusCode } = response;
	if (statusCode >= 300 && statusCode < 400) {
		return { status: 'Error', message: `PUBLITRAC answered with a redirect (HTTP ${statusCode}) to ${String(response.headers?.location ?? '?')}: put that address in the credential` };
	}
	let status = '';
	let message = '';
	try {
		const answer = parsePublitracXml(String(response.body ?? ''));
		status = String(answer.status ?? '').trim();
		message = String(answer.message ?? '').trim();
	} catch (error) {
		if (statusCode === 401 || statusCode === 403) return { status: 'Error', message: REFUSED };
		return { status: 'Error', message: redactText(`PUBLITRAC answered HTTP ${statusCode} with ${(error as Error).message}`, secrets) };
	}
	if (SUCCESS_STATUS.getCampaigns.includes(status)) return { status: 'OK', message: 'Connection successful: PUBLITRAC accepted the login' };
	const said = redactText(`${status || `HTTP ${statusCode}`}${message ? ` ${message}` : ''}`, secrets);
	return { status: 'Error', message: status === '9000' || statusCode === 401 || statusCode === 403 ? `${REFUSED} (${said})` : `PUBLITRAC did not accept the test call: ${said}` };
}
