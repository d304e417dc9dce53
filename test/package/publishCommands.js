// The commands the publishing tests run: n8n's verification scan (scripts/n8n-scan.mjs) and `npm pack --dry-run`.
// Plain JS on purpose: spawning processes is test tooling, which the lint rules for TypeScript forbid.
const { execFileSync } = require('node:child_process');
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

module.exports = { runScan, packedFiles };
