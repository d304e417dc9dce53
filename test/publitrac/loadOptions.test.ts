import { LoadOptionsContext } from 'n8n-core';
import type { INode, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from '../engine/credentialsHelper';
import { loadPackage } from '../engine/runner';
import { startPublitracServer } from '../servers/publitrac';
import type { PublitracServer } from '../servers/publitrac';
import { PUBLITRAC } from './run';

describe('PUBLITRAC loadOptions, through n8n-core\'s LoadOptionsContext', () => {
	let server: PublitracServer;

	beforeAll(async () => {
		server = await startPublitracServer({ extraCampaigns: 130 });
	});
	afterAll(async () => await server.close());

	it('getCampaigns lists every campaign name, over every page, sorted', async () => {
		const pkg = await loadPackage();
		const node: INode = {
			id: 'publitrac',
			name: 'PUBLITRAC',
			type: PUBLITRAC,
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource: 'campaign', operation: 'executeCampaign' },
			credentials: { publitracApi: { id: 'publitrac-sandbox', name: 'PUBLITRAC sandbox' } },
		};
		const workflow = new Workflow({ id: 'load-options', nodes: [node], connections: {}, nodeTypes: pkg.nodeTypes, active: false });
		const additionalData = {
			credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, { publitracApi: server.credentials() }),
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.campaigns');
		const nodeType = pkg.nodeTypes.getByNameAndVersion(PUBLITRAC, 1);
		const options = await nodeType.methods!.loadOptions!.getCampaigns.call(context);
		expect(options).toHaveLength(server.state.campaigns.length);
		expect(options.map((option) => option.name)).toEqual([...server.state.campaigns.map((campaign) => campaign.Name)].sort((a, b) => a.localeCompare(b)));
		expect(options.find((option) => option.name === 'Webinar')).toEqual({ name: 'Webinar', value: 'Webinar', description: 'Event · AUTOMATED' });
		expect(server.calls('getCampaigns').map((request) => request.query.get('page'))).toEqual(['1', '2', '3']);
	});
});
