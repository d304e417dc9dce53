export declare const REPO_ROOT: string;
export declare function runFresh<T = unknown>(
	modulePath: string,
	exportName: string,
	argument?: unknown,
	options?: { nodeArgs?: string[]; timeoutMs?: number; env?: Record<string, string> },
): { result: T; maxRssBytes: number; wallMs: number };
