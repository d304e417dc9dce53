import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as buildErrorResponse from './actions/contact/buildErrorResponse.operation';
import * as buildImportResponse from './actions/contact/buildImportResponse.operation';
import { router } from './actions/router';
import * as computeToken from './actions/utility/computeToken.operation';
import { popsellStaticKeyTest } from './methods/credentialTest';

export class Popsell implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Popsell',
		name: 'popsell',
		icon: { light: 'file:popsell.svg', dark: 'file:popsell.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Answer Popsell\'s contact-import calls: build the contact list or an error, and send it',
		defaults: { name: 'Popsell' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'popsellApi',
				required: true,
				testedBy: 'popsellStaticKeyTest',
				displayOptions: { show: { resource: ['utility'] } },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'contact',
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Utility', value: 'utility' },
				],
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'buildImportResponse',
				displayOptions: { show: { resource: ['contact'] } },
				options: [
					{
						name: 'Build Import Response',
						value: 'buildImportResponse',
						action: 'Build the contact import response',
						description: 'Turn the incoming items, one per contact, into Popsell\'s answer and send it',
					},
					{
						name: 'Build Error Response',
						value: 'buildErrorResponse',
						action: 'Build an error response',
						description: 'Answer Popsell that the contacts could not be given',
					},
				],
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'computeToken',
				displayOptions: { show: { resource: ['utility'] } },
				options: [
					{
						name: 'Compute Token',
						value: 'computeToken',
						action: 'Compute a token',
						description: 'The token Popsell sends for a customer ID: to test an endpoint or call an existing service',
					},
				],
			},
			...buildImportResponse.description,
			...buildErrorResponse.description,
			...computeToken.description,
		],
	};

	methods = { credentialTest: { popsellStaticKeyTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
