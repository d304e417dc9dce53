import type { ICredentialDataDecryptedObject, IWorkflowExecuteAdditionalData, INode, INodeListSearchResult, INodeType } from 'n8n-workflow';
import { Expression, Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { TestCredentialsHelper, applyAuthentication } from '../engine/credentialsHelper';
import { loadPackage, nodeType } from '../engine/runner';
import { startJtelServer } from '../servers/jtel';
import type { JtelServer } from '../servers/jtel';

describe('jtel credential test request and campaign picker', () => {
	let server: JtelServer;
	beforeAll(async () => {
		server = await startJtelServer({ clientsId: '7001' });
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.reset());

	it('the credential test request resolves through n8n expressions to GET {base}/rest/v1.0/{ClientsID}/dialler/campaigns and passes', async () => {
		const pkg = await loadPackage();
		const type = pkg.credentialTypes.get('jtelApi');
		expect(type?.test?.request).toBeDefined();
		const credentials: ICredentialDataDecryptedObject = { ...server.credentials(), baseUrl: `${server.url}/` };
		const request = type!.test!.request;
		// n8n resolves `=`-prefixed templates; resolveWithoutWorkflow takes the template without the prefix.
		const baseURL = Expression.resolveWithoutWorkflow(String(request.baseURL).replace(/^=/, ''), { $credentials: credentials });
		expect(baseURL).toBe(`${server.url}/rest/v1.0/7001`);
		const authenticated = await applyAuthentication(type!, credentials, { url: `${String(baseURL)}${request.url}`, method: 'GET' });
		const response = await fetch(authenticated.url, { headers: authenticated.headers as Record<string, string> });
		expect(response.status).toBe(200);
		expect(server.requests[0].path).toBe('/rest/v1.0/7001/dialler/campaigns');
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${server.token}`);

		const refused = await applyAuthentication(type!, { ...credentials, apiToken: 'not-the-right-one' }, { url: `${String(baseURL)}${request.url}` });
		expect((await fetch(refused.url, { headers: refused.headers as Record<string, string> })).status).toBe(401);
	});

	it('lists the campaigns for the Campaign field, filtered by name, through n8n-core\'s load-options context', async () => {
		const pkg = await loadPackage();
		const node: INode = {
			id: 'jtel',
			name: 'jtel',
			type: nodeType('jtelDialler'),
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource: 'contact', operation: 'import' },
			credentials: { jtelApi: { id: 'c', name: 'c' } },
		};
		const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: pkg.nodeTypes });
		const additionalData = {
			credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, { jtelApi: server.credentials() }),
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.campaign');
		const jtelType = pkg.nodeTypes.getByNameAndVersion(nodeType('jtelDialler'), 1) as INodeType;
		const search = jtelType.methods!.listSearch!.searchCampaigns;

		const all = (await search.call(context)) as INodeListSearchResult;
		expect(all.results).toEqual([
			{ name: 'My Campaign (538)', value: '538' },
			{ name: 'Renewals Q1 & Q2 "Süd" (540)', value: '540' },
			{ name: 'Spring Outreach (539)', value: '539' },
		]);
		const spring = (await search.call(context, 'SPRING')) as INodeListSearchResult;
		expect(spring.results).toEqual([{ name: 'Spring Outreach (539)', value: '539' }]);

		const options = await jtelType.methods!.loadOptions!.getCampaigns.call(context);
		expect(options.map((option) => option.value)).toEqual(['538', '540', '539']);
		expect(server.requests).toHaveLength(3);
		expect(server.requests.every((request) => request.path === '/rest/v1.0/7001/dialler/campaigns')).toBe(true);
	});
});
