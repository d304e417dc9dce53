import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { TIMEOUT_PROPERTY } from '../nodes/shared/requestTimeout';

/**
 * jtel ACD REST API v1.0: every URL is `{Base URL}/rest/v1.0/{ClientsID}/…`, authenticated by a bearer
 * token generated in the jtel portal (regenerating or removing it there invalidates it at once).
 */
export class JtelApi implements ICredentialType {
	name = 'jtelApi';

	displayName = 'Jtel ACD API';

	documentationUrl = 'https://wiki.jtel.de/x/oQMOAQ';

	icon: Icon = { light: 'file:../nodes/JtelDialler/jtel.svg', dark: 'file:../nodes/JtelDialler/jtel.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acd.example.com:8443',
			required: true,
			description: 'Scheme, host and port of the jtel REST server, without /rest/v1.0',
		},
		{
			displayName: 'Clients ID',
			name: 'clientsId',
			type: 'string',
			default: '',
			required: true,
			description: 'Your jtel ClientsID (the client account number). It is part of every request URL.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The REST API token generated in the jtel portal',
		},
		TIMEOUT_PROPERTY,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/rest\\/v1\\.0$/, "")}}/rest/v1.0/{{$credentials.clientsId}}',
			url: '/dialler/campaigns',
			method: 'GET',
		},
	};
}
