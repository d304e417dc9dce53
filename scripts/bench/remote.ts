// The vendor servers as the benchmarks see them: in another process (serverHost.ts), reached over IPC, so the
// process being timed (and its peak RSS) holds only the engine and the nodes.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { TrafficStats } from './serverHost';
import { startServerProcess, type ServerProcess } from './serverProcess';

export type { TrafficStats };

export interface Started {
	id: number;
	url: string;
	credentials: ICredentialDataDecryptedObject;
}

export interface PublitracRemote extends Started {
	apiUrl: string;
	account: { apiKey: string; username: string; password: string };
}

export interface SpreadRemote extends Started {
	baseUrl: string;
	/** The first `listIds` customer IDs on the server. */
	customerIds: string[];
}

export interface RemoteControl {
	setLatency(ms: number): Promise<void>;
	reset(): Promise<void>;
	/** Traffic since the last reset: all calls, or one PUBLITRAC method, or one path suffix. */
	stats(filter?: { method?: string; pathSuffix?: string }): Promise<TrafficStats>;
}

export class ServerHost {
	private constructor(private readonly process: ServerProcess) {}

	static async start(): Promise<ServerHost> {
		return new ServerHost(await startServerProcess());
	}

	private control(id: number): RemoteControl {
		return {
			setLatency: async (ms) => void (await this.process.call('setLatency', { id, ms })),
			reset: async () => void (await this.process.call('reset', { id })),
			stats: async (filter = {}) => await this.process.call<TrafficStats>('stats', { id, ...filter }),
		};
	}

	async publitrac(options: { rateLimitPerSecond?: number; extraLeads?: number } = {}): Promise<PublitracRemote & RemoteControl> {
		const started = await this.process.call<PublitracRemote>('start', { vendor: 'publitrac', ...options });
		return { ...started, ...this.control(started.id) };
	}

	async spread(options: { customers?: number; listIds?: number; latencyProxy?: boolean; link?: 'tls' } = {}): Promise<SpreadRemote & RemoteControl> {
		const started = await this.process.call<SpreadRemote>('start', { vendor: 'spread', ...options });
		return { ...started, ...this.control(started.id) };
	}

	/** jtel or InfluencerSoft behind the TLS link (tlsLink.ts). */
	async vendor(vendor: 'jtel' | 'influencersoft'): Promise<Started & RemoteControl> {
		const started = await this.process.call<Started>('start', { vendor, link: 'tls' });
		return { ...started, ...this.control(started.id) };
	}

	async stop(): Promise<void> {
		await this.process.stop();
	}
}

/** Runs `body` with a server process, stopped afterwards whatever happens. */
export async function withServerHost<T>(body: (host: ServerHost) => Promise<T>): Promise<T> {
	const host = await ServerHost.start();
	try {
		return await body(host);
	} finally {
		await host.stop();
	}
}
