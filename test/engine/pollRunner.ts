import { LoadOptionsContext, PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	IWorkflowExecuteAdditionalData,
	ResourceMapperFields,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import type { LoadedPackage } from './runner';
import { loadPackage } from './runner';

/**
 * Drives a node outside a workflow run, the way n8n does for polling triggers and for the editor's
 * option lists: n8n-core's own PollContext / LoadOptionsContext over a Workflow holding just that node.
 */
export interface NodeHarnessOptions {
	type: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	typeVersion?: number;
	packageDir?: string;
	/** The node's static data to start from (what n8n persisted after earlier polls). */
	nodeStaticData?: IDataObject;
	/** The workflow's time zone setting (n8n's default applies when absent). */
	timezone?: string;
}

interface Harness {
	pkg: LoadedPackage;
	workflow: Workflow;
	node: INode;
	nodeType: INodeType;
	additionalData: IWorkflowExecuteAdditionalData;
}

async function buildHarness(options: NodeHarnessOptions): Promise<Harness> {
	const pkg = await loadPackage(options.packageDir);
	const node: INode = {
		id: 'node-under-test',
		name: 'Under Test',
		type: options.type,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: `${type}-id`, name: `${type} test` }])),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		nodeTypes: pkg.nodeTypes,
		active: true,
		settings: options.timezone ? { timezone: options.timezone } : undefined,
		// n8n keys a node's static data as `node:<name>`.
		staticData: options.nodeStaticData ? { [`node:${node.name}`]: options.nodeStaticData } : {},
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, options.credentials),
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'test-user',
		getRuntimeCredential: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
	const nodeType = pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return { pkg, workflow, node: workflow.getNode(node.name) as INode, nodeType, additionalData };
}

export interface PollRunner {
	/** One poll, as n8n's poller runs it ('trigger' mode) or as the editor's test run does ('manual'). */
	poll(mode?: Extract<WorkflowExecuteMode, 'trigger' | 'manual'>): Promise<INodeExecutionData[] | null>;
	/** The node's static data, persisted between polls as n8n does between activations' ticks. */
	staticData(): IDataObject;
}

export async function pollRunner(options: NodeHarnessOptions): Promise<PollRunner> {
	const harness = await buildHarness(options);
	if (typeof harness.nodeType.poll !== 'function') throw new Error(`${options.type} is not a polling node`);
	return {
		async poll(mode = 'trigger') {
			const context = new PollContext(harness.workflow, harness.node, harness.additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
			const result = await harness.nodeType.poll!.call(context);
			return result ? result[0] : null;
		},
		staticData: () => harness.workflow.getStaticData('node', harness.node),
	};
}

/** Calls one of a node's loadOptions methods as the editor does. */
export async function loadNodeOptions(options: NodeHarnessOptions & { method: string }): Promise<INodePropertyOptions[]> {
	const harness = await buildHarness(options);
	const method = harness.nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`${options.type} has no loadOptions method ${options.method}`);
	const context = new LoadOptionsContext(harness.workflow, harness.node, harness.additionalData, `parameters.${options.method}`);
	return await method.call(context);
}

/** Calls one of a node's listSearch methods as the editor's resource locator does ("From List", a search, a scroll). */
export async function searchNodeList(
	options: NodeHarnessOptions & { method: string; parameter: string; filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const harness = await buildHarness(options);
	const method = harness.nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`${options.type} has no listSearch method ${options.method}`);
	const context = new LoadOptionsContext(harness.workflow, harness.node, harness.additionalData, `parameters.${options.parameter}`);
	return await method.call(context, options.filter, options.paginationToken);
}

/** Calls one of a node's resourceMapping methods as the editor's field mapper does when it loads its fields. */
export async function loadMapperFields(options: NodeHarnessOptions & { method: string }): Promise<ResourceMapperFields> {
	const harness = await buildHarness(options);
	const method = harness.nodeType.methods?.resourceMapping?.[options.method];
	if (!method) throw new Error(`${options.type} has no resourceMapping method ${options.method}`);
	const context = new LoadOptionsContext(harness.workflow, harness.node, harness.additionalData, 'parameters.columns');
	return await method.call(context);
}
