/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Benchmarks print their numbers on stdout; the lint rules for node code forbid console, so write directly.
export function print(line: string): void {
	process.stdout.write(`${line}\n`);
}

export function fail(error: unknown): never {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
}
