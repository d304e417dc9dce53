/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, ILoadOptionsFunctions, INode, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { parse as parseQueryString } from 'node:querystring';

import { decodePhpForm, encodePhpForm, nestFlatForm } from '../../nodes/InfluencerSoft/phpForm';
import type { FormFields } from '../../nodes/InfluencerSoft/phpForm';
import { accountBaseUrl } from '../../nodes/InfluencerSoft/transport';
import { ISO_COUNTRY_CODE_COUNT } from '../../nodes/shared/countryCodes';
import { buildAdditionalData, buildWorkflow, loadPackage, nodeType } from '../engine/runner';
import { httpBuildQuery, parsePhpBody, startInfluencerSoftServer } from '../servers/influencersoft';
import type { InfluencerSoftServer } from '../servers/influencersoft';

async function workflowWithNode(credentials: ICredentialDataDecryptedObject) {
	const pkg = await loadPackage();
	const node: INode = {
		id: 'n1',
		name: 'InfluencerSoft',
		type: nodeType('influencerSoft'),
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'contact', operation: 'addOrUpdate' },
		credentials: { influencerSoftApi: { id: 'c1', name: 'test' } },
	};
	const workflow = buildWorkflow({ nodes: [node], connections: {} }, pkg);
	const hooks = new ExecutionLifecycleHooks('manual', 'options-test', { id: 'test-workflow' } as never);
	const additionalData = buildAdditionalData(pkg, { influencerSoftApi: credentials }, hooks);
	return { pkg, node, workflow, additionalData };
}

describe('InfluencerSoft credential test request', () => {
	let server: InfluencerSoftServer;
	beforeAll(async () => {
		server = await startInfluencerSoftServer();
	});
	afterAll(async () => await server.close());

	/** Resolves the credential's test request the way n8n does ($credentials in expressions), then sends it. */
	async function runCredentialTest(credentials: ICredentialDataDecryptedObject) {
		const { pkg, workflow, node } = await workflowWithNode(credentials);
		const type = pkg.credentialTypes.get('influencerSoftApi')!;
		const request = workflow.expression.getParameterValue(type.test!.request as never, null, 0, 0, node.name, [], 'manual', {
			$credentials: credentials,
		} as never) as IDataObject;
		if (!String(request.baseURL).startsWith(server.url)) return { request };
		const response = await fetch(`${String(request.baseURL)}${String(request.url)}`, {
			method: String(request.method),
			headers: request.headers as Record<string, string>,
			body: new URLSearchParams(request.body as Record<string, string>).toString(),
		});
		const body = (await response.json()) as IDataObject;
		const failedRule = (type.test!.rules ?? []).find(
			(rule) => rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value,
		);
		return { request, body, failedRule };
	}

	it('passes with the right key and login: a signed, read-only GetAllGroups', async () => {
		server.reset();
		const { body, failedRule } = await runCredentialTest({ login: server.login, apiKey: server.apiKey, customDomain: server.url });
		expect(body).toMatchObject({ error_code: 0, error_text: 'OK' });
		expect(failedRule).toBeUndefined();
		expect(server.requestsTo('/api/GetAllGroups')).toHaveLength(1);
	});

	it('fails with a wrong key, and says so', async () => {
		const { body, failedRule } = await runCredentialTest({ login: server.login, apiKey: 'wrong-key', customDomain: `${server.url}/` });
		expect(body).toMatchObject({ error_code: 4 });
		expect(failedRule?.properties.message).toMatch(/Wrong API key or account login/);
	});

	it('points at https://{login}.influencersoft.com without a custom domain, and adds https:// to a bare domain', async () => {
		const plain = await runCredentialTest({ login: 'myshop', apiKey: 'k', customDomain: '' });
		expect(plain.request.baseURL).toBe('https://myshop.influencersoft.com');
		const bare = await runCredentialTest({ login: 'myshop', apiKey: 'k', customDomain: 'shop.example.com/' });
		expect(bare.request.baseURL).toBe('https://shop.example.com');
		expect(accountBaseUrl('myshop', '')).toBe('https://myshop.influencersoft.com');
		expect(accountBaseUrl('myshop', 'shop.example.com/')).toBe('https://shop.example.com');
		expect(accountBaseUrl('myshop', 'http://127.0.0.1:8080//')).toBe('http://127.0.0.1:8080');
	});
});

