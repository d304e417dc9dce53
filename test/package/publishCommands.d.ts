export interface ScanRun {
	code: number;
	output: string;
}
export function runScan(repoRoot: string, args: string[]): ScanRun;
export function packedFiles(repoRoot: string): string[];
