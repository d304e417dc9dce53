// A local OpenAI-compatible chat model that plays a scripted conversation, for the AI-agent e2e test: n8n's OpenAI Chat
// Model node points at it (the credential's Base URL), and each call to POST /v1/chat/completions gets the next
// scripted turn. A turn is either tool calls (the model asks the agent to run tools, with arguments) or a final answer.
// Every request is logged, so the test can read what n8n sent: the tools it offered and the tool results.
// Plain JS on purpose: an HTTP server is test tooling, which the lint rules for TypeScript forbid.
const { createServer } = require('node:http');

/**
 * turns: Array<
 *   | { toolCalls: Array<{ tool: (tools) => string, arguments: object }> }   tool names are picked from what n8n offers
 *   | { answer: string }
 * >
 */
async function startScriptedChatModel(turns) {
	const requests = [];
	let next = 0;
	const server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			const send = (status, json) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(json));
			};
			if (request.method === 'GET' && request.url.endsWith('/models')) {
				return send(200, { object: 'list', data: [{ id: 'scripted-model', object: 'model', created: 0, owned_by: 'leadbridge-tests' }] });
			}
			if (request.method !== 'POST' || !request.url.endsWith('/chat/completions')) {
				return send(404, { error: { message: `scripted model: no route ${request.method} ${request.url}`, type: 'invalid_request_error' } });
			}
			let parsed;
			try {
				parsed = JSON.parse(body);
			} catch {
				return send(400, { error: { message: 'scripted model: the body is not JSON', type: 'invalid_request_error' } });
			}
			requests.push({ headers: request.headers, body: parsed });
			const turn = turns[next++];
			if (!turn) return send(500, { error: { message: `scripted model: no turn ${next} in the script`, type: 'server_error' } });
			const tools = (parsed.tools ?? []).map((tool) => tool.function);
			const message = turn.answer !== undefined
				? { role: 'assistant', content: turn.answer }
				: {
						role: 'assistant',
						content: null,
						tool_calls: turn.toolCalls.map((call, index) => ({
							id: `call_${next}_${index}`,
							type: 'function',
							function: { name: call.tool(tools), arguments: JSON.stringify(call.arguments) },
						})),
					};
			const finishReason = turn.answer !== undefined ? 'stop' : 'tool_calls';
			const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
			if (parsed.stream) {
				// Server-sent events: the whole turn in one chunk, then the end of the stream.
				response.writeHead(200, { 'content-type': 'text/event-stream' });
				const delta = message.tool_calls
					? { role: 'assistant', tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
					: { role: 'assistant', content: message.content };
				const chunk = { id: `chatcmpl-${next}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: parsed.model };
				response.write(`data: ${JSON.stringify({ ...chunk, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`);
				if (parsed.stream_options?.include_usage) response.write(`data: ${JSON.stringify({ ...chunk, choices: [], usage })}\n\n`);
				response.end('data: [DONE]\n\n');
				return;
			}
			send(200, {
				id: `chatcmpl-${next}`,
				object: 'chat.completion',
				created: Math.floor(Date.now() / 1000),
				model: parsed.model,
				choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
				usage,
			});
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startScriptedChatModel };
