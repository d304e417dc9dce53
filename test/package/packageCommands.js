// The commands the package tests run: n8n's verification scan (scripts/n8n-scan.mjs), `npm pack --dry-run`, and bash
// snippets that exercise the install scripts' helpers.
// Plain JS on purpose: spawning processes is test tooling, which the lint rules for TypeScript forbid.
const { execFileSync, spawnSync } = require('node:child_process');
const { join } = require('node:path');

/** Runs scripts/n8n-scan.mjs with these arguments; its exit code and everything it printed. */
function runScan(repoRoot, args) {
	try {
		const output = execFileSync('node', [join(repoRoot, 'scripts', 'n8n-scan.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
		return { code: 0, output };
	} catch (error) {
		return { code: error.status, output: `${error.stdout}${error.stderr}` };
	}
}

/** The paths `npm pack` would put in the tarball. */
function packedFiles(repoRoot) {
	const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: repoRoot, encoding: 'utf8' }));
	return packed[0].files.map((file) => file.path);
}

/** Runs a bash script from the repository root; its exit code, stdout and stderr (kept apart). */
function runBash(repoRoot, script, env = {}) {
	const result = spawnSync('bash', ['-c', script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env } });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

module.exports = { runScan, packedFiles, runBash };
