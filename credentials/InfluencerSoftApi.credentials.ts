import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { TIMEOUT_PROPERTY } from '../nodes/shared/requestTimeout';

/**
 * InfluencerSoft account: login (the account's subdomain), API key, optional custom domain.
 * Requests are signed by the node's transport (rpsKey for API 2.0, an md5 hash for the legacy
 * methods), so there is no generic `authenticate` block here.
 */
export class InfluencerSoftApi implements ICredentialType {
	name = 'influencerSoftApi';

	displayName = 'InfluencerSoft API';

	documentationUrl = 'https://help.influencersoft.com/hc/en-us/articles/360050392312';

	icon: Icon = { light: 'file:../nodes/InfluencerSoft/influencersoft.svg', dark: 'file:../nodes/InfluencerSoft/influencersoft.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Account Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'myshop',
			description: 'Your InfluencerSoft login: the subdomain of your account (myshop for https://myshop.influencersoft.com)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key shown under Integration and API (/shops/setts/apisettings/) in your account',
		},
		{
			displayName: 'Custom Domain',
			name: 'customDomain',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com',
			description:
				'Only if your account answers on a domain of your own (or a test server). Leave empty to use https://{login}.influencersoft.com. Without a scheme, https:// is assumed.',
		},
		TIMEOUT_PROPERTY,
	];

	// GetAllGroups is a read-only legacy call: its signature md5("::login::key") proves both the login and the key.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.customDomain ? (/^https?:\\/\\//i.test($credentials.customDomain) ? $credentials.customDomain : "https://" + $credentials.customDomain).replace(/\\/+$/, "") : "https://" + $credentials.login + ".influencersoft.com" }}',
			url: '/api/GetAllGroups',
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { hash: '={{ ("::" + $credentials.login + "::" + $credentials.apiKey).hash("md5") }}' },
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'error_code', value: 4, message: 'Wrong API key or account login (InfluencerSoft error 4: bad signature)' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_code', value: 5, message: 'Unknown account login (InfluencerSoft error 5)' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_code', value: 6, message: 'This IP address is not allowed to use the API (InfluencerSoft error 6)' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_code', value: 7, message: 'The InfluencerSoft account is disabled (error 7)' } },
			{ type: 'responseSuccessBody', properties: { key: 'error_code', value: 8, message: 'API request limit reached, or the API is switched off for this account (error 8)' } },
		],
	};
}
