// Runs one benchmark function in a fresh Node process and returns what it returned, plus that process's peak RSS.
// Plain JS on purpose: spawning processes is tooling, which the lint rules for the package's TypeScript forbid.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const REPO_ROOT = resolve(__dirname, '../..');

/**
 * @param {string} modulePath  a scripts/bench/*.ts module, relative to the repo root
 * @param {string} exportName  the async function to call in the child
 * @param {unknown} [argument] JSON-serialisable argument passed to that function
 * @param {{ nodeArgs?: string[], timeoutMs?: number, env?: Record<string, string> }} [options]
 * @returns {{ result: any, maxRssBytes: number, wallMs: number }}
 */
function runFresh(modulePath, exportName, argument, options = {}) {
	const workDir = mkdtempSync(join(tmpdir(), 'leadbridge-bench-'));
	const outFile = join(workDir, 'result.json');
	try {
		const started = Date.now();
		const child = spawnSync(
			process.execPath,
			[
				...(options.nodeArgs ?? []),
				'-r',
				join(REPO_ROOT, 'scripts/ts-register.js'),
				join(REPO_ROOT, 'scripts/bench/child.ts'),
				join(REPO_ROOT, modulePath),
				exportName,
				outFile,
				JSON.stringify(argument ?? null),
			],
			{ cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'inherit', 'inherit'], timeout: options.timeoutMs ?? 15 * 60 * 1000 },
		);
		const wallMs = Date.now() - started;
		if (child.status !== 0) {
			let reason = child.error ? child.error.message : `exited with ${child.status ?? child.signal}`;
			try {
				reason = JSON.parse(readFileSync(outFile, 'utf8')).error ?? reason;
			} catch {
				// No reason written: the process died before it could say.
			}
			throw new Error(`${modulePath}#${exportName}: ${reason}`);
		}
		const { result, maxRssBytes } = JSON.parse(readFileSync(outFile, 'utf8'));
		return { result, maxRssBytes, wallMs };
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

module.exports = { runFresh, REPO_ROOT };
