export interface N8nTarget {
	/** e.g. "2.41.1" */
	version: string;
	/** The folder holding the cached Node 24 binary, or undefined for the machine's own node. */
	nodeBin?: string;
	/** The cached install: <dir>/node_modules/n8n. */
	dir: string;
}
export interface LogRecord {
	message?: unknown;
	level?: string;
	[key: string]: unknown;
}
export interface N8nRun {
	code: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
	records: LogRecord[];
	ms: number;
}
export interface RunningN8n {
	url: string;
	port: number;
	stop(): Promise<void>;
	output(): string;
	records(): LogRecord[];
}
export const REPO_ROOT: string;
/** The versions of scripts/n8n-versions.sh, narrowed by LEADBRIDGE_N8N_ONLY="2.41.1" if set. */
export function n8nTargets(): N8nTarget[];
/** Runs scripts/n8n-install.sh for these versions (returns at once when cached). */
export function ensureInstalled(versions: string[]): void;
export function freePort(): Promise<number>;
export function runN8n(
	target: N8nTarget,
	userFolder: string,
	args: string[],
	options?: { env?: Record<string, string>; timeoutMs?: number },
): Promise<N8nRun>;
export function startN8n(
	target: N8nTarget,
	userFolder: string,
	options?: { port?: number; env?: Record<string, string>; timeoutMs?: number; inheritOutput?: boolean },
): Promise<RunningN8n>;
export function installPackedPackage(userFolder: string, tarball: string): string;
export function packPackage(): string;
export function makeTempDir(prefix: string): string;
export function removeDir(dir: string): void;
