/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server saw it. */
/**
 * Connections the kernel may hold before the server accepts them. Node's default (511) overflows when a node sends
 * a thousand calls at once, and a dropped SYN is retried a second later: the run then measures the backlog, not the node.
 */
export const LISTEN_BACKLOG = 4096;

export interface RecordedRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	body: string;
	receivedAt: number;
	/** The HTTP status of the answer once it was sent in full (unset for a reset, a cut-off body, a hang). */
	answeredStatus?: number;
	/** Refused with 429 by the server's rate limit (not processed). */
	refusedByLimit?: boolean;
	/** Under a holdUntilArrivals fault: how many requests had arrived when this one's answer was released. */
	arrivalsWhenAnswered?: number;
}

export interface Reply {
	status?: number;
	headers?: Record<string, string>;
	/** A string is sent as it is; anything else as JSON. */
	body?: unknown;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

/** What the server does instead of answering, once per queued fault. */
export type Fault =
	| { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
	| { kind: 'rateLimited'; retryAfterSeconds?: number }
	| { kind: 'reset' }
	| { kind: 'delay'; ms: number }
	/** The answer waits until this many requests have arrived in all (at most `maxMs`, 10 s by default). */
	| { kind: 'holdUntilArrivals'; arrivals: number; maxMs?: number }
	| { kind: 'truncated'; status?: number; body: string }
	| { kind: 'html'; status: number };

export interface ServerOptions {
	/**
	 * A strict sliding window: a request is refused with 429 when this many were accepted in the second before it
	 * arrived (refused ones do not count), with Retry-After saying when the oldest leaves the window.
	 */
	rateLimitPerSecond?: number;
	/** Network latency: every answer leaves this long after its request arrived (and was counted). */
	latencyMs?: number;
}

/**
 * Answers held back until enough requests are waiting at once: proves overlap by counting, not by timing. Requests
 * are held from arrival; once `until` are held together the gate opens for good and every request is answered.
 */
export interface HoldOptions {
	/** The record a request writes to; requests without one pass untouched and are not counted. */
	key: (request: RecordedRequest) => string | undefined;
	until: number;
	/** Opens the gate anyway after this long, so a node that never overlaps fails an assertion rather than hanging. */
	fallbackMs?: number;
}

export interface HeldAnswers {
	/** What opened the gate: enough requests at once, or the fallback (the node did not overlap). */
	openedBy?: 'count' | 'fallback';
	/** Most requests under way (arrived, not yet answered) at once, in all and for any one key. */
	mostAtOnce: number;
	mostAtOnceForOneKey: number;
	/** Keys in arrival order, and in the order their answers were sent. */
	arrivals: string[];
	completions: string[];
}

export interface VendorServer {
	url: string;
	port: number;
	requests: RecordedRequest[];
	/** 429 answers given by the rate limiter. */
	rateLimitedCount: number;
	/** Queues faults, served in order to the next requests (each `times` times), or only to those `when` picks. */
	injectFault(fault: Fault, times?: number, when?: (request: RecordedRequest) => boolean): void;
	/** Requests whose path ends with the given suffix. */
	requestsTo(pathSuffix: string): RecordedRequest[];
	/** Holds answers until `until` requests wait at once (see HoldOptions); `reset()` removes the gate. */
	holdAnswers(options: HoldOptions): HeldAnswers;
	reset(): void;
	close(): Promise<void>;
}

/** The most requests that arrived within any one window of `windowMs` (1 s: what a rate limit counts). */
export function busiestWindow(requests: RecordedRequest[], windowMs = 1000): number {
	const arrivals = requests.map((request) => request.receivedAt).sort((a, b) => a - b);
	let busiest = 0;
	for (let index = 0, start = 0; index < arrivals.length; index++) {
		while (arrivals[start] <= arrivals[index] - windowMs) start++;
		busiest = Math.max(busiest, index - start + 1);
	}
	return busiest;
}

const delay = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

const HTML_ERROR_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>';

/** An HTTP server on 127.0.0.1 (random port) that speaks a vendor protocol through `handler`. */
export async function startVendorServer(handler: Handler, options: ServerOptions = {}): Promise<VendorServer> {
	const requests: RecordedRequest[] = [];
	const faults: Array<{ fault: Fault; when?: (request: RecordedRequest) => boolean }> = [];
	const recentArrivals: number[] = [];
	const sockets = new Set<Socket>();
	const state = { rateLimitedCount: 0 };
	let gate: { options: HoldOptions; held: HeldAnswers; underWay: Map<string, number>; total: number; open: () => void; opened: Promise<void> } | undefined;

	const send = (res: ServerResponse, reply: Reply) => {
		const isText = typeof reply.body === 'string';
		const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
		const headers: Record<string, string> = {
			'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
			...reply.headers,
		};
		res.writeHead(reply.status ?? 200, { ...headers, 'content-length': Buffer.byteLength(payload) });
		res.end(payload);
	};

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const recorded: RecordedRequest = {
					method: req.method ?? 'GET',
					path: url.pathname,
					query: url.searchParams,
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
					receivedAt: Date.now(),
				};
				requests.push(recorded);
				res.on('finish', () => {
					recorded.answeredStatus = res.statusCode;
				});

				if (options.rateLimitPerSecond) {
					const now = recorded.receivedAt;
					while (recentArrivals.length && recentArrivals[0] <= now - 1000) recentArrivals.shift();
					if (recentArrivals.length >= options.rateLimitPerSecond) {
						state.rateLimitedCount++;
						recorded.refusedByLimit = true;
						// Whole seconds, as HTTP says: until the oldest accepted call leaves the window.
						const retryAfter = Math.max(1, Math.ceil((recentArrivals[0] + 1000 - now) / 1000));
						if (options.latencyMs) await delay(options.latencyMs);
						send(res, { status: 429, headers: { 'retry-after': String(retryAfter) }, body: 'Too many requests' });
						return;
					}
					recentArrivals.push(now);
				}
				if (options.latencyMs) await delay(options.latencyMs);

				const heldBy = gate;
				const key = heldBy?.options.key(recorded);
				if (heldBy && key !== undefined) {
					const { held, underWay } = heldBy;
					held.arrivals.push(key);
					underWay.set(key, (underWay.get(key) ?? 0) + 1);
					heldBy.total++;
					held.mostAtOnce = Math.max(held.mostAtOnce, heldBy.total);
					held.mostAtOnceForOneKey = Math.max(held.mostAtOnceForOneKey, underWay.get(key) ?? 0);
					res.on('close', () => {
						underWay.set(key, (underWay.get(key) ?? 1) - 1);
						heldBy.total--;
						held.completions.push(key);
					});
					if (heldBy.total >= heldBy.options.until && held.openedBy === undefined) {
						held.openedBy = 'count';
						heldBy.open();
					}
					await heldBy.opened;
				}

				const next = faults.findIndex(({ when }) => when === undefined || when(recorded));
				const fault = next < 0 ? undefined : faults.splice(next, 1)[0].fault;
				if (fault) {
					switch (fault.kind) {
						case 'status':
							return send(res, { status: fault.status, headers: fault.headers, body: fault.body ?? '' });
						case 'rateLimited':
							return send(res, {
								status: 429,
								headers: fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
								body: 'Too many requests',
							});
						case 'reset':
							req.socket.destroy();
							return;
						case 'html':
							return send(res, { status: fault.status, headers: { 'content-type': 'text/html' }, body: HTML_ERROR_PAGE });
						case 'truncated': {
							// Promise a longer body than is sent, then drop the connection.
							res.writeHead(fault.status ?? 200, { 'content-length': Buffer.byteLength(fault.body) * 2 + 10 });
							res.write(fault.body);
							setTimeout(() => req.socket.destroy(), 10);
							return;
						}
						case 'delay':
							// Unref'd: a hang longer than the test must not keep the test process alive.
							await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.ms).unref());
							break;
						case 'holdUntilArrivals': {
							const deadline = Date.now() + (fault.maxMs ?? 10000);
							while (requests.length < fault.arrivals && Date.now() < deadline) await delay(5);
							recorded.arrivalsWhenAnswered = requests.length;
							break;
						}
					}
				}
				try {
					send(res, await handler(recorded));
				} catch (error) {
					send(res, { status: 500, body: `test server handler failed: ${(error as Error).message}` });
				}
			})();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.keepAliveTimeout = 1000;

	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', LISTEN_BACKLOG, resolveListen));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		get rateLimitedCount() {
			return state.rateLimitedCount;
		},
		injectFault(fault, times = 1, when) {
			for (let i = 0; i < times; i++) faults.push({ fault, when });
		},
		requestsTo: (suffix) => requests.filter((request) => request.path.endsWith(suffix)),
		holdAnswers(holdOptions) {
			const held: HeldAnswers = { mostAtOnce: 0, mostAtOnceForOneKey: 0, arrivals: [], completions: [] };
			let open = () => {};
			const opened = new Promise<void>((resolveOpen) => (open = resolveOpen));
			const fallback = setTimeout(() => {
				if (held.openedBy === undefined) held.openedBy = 'fallback';
				open();
			}, holdOptions.fallbackMs ?? 10000);
			fallback.unref();
			void opened.then(() => clearTimeout(fallback));
			gate = { options: holdOptions, held, underWay: new Map(), total: 0, open, opened };
			return held;
		},
		reset() {
			gate = undefined;
			requests.length = 0;
			faults.length = 0;
			recentArrivals.length = 0;
			state.rateLimitedCount = 0;
		},
		close: () =>
			new Promise<void>((resolveClose) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolveClose());
			}),
	};
}
