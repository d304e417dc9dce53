import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { TIMEOUT_PROPERTY } from '../nodes/shared/requestTimeout';

/**
 * Tested by the PUBLITRAC node (`testedBy`, methods/credentialTest.ts), not by a declarative `test`: a refused
 * login is `<status>9000</status>` in the XML, under any HTTP code, which only code can read.
 */
export class PublitracApi implements ICredentialType {
	name = 'publitracApi';

	displayName = 'PUBLITRAC API';

	documentationUrl = 'https://publipage.atlassian.net/wiki/display/SUP/PUBLITRAC+API+Reference+documentation';

	icon: Icon = { light: 'file:../nodes/Publitrac/publitrac.svg', dark: 'file:../nodes/Publitrac/publitrac.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'In PUBLITRAC: Configuration > Account information',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			description: 'Your PUBLITRAC login (PUBLITRAC can create a user for API use only)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'options',
			options: [
				{ name: 'app.publitrac.com', value: 'https://app.publitrac.com/api' },
				{ name: 'appca.publitrac.com (Canada)', value: 'https://appca.publitrac.com/api' },
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'https://app.publitrac.com/api',
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'https://app.publitrac.com/api',
			description: 'Full URL of the API endpoint, e.g. a sandbox',
			displayOptions: { show: { host: ['custom'] } },
		},
		{
			displayName: 'Calls per Second',
			name: 'callsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 1 },
			default: 35,
			description:
				"Most calls each n8n process puts on the wire with this account in any second (counted as PUBLITRAC counts them, when they arrive). PUBLITRAC allows 35 per second per account; in queue mode the only exact way to share it is to enter 35 divided by the number of workers, rounded down (17 for 2 workers, 11 for 3), and PUBLITRAC then refuses no call. With 35, workers still share the limit: each one slows down when PUBLITRAC refuses a call, and the refused call is sent again.",
		},
		TIMEOUT_PROPERTY,
	];

	// Every call carries the account in its query string; the key goes under both names the document uses.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				apikey: '={{$credentials.apiKey}}',
				apiKey: '={{$credentials.apiKey}}',
				username: '={{$credentials.username}}',
				password: '={{$credentials.password}}',
			},
		},
	};
}
