/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// The far end of serverProcess.js: the vendor test servers (test/servers/) in a process of their own, driven over
// IPC, each behind a latency proxy. The benchmark process only sends requests and reads answers; parsing, routing,
// answering and waiting out the simulated latency happen here.
import type { RecordedRequest, VendorServer } from '../../test/servers/vendorServer';
import { startPublitracServer, type PublitracServer } from '../../test/servers/publitrac';
import { SPREAD_API_PATH, startSpreadServer, type SpreadServer } from '../../test/servers/spread';
import { startInfluencerSoftServer } from '../../test/servers/influencersoft';
import { startJtelServer } from '../../test/servers/jtel';
import { startLatencyProxy, type LatencyProxy } from './latencyProxy';
import { startTlsLink, type TlsLink } from './tlsLink';

type Hosted = (
	| { vendor: 'publitrac'; server: PublitracServer }
	| { vendor: 'spread'; server: SpreadServer }
	| { vendor: 'jtel' | 'influencersoft'; server: VendorServer }
) & { proxy?: LatencyProxy | TlsLink };

const servers = new Map<number, Hosted>();
let nextServerId = 1;

/** What went over the wire, as the server saw it (optionally one PUBLITRAC method or one path suffix). */
export interface TrafficStats {
	calls: number;
	/** Calls answered 429 by the server's own rate limit (all calls, not only the filtered ones). */
	rateLimited429: number;
	/** Most calls that arrived within any one-second window. */
	peakPerSecond: number;
	/** From the first arrival to the last, ms. */
	spanMs: number;
	/** TCP connections opened through the TLS link (unset behind the plain latency proxy). */
	connections?: number;
}

/** The most arrivals within any window of `windowMs`: each arrival against the ones before it. */
export function peakInWindow(arrivals: number[], windowMs = 1000): number {
	const sorted = [...arrivals].sort((a, b) => a - b);
	let peak = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}

function statsOf(server: VendorServer, requests: RecordedRequest[], proxy?: LatencyProxy | TlsLink): TrafficStats {
	const arrivals = requests.map((request) => request.receivedAt);
	return {
		...(proxy && 'connectionsOpened' in proxy ? { connections: proxy.connectionsOpened() } : {}),
		calls: requests.length,
		rateLimited429: server.rateLimitedCount,
		peakPerSecond: peakInWindow(arrivals),
		spanMs: arrivals.length > 1 ? Math.max(...arrivals) - Math.min(...arrivals) : 0,
	};
}

function hosted(id: number): Hosted {
	const entry = servers.get(id);
	if (!entry) throw new Error(`no server ${id}`);
	return entry;
}

type Args = Record<string, unknown>;

const commands: Record<string, (args: Args) => unknown> = {
	ping: () => 'pong',
	async start(args) {
		const id = nextServerId++;
		// Without latency rows (Return All), requests go straight to the server.
		const startProxy = async (url: string) =>
			args.latencyProxy === false ? undefined : args.link === 'tls' ? await startTlsLink(url) : await startLatencyProxy(url);
		if (args.vendor === 'publitrac') {
			const server = await startPublitracServer({ rateLimitPerSecond: args.rateLimitPerSecond as number | undefined, extraLeads: Number(args.extraLeads ?? 0) });
			const proxy = await startProxy(server.url);
			const url = proxy?.url ?? server.url;
			servers.set(id, { vendor: 'publitrac', server, proxy });
			return { id, url, apiUrl: `${url}/api`, credentials: { ...server.credentials(), customUrl: `${url}/api` }, account: server.account };
		}
		if (args.vendor === 'spread') {
			const server = await startSpreadServer({ customers: Number(args.customers ?? 0) });
			const proxy = await startProxy(server.url);
			const baseUrl = `${proxy?.url ?? server.url}${SPREAD_API_PATH}`;
			servers.set(id, { vendor: 'spread', server, proxy });
			return {
				id,
				url: proxy?.url ?? server.url,
				baseUrl,
				credentials: { publicKey: server.publicKey, privateKey: server.privateKey, baseUrl },
				customerIds: [...server.customers.keys()].slice(0, Number(args.listIds ?? 0)),
			};
		}
		if (args.vendor === 'jtel') {
			const server = await startJtelServer();
			const proxy = await startProxy(server.url);
			servers.set(id, { vendor: 'jtel', server, proxy });
			return { id, url: proxy?.url ?? server.url, credentials: { ...server.credentials(), baseUrl: proxy?.url ?? server.url } };
		}
		if (args.vendor === 'influencersoft') {
			const server = await startInfluencerSoftServer();
			const proxy = await startProxy(server.url);
			const url = proxy?.url ?? server.url;
			servers.set(id, { vendor: 'influencersoft', server, proxy });
			return { id, url, credentials: { login: server.login, apiKey: server.apiKey, customDomain: url } };
		}
		throw new Error(`unknown vendor ${String(args.vendor)}`);
	},
	setLatency(args) {
		const { proxy } = hosted(Number(args.id));
		if (!proxy) throw new Error('this server was started without a latency proxy');
		proxy.setLatency(Number(args.ms));
	},
	reset(args) {
		const entry = hosted(Number(args.id));
		entry.server.reset();
		if (entry.proxy && 'resetCount' in entry.proxy) entry.proxy.resetCount();
	},
	stats(args) {
		const entry = hosted(Number(args.id));
		let requests = entry.server.requests;
		if (entry.vendor === 'publitrac' && typeof args.method === 'string') requests = entry.server.calls(args.method);
		if (typeof args.pathSuffix === 'string') requests = entry.server.requestsTo(args.pathSuffix);
		return statsOf(entry.server, requests, entry.proxy);
	},
	async close(args) {
		const entry = servers.get(Number(args.id));
		servers.delete(Number(args.id));
		await entry?.proxy?.close();
		await entry?.server.close();
	},
};

if (require.main === module) {
	process.on('message', (message: { id: number; command: string; args: Args }) => {
		void (async () => {
			try {
				const handler = commands[message.command];
				if (!handler) throw new Error(`unknown command ${message.command}`);
				process.send?.({ id: message.id, result: (await handler(message.args)) ?? null });
			} catch (error) {
				process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) });
			}
		})();
	});
	// The parent going away ends this process too.
	process.on('disconnect', () => process.exit(0));
}
