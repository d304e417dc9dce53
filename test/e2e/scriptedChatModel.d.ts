/** A tool as n8n offers it to the model (OpenAI's `tools[].function`). */
export interface OfferedTool {
	name: string;
	description?: string;
	parameters?: { properties?: Record<string, { type?: string; description?: string }>; required?: string[] };
}
export type ScriptedTurn =
	| { toolCalls: Array<{ tool: (tools: OfferedTool[]) => string; arguments: Record<string, unknown> }> }
	| { answer: string };
export interface ChatMessage {
	role: string;
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}
export interface LoggedRequest {
	headers: Record<string, string | string[] | undefined>;
	body: { model: string; messages: ChatMessage[]; tools?: Array<{ type: string; function: OfferedTool }>; stream?: boolean };
}
export interface ScriptedChatModel {
	/** e.g. http://127.0.0.1:1234/v1, the OpenAI credential's Base URL. */
	baseUrl: string;
	requests: LoggedRequest[];
	close(): Promise<void>;
}
export function startScriptedChatModel(turns: ScriptedTurn[]): Promise<ScriptedChatModel>;
