import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { TIMEOUT_PROPERTY } from '../nodes/shared/requestTimeout';

/** SPREAD (social-sb.com) API v2: HTTP Basic with the public key as user and the private key as password. */
export class SpreadApi implements ICredentialType {
	name = 'spreadApi';

	displayName = 'SPREAD API';

	icon: Icon = { light: 'file:../nodes/Spread/spread.svg', dark: 'file:../nodes/Spread/spread.dark.svg' };

	documentationUrl = 'https://help.spreadfamily.fr/api';

	properties: INodeProperties[] = [
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			description: 'In SPREAD, under Paramétrage > Tracker',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'In SPREAD, under Paramétrage > Tracker',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://social-sb.com/api/v2',
			description: 'The API v2 root. Change it only for a sandbox or a proxy.',
		},
		TIMEOUT_PROPERTY,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: { username: '={{$credentials.publicKey}}', password: '={{$credentials.privateKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/customers',
			qs: { maxResults: 1 },
		},
	};
}
