/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// A network link for the benchmarks, in the server process: TLS 1.3 over a wire with a round-trip time. The wire is
// a TCP relay that holds every chunk half the round trip in its direction (order kept), and a new connection's
// first bytes one round trip more (the TCP handshake the relay cannot delay itself). Behind it, an HTTPS server
// ends TLS and passes each request on to the vendor test server. A call on a new connection so costs about three
// round trips (TCP, TLS, the request), as it does to a vendor 20-200 ms away; the relay counts connections.
import { readFileSync } from 'node:fs';
import { Agent, request as forward } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as tcpConnect, createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

import { ensureBenchCertificate } from './tlsCert';
import { LISTEN_BACKLOG } from '../../test/servers/vendorServer';

export interface TlsLink {
	/** https://127.0.0.1:<port>, in front of the target. */
	url: string;
	setLatency(ms: number): void;
	/** TCP connections opened since the last reset. */
	connectionsOpened(): number;
	resetCount(): void;
	close(): Promise<void>;
}

const listen = async (server: Server) => {
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', LISTEN_BACKLOG, resolveListen));
	return (server.address() as AddressInfo).port;
};

export async function startTlsLink(targetUrl: string): Promise<TlsLink> {
	const target = new URL(targetUrl);
	const { keyPath, certPath } = ensureBenchCertificate();
	const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	};

	// The far end of the wire: TLS ends here, the request goes on to the vendor server at once.
	const terminator = createHttpsServer({ key: readFileSync(keyPath), cert: readFileSync(certPath), minVersion: 'TLSv1.3' }, (incoming, outgoing) => {
		const upstream = forward(
			{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
				answer.on('error', () => incoming.socket.destroy());
			},
		);
		upstream.on('error', () => incoming.socket.destroy());
		incoming.pipe(upstream);
	});
	terminator.keepAliveTimeout = 5000;
	terminator.on('connection', track);
	const terminatorPort = await listen(terminator);

	let latencyMs = 0;
	let opened = 0;
	/** Passes `from`'s bytes to `to`, each chunk half a round trip later, the first one a round trip more if asked. */
	const wire = (from: Socket, to: Socket, handshakeFirst: boolean) => {
		let lastAt = 0;
		let first = handshakeFirst;
		const later = (action: () => void) => {
			const now = Date.now();
			const at = Math.max(lastAt, now + latencyMs / 2 + (first ? latencyMs : 0));
			first = false;
			lastAt = at;
			if (at <= now) action();
			else setTimeout(action, at - now);
		};
		from.on('data', (chunk: Buffer) => later(() => !to.destroyed && to.write(chunk)));
		from.on('end', () => later(() => to.end()));
		from.on('error', () => to.destroy());
		from.on('close', () => later(() => to.destroy()));
	};
	const relay = createTcpServer((client) => {
		opened++;
		track(client);
		const server = tcpConnect(terminatorPort, '127.0.0.1');
		track(server);
		client.setNoDelay(true);
		server.setNoDelay(true);
		wire(client, server, true);
		wire(server, client, false);
	});
	const port = await listen(relay);
	return {
		url: `https://127.0.0.1:${port}`,
		setLatency: (ms) => {
			latencyMs = Math.max(0, ms);
		},
		connectionsOpened: () => opened,
		resetCount: () => {
			opened = 0;
		},
		close: async () => {
			for (const socket of sockets) socket.destroy();
			agent.destroy();
			await new Promise<void>((resolveClose) => relay.close(() => resolveClose()));
			await new Promise<void>((resolveClose) => terminator.close(() => resolveClose()));
		},
	};
}
