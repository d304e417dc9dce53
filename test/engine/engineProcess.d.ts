export interface EngineProcess<Result> {
	pid: number;
	/** Resolves once the child has loaded what it needs and waits for `start()`. */
	ready: Promise<void>;
	/** What the child reported, once it is done. */
	result: Promise<Result>;
	start(): void;
	/** Kills the child if it still runs. */
	stop(): void;
}
/** Runs `script` (a .ts path from the repo root) in its own Node process; see engineProcess.js for the protocol. */
export function startEngineProcess<Result>(script: string, options?: { env?: Record<string, string>; timeoutMs?: number }): EngineProcess<Result>;
