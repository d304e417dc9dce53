import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route, tableProperties, tableSubtitle } from '../shared/router';
import { POPSELL } from './actions/router';
import { popsellStaticKeyTest } from './methods/credentialTest';

export class Popsell implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Popsell',
		name: 'popsell',
		icon: { light: 'file:popsell.svg', dark: 'file:popsell.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: tableSubtitle(POPSELL),
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
		properties: tableProperties(POPSELL),
	};

	methods = { credentialTest: { popsellStaticKeyTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, POPSELL);
	}
}
