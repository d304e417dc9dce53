import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The static key shared with Popsell. Popsell calls the brand, so nothing can be called to test it:
 * the Popsell nodes test it with `testedBy` (methods/credentialTest.ts), which checks it locally.
 */
export class PopsellApi implements ICredentialType {
	name = 'popsellApi';

	displayName = 'Popsell API';

	icon: Icon = { light: 'file:../nodes/Popsell/popsell.svg', dark: 'file:../nodes/Popsell/popsell.dark.svg' };

	documentationUrl = 'https://tech.popsell.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Static Key',
			name: 'staticSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The static key given to Popsell with the web service URL. Popsell hashes it with the customer ID to build each call\'s token.',
		},
		{
			displayName: 'Hash Order',
			name: 'hashOrder',
			type: 'options',
			default: 'keyThenCustomerId',
			options: [
				{
					name: 'MD5(Static Key + Customer ID)',
					value: 'keyThenCustomerId',
					description: 'The order the Popsell document lists them in',
				},
				{
					name: 'MD5(Customer ID + Static Key)',
					value: 'customerIdThenKey',
					description: 'Value first, then key, as in Popsell\'s register links',
				},
			],
			description: 'The Popsell document does not fix the order of the two parts of the token (no separator either). Confirm it with Popsell; the node compares hex digits case-insensitively.',
		},
	];
}