describe('InfluencerSoft drop-downs (loadOptions) in n8n-core’s LoadOptionsContext', () => {
	let server: InfluencerSoftServer;
	beforeAll(async () => {
		server = await startInfluencerSoftServer();
	});
	afterAll(async () => await server.close());

	async function loadOptions(method: string): Promise<INodePropertyOptions[]> {
		const { pkg, workflow, node, additionalData } = await workflowWithNode({ login: server.login, apiKey: server.apiKey, customDomain: server.url });
		const type = pkg.nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.addToLists');
		return await type.methods!.loadOptions![method].call(context as unknown as ILoadOptionsFunctions);
	}

	it('lists groups by title with their IDs as values', async () => {
		expect(await loadOptions('getGroups')).toEqual([
			{ name: 'Customers', value: '1605870811.1867176380', description: 'ID 1605870811.1867176380' },
			{ name: 'Newsletter', value: '1594725950.5982672784', description: 'ID 1594725950.5982672784' },
			{ name: 'Webinar leads', value: '1534723950.5982672783', description: 'ID 1534723950.5982672783' },
		]);
	});

	it('lists products by title with their IDs as values', async () => {
		const products = await loadOptions('getProducts');
		expect(products.map((option) => [option.name, option.value])).toEqual([
			['Basic course', 'course-basic'],
			['Printed book', 'book-print'],
			['Pro course', 'course-pro'],
		]);
	});
});

describe('PHP form encoding', () => {
	const sample: FormFields = {
		rid: ['1594725950.5982672784', '1605870811.1867176380'],
		lead_name: "Zoë O'Brien *VIP* (x) ~ 100% a+b=c&d",
		empty: '',
		skipped: undefined,
		flag: true,
		off: false,
		count: 3,
		utm: { utm_source: 'news letter', utm_term: 'a/b?c' },
		goods: [{ good_name: 'course-pro', good_sum: 150 }, { good_name: 'book' }],
		emoji: '🎉 ✓',
	};

	it('writes exactly what PHP’s http_build_query writes', () => {
		const php = httpBuildQuery(parsePhpBody(encodePhpForm(sample)));
		expect(encodePhpForm(sample)).toBe(php);
		expect(encodePhpForm({ star: '*', tilde: '~', quote: "'", space: ' ' })).toBe('star=%2A&tilde=%7E&quote=%27&space=+');
	});

	it('reads back PHP’s nesting, from the raw body or from n8n’s flat form parse alike', () => {
		const encoded = encodePhpForm(sample);
		const nested = decodePhpForm(encoded);
		expect(nested).toEqual({
			rid: ['1594725950.5982672784', '1605870811.1867176380'],
			lead_name: "Zoë O'Brien *VIP* (x) ~ 100% a+b=c&d",
			empty: '',
			flag: '1',
			off: '0',
			count: '3',
			utm: { utm_source: 'news letter', utm_term: 'a/b?c' },
			goods: [{ good_name: 'course-pro', good_sum: '150' }, { good_name: 'book' }],
			emoji: '🎉 ✓',
		});
		expect(nestFlatForm({ ...parseQueryString(encoded) })).toEqual(nested);
		expect(decodePhpForm('a[]=1&a[]=2&b=1&b=2')).toEqual({ a: ['1', '2'], b: '2' });
	});

	it('ignores keys that would pollute prototypes', () => {
		const parsed = decodePhpForm('__proto__[polluted]=1&a[constructor][x]=2&ok=3');
		expect(parsed).toEqual({ ok: '3' });
		expect(({} as IDataObject).polluted).toBeUndefined();
	});

	it('knows all 249 ISO 3166-1 alpha-2 country codes', () => {
		expect(ISO_COUNTRY_CODE_COUNT).toBe(249);
	});
});
