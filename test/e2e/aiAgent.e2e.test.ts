/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// The nodes as tools of n8n's AI Agent, in real n8n 2.41.1: the agent's OpenAI Chat Model points at a local
// OpenAI-compatible server that plays a script (first it asks for two tool calls with arguments, then it answers).
// The agent must call PUBLITRAC "get lead" and SPREAD "get customer" (nodes of the packed package, used as tools)
// with the model's arguments, and their results must reach the model. The workflow: ./ai-agent-workflow.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Sandbox, SandboxCredential } from '../servers/sandbox';
import type { WorkflowJson } from './examples';
import { ensureInstalled, makeTempDir, n8nTargets, packPackage, removeDir } from './n8nProcess';
import { N8nWorkspace, type NodeRunData, type WorkflowRun } from './n8nWorkspace';
import { allCredentials, closeAll, startAllSandboxes } from './sandboxes';
import { startScriptedChatModel, type ChatMessage, type OfferedTool, type ScriptedChatModel } from './scriptedChatModel';

// AI Agent v3 and community nodes as tools: n8n 2.x. (1.123 offers them too; the test runs where it was written for.)
const VERSION = '2.41.1';
const target = n8nTargets().find((candidate) => candidate.version === VERSION);
const workflow = JSON.parse(readFileSync(join(__dirname, 'ai-agent-workflow.json'), 'utf8')) as WorkflowJson;

const LEAD_EMAIL = 'johnsmith@publipage.com';
const CUSTOMER_ID = '123456';
const ANSWER = 'John Smith (PUBLIPAGE, 555-555-2149) is a PUBLITRAC lead; SPREAD customer 123456 is Jean Dupont.';

const toolNamed = (pattern: RegExp) => (tools: OfferedTool[]) => tools.find((tool) => pattern.test(tool.name))?.name ?? `no tool matching ${pattern}`;

/** The text of a chat message, whether n8n sent it as a string or as content parts. */
const textOf = (message: ChatMessage | undefined) =>
	typeof message?.content === 'string' ? message.content : (message?.content ?? []).map((part) => part.text ?? '').join('');

/** What a tool node received when the agent called it: n8n records the tool call's arguments as the run's input. */
function toolInput(runs: NodeRunData[] | undefined): Record<string, unknown> | undefined {
	const run = runs?.[0] as (NodeRunData & { inputOverride?: { ai_tool?: Array<Array<{ json: Record<string, unknown> }>> } }) | undefined;
	return run?.inputOverride?.ai_tool?.[0]?.[0]?.json;
}

