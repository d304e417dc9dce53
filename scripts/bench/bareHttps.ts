/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The floor of the link rows: SPREAD customer creates sent straight through Node's https.request, every item at once,
// with a new agent per call as n8n's request helper makes one (so a new TCP + TLS connection per call), and no n8n at
// all: no engine, no expressions, no node. What n8n and either node add on top of a call is the gap to this.
import { Agent, request } from 'node:https';

function createOne(url: URL, authorization: string, email: string): Promise<boolean> {
	const body = JSON.stringify({ customer: { email } });
	return new Promise((resolveCall) => {
		const call = request(
			{
				hostname: url.hostname,
				port: url.port,
				path: url.pathname,
				method: 'POST',
				agent: new Agent({ keepAlive: false }),
				headers: { authorization, accept: 'application/json', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
			},
			(answer) => {
				let text = '';
				answer.setEncoding('utf8');
				answer.on('data', (chunk: string) => (text += chunk));
				answer.on('end', () => {
					try {
						const parsed = JSON.parse(text) as { customer?: unknown };
						resolveCall((answer.statusCode ?? 500) < 300 && parsed.customer !== undefined);
					} catch {
						resolveCall(false);
					}
				});
			},
		);
		call.on('error', () => resolveCall(false));
		call.end(body);
	});
}

/** Creates one customer per e-mail, all at once; how many the server confirmed. */
export async function bareSpreadCreates(baseUrl: string, user: string, password: string, emails: string[]): Promise<number> {
	const url = new URL(`${baseUrl}/customers`);
	const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	const done = await Promise.all(emails.map(async (email) => await createOne(url, authorization, email)));
	return done.filter(Boolean).length;
}
