/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Network latency for the benchmarks, without touching the test servers: an HTTP proxy in front of one, in the
// server process. Each request waits half the round trip before it is passed on (so the server counts it that
// much later), the answer the other half before it goes back.
import { Agent, createServer, request as forward } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LISTEN_BACKLOG } from '../../test/servers/vendorServer';

export interface LatencyProxy {
	url: string;
	setLatency(ms: number): void;
	close(): Promise<void>;
}

const wait = (ms: number) => (ms > 0 ? new Promise((resolveWait) => setTimeout(resolveWait, ms)) : Promise.resolve());

export async function startLatencyProxy(targetUrl: string): Promise<LatencyProxy> {
	const target = new URL(targetUrl);
	const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
	let latencyMs = 0;
	const sockets = new Set<Socket>();
	const server = createServer((incoming, outgoing) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			void (async () => {
				const roundTrip = latencyMs;
				await wait(Math.floor(roundTrip / 2));
				const upstream = forward(
					{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
					(answer) => {
						const body: Buffer[] = [];
						answer.on('data', (chunk: Buffer) => body.push(chunk));
						answer.on('end', () => {
							void wait(roundTrip - Math.floor(roundTrip / 2)).then(() => {
								outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
								outgoing.end(Buffer.concat(body));
							});
						});
						// A server that drops the connection mid-answer: the client sees the same.
						answer.on('error', () => incoming.socket.destroy());
					},
				);
				upstream.on('error', () => incoming.socket.destroy());
				upstream.end(Buffer.concat(chunks));
			})();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', LISTEN_BACKLOG, resolveListen));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		setLatency: (ms) => {
			latencyMs = Math.max(0, ms);
		},
		close: () =>
			new Promise<void>((resolveClose) => {
				for (const socket of sockets) socket.destroy();
				agent.destroy();
				server.close(() => resolveClose());
			}),
	};
}
