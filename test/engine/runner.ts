/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	IDataObject,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeData,
	INodeTypes,
	IRun,
	IRunExecutionData,
	ITaskData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { join, resolve } from 'node:path';

import { TestCredentialsHelper } from './credentialsHelper';
import { standInNodeTypes } from './standInNodes';

export const REPO_ROOT = resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-leadbridge';

export interface LoadedPackage {
	packageName: string;
	nodeTypes: INodeTypes;
	credentialTypes: Map<string, ICredentialType>;
	/** Short names of the package's nodes, as n8n registers them (`<package>.<name>`). */
	nodeNames: string[];
}

const loadedPackages = new Map<string, Promise<LoadedPackage>>();

/** Loads a package the way n8n does (n8n-core's PackageDirectoryLoader), once per directory. */
export function loadPackage(directory = REPO_ROOT): Promise<LoadedPackage> {
	let loaded = loadedPackages.get(directory);
	if (!loaded) {
		loaded = (async () => {
			const loader = new PackageDirectoryLoader(directory);
			await loader.loadAll();
			const byName: INodeTypeData = { ...standInNodeTypes() };
			for (const [name, data] of Object.entries(loader.nodeTypes)) {
				byName[name.includes('.') ? name : `${loader.packageName}.${name}`] = data;
			}
			const credentialTypes = new Map<string, ICredentialType>();
			for (const [name, data] of Object.entries(loader.credentialTypes)) credentialTypes.set(name, data.type);
			const nodeTypes: INodeTypes = {
				getByName: (type) => requireType(byName, type).type,
				getByNameAndVersion: (type, version) =>
					NodeHelpers.getVersionedNodeType(requireType(byName, type).type as INodeType | IVersionedNodeType, version),
				getKnownTypes: () => ({}),
			};
			return {
				packageName: loader.packageName,
				nodeTypes,
				credentialTypes,
				nodeNames: Object.keys(loader.nodeTypes),
			};
		})();
		loadedPackages.set(directory, loaded);
	}
	return loaded;
}

function requireType(byName: INodeTypeData, type: string) {
	const data = byName[type];
	if (!data) throw new Error(`Unrecognized node type: ${type}`);
	return data;
}

export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
	staticData?: IDataObject;
}

export interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Items the start node emits. */
	input?: IDataObject[];
	packageDir?: string;
	mode?: 'manual' | 'trigger' | 'webhook';
	/** The node the run starts from (default: a Manual Trigger, else the workflow's start node). */
	startNodeName?: string;
	/** Receives what a node sends with `sendResponse` (Respond to Webhook style), as n8n's webhook server would. */
	onSendResponse?: (response: IN8nHttpFullResponse) => void;
	/** Stops the execution this long after it started, as the editor's Stop button does. */
	cancelAfterMs?: number;
	/** Stops the execution as soon as this turns true (checked every few ms): a stop tied to an event, not a time. */
	cancelWhen?: () => boolean;
}

export interface RunResult {
	run: IRun;
	/** The items a node produced on its first output, first run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The task data of a node's first run. */
	task(nodeName: string): ITaskData | undefined;
	/** The error that stopped the workflow, if any. */
	error: IRun['data']['resultData']['error'];
}

/** The additional data n8n hands to node contexts, with plain test credentials. */
export function buildAdditionalData(
	pkg: LoadedPackage,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, credentials),
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not supported in the test engine');
		},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Code nodes are not supported in the test engine');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** n8n-workflow's Workflow for workflow JSON, its nodes typed by the loaded package. */
export function buildWorkflow(workflowJson: WorkflowJson, pkg: LoadedPackage, active = false): Workflow {
	return new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		nodeTypes: pkg.nodeTypes,
		active,
		settings: workflowJson.settings,
		staticData: workflowJson.staticData,
	});
}

/** Runs workflow JSON through n8n-core's WorkflowExecute, in this process. */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	const pkg = await loadPackage(options.packageDir);
	const workflow = buildWorkflow(workflowJson, pkg);
	const hooks = new ExecutionLifecycleHooks(options.mode ?? 'manual', 'test-execution', { id: 'test-workflow' } as never);
	let resolveFinished!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolveRun) => (resolveFinished = resolveRun));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));
	const { onSendResponse } = options;
	if (onSendResponse) hooks.addHandler('sendResponse', (response) => onSendResponse(response as IN8nHttpFullResponse));
	const additionalData = buildAdditionalData(pkg, options.credentials ?? {}, hooks);

	const startNode = options.startNodeName
		? workflow.getNode(options.startNodeName)
		: (workflowJson.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger') ?? workflow.getStartNode());
	if (!startNode) throw new Error('workflow has no start node');
	const input = (options.input ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: startNode, data: { main: [input] }, source: null }],
		},
	} as unknown as IRunExecutionData;
	const execution = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	const running = execution.processRunExecutionData(workflow);
	if (options.cancelAfterMs !== undefined) setTimeout(() => running.cancel(), options.cancelAfterMs);
	const shouldCancel = options.cancelWhen;
	const watch = shouldCancel
		? setInterval(() => {
				if (shouldCancel()) running.cancel();
			}, 5)
		: undefined;
	try {
		await running;
	} finally {
		clearInterval(watch);
	}
	const run = await finished;
	const runData = run.data.resultData.runData;
	return {
		run,
		error: run.data.resultData.error,
		task: (name) => runData[name]?.[0],
		output: (name, outputIndex = 0) => runData[name]?.[0]?.data?.main?.[outputIndex] ?? [],
	};
}

export interface SingleNodeOptions extends RunOptions {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** "Continue (using error output)": failed items go to a second output. */
	continueOnErrorOutput?: boolean;
	typeVersion?: number;
	/** The workflow's settings, e.g. its time zone (`{ timezone: 'America/New_York' }`). */
	settings?: IDataObject;
}

export interface SingleNodeResult extends RunResult {
	items: INodeExecutionData[];
	/** The node's own error, when it failed the workflow. */
	nodeError: ITaskData['error'];
}

/** Start → one of our nodes, with the given input items: the shape most tests need. */
export async function runNode(options: SingleNodeOptions): Promise<SingleNodeResult> {
	const credentialEntries = Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: `${type} test` }]);
	const nodeName = 'Under Test';
	const workflowJson: WorkflowJson = {
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'under-test',
				name: nodeName,
				type: options.type,
				typeVersion: options.typeVersion ?? 1,
				position: [200, 0],
				parameters: options.parameters,
				credentials: Object.fromEntries(credentialEntries),
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(options.continueOnErrorOutput ? { onError: 'continueErrorOutput' as const } : {}),
			},
		],
		connections: { Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		...(options.settings ? { settings: options.settings } : {}),
	};
	const result = await runWorkflow(workflowJson, options);
	return { ...result, items: result.output(nodeName), nodeError: result.task(nodeName)?.error };
}

export function nodeType(name: string): string {
	return `${PACKAGE_NAME}.${name}`;
}

export const fixturePath = (...parts: string[]) => join(REPO_ROOT, 'test', 'fixtures', ...parts);