(target ? describe : describe.skip)(`n8n ${VERSION}: an AI agent uses PUBLITRAC and SPREAD as tools`, () => {
	const sandboxes: Sandbox[] = [];
	let model: ScriptedChatModel;
	let workspace: N8nWorkspace | undefined;
	let tarball = '';
	let run: WorkflowRun;

	beforeAll(async () => {
		ensureInstalled([VERSION]);
		tarball = packPackage();
		await startAllSandboxes(sandboxes);
		model = await startScriptedChatModel([
			{
				toolCalls: [
					{ tool: toolNamed(/publitrac/i), arguments: { email: LEAD_EMAIL } },
					{ tool: toolNamed(/spread/i), arguments: { customerId: CUSTOMER_ID } },
				],
			},
			{ answer: ANSWER },
		]);
		const scriptedModelCredential: SandboxCredential = {
			id: 'openai-scripted',
			name: 'Scripted chat model',
			type: 'openAiApi',
			data: { apiKey: 'sk-scripted-model-key', url: model.baseUrl },
		};
		workspace = new N8nWorkspace(target!, makeTempDir(`leadbridge-e2e-agent-${VERSION}-`));
		workspace.installPackage(tarball);
		await workspace.importCredentials([...allCredentials(sandboxes), scriptedModelCredential]);
		await workspace.importWorkflows([workflow]);
		run = await workspace.execute(workflow.id as string);
	});

	afterAll(async () => {
		await closeAll(sandboxes.splice(0));
		await model?.close();
		if (workspace && !process.env.LEADBRIDGE_KEEP_E2E) removeDir(workspace.userFolder);
		if (tarball) removeDir(join(tarball, '..'));
	});

	const failure = () => `error: ${run.errorMessage ?? 'none'}\n${run.run.stdout.slice(-3000)}\n${run.run.stderr.slice(-2000)}`;

	test('the agent runs to the scripted answer, after one round of tool calls', () => {
		expect({ error: run.errorMessage, requests: model.requests.length }).toEqual({ error: undefined, requests: 2 });
		const output = run.runData?.['AI Agent']?.[0]?.data?.main?.[0]?.[0]?.json;
		if (output?.output !== ANSWER) throw new Error(`AI Agent output ${JSON.stringify(output)}\n${failure()}`);
		expect(output.output).toBe(ANSWER);
	});

	test('n8n offers both nodes to the model as tools, with descriptions and the $fromAI arguments', () => {
		const offered = (model.requests[0]?.body.tools ?? []).map((tool) => tool.function);
		const publitrac = offered.find((tool) => /publitrac/i.test(tool.name));
		const spread = offered.find((tool) => /spread/i.test(tool.name));
		expect(offered.map((tool) => tool.name).sort()).toEqual(['PUBLITRAC_lead', 'SPREAD_customer']);
		// "Set Automatically": the operation's action, in the node's name.
		expect(publitrac?.description).toMatch(/lead.*PUBLITRAC/i);
		expect(spread?.description).toContain('by their SPREAD customer ID');
		expect(publitrac?.parameters?.properties?.email?.description).toContain('e-mail address of the lead');
		expect(publitrac?.parameters?.required).toEqual(['email']);
		expect(spread?.parameters?.required).toEqual(['customerId']);
	});

	test("each tool ran with the model's arguments", () => {
		expect(toolInput(run.runData?.['PUBLITRAC lead'])).toMatchObject({ email: LEAD_EMAIL });
		expect(toolInput(run.runData?.['SPREAD customer'])).toMatchObject({ customerId: CUSTOMER_ID });
	});

	test("each tool's result reached the model, answering its own call", () => {
		const second = model.requests[1]?.body.messages ?? [];
		// n8n replays each tool call as an assistant message of its own, followed by the tool's answer.
		const calls = second.flatMap((message) => (message.role === 'assistant' ? (message.tool_calls ?? []) : []));
		const resultOf = (pattern: RegExp) => {
			const call = calls.find((candidate) => pattern.test(candidate.function.name));
			return textOf(second.find((message) => message.role === 'tool' && message.tool_call_id === call?.id));
		};
		expect(calls.map((call) => call.id)).toEqual(['call_1_0', 'call_1_1']);
		expect(calls.map((call) => JSON.parse(call.function.arguments) as unknown)).toEqual([
			expect.objectContaining({ email: LEAD_EMAIL }),
			expect.objectContaining({ customerId: CUSTOMER_ID }),
		]);
		// The sandbox's lead for that e-mail and its customer for that ID: only the real calls could have returned them.
		const lead = resultOf(/publitrac/i);
		expect(lead).toContain(LEAD_EMAIL);
		expect(lead).toContain('PUBLIPAGE');
		expect(lead).toContain('555-555-2149');
		const customer = resultOf(/spread/i);
		expect(customer).toContain(CUSTOMER_ID);
		expect(customer).toContain('customer1@example.com');
		expect(customer).toContain('Dupont');
	});

	test('the chat model was called with the credential of the OpenAI node, and no secret of the vendors reached it', () => {
		expect(model.requests[0]?.headers.authorization).toBe('Bearer sk-scripted-model-key');
		const sent = JSON.stringify(model.requests.map((request) => request.body));
		for (const credential of allCredentials(sandboxes)) {
			for (const [field, value] of Object.entries(credential.data)) {
				if (typeof value === 'string' && /pass|secret|key|token/i.test(field) && value.length > 3) expect(sent).not.toContain(value);
			}
		}
	});
});
