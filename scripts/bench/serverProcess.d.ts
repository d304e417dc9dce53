export interface ServerProcess {
	/** Sends one command to scripts/bench/serverHost.ts and resolves with its answer. */
	call<T = unknown>(command: string, args?: object): Promise<T>;
	pid: number;
	stop(): Promise<void>;
}
export declare function startServerProcess(): Promise<ServerProcess>;
