export interface ScanRun {
	code: number;
	output: string;
}
export function runScan(repoRoot: string, args: string[]): ScanRun;
export function packedFiles(repoRoot: string): string[];
export interface BashRun {
	code: number | null;
	stdout: string;
	stderr: string;
}
export function runBash(repoRoot: string, script: string, env?: Record<string, string>): BashRun;
