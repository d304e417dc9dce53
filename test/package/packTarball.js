// Packs the package and unpacks it into a fresh folder where only n8n-workflow resolves, as inside n8n.
// Plain JS on purpose: spawning npm and tar is test tooling, which the lint rules for node code (TS) forbid.
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync, symlinkSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');

function packTarball(repoRoot, packageName) {
	const workDir = mkdtempSync(join(tmpdir(), 'leadbridge-pack-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], { cwd: repoRoot, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	const installDir = join(workDir, 'node_modules', packageName);
	mkdirSync(installDir, { recursive: true });
	execFileSync('tar', ['-xzf', join(workDir, tarball), '-C', installDir, '--strip-components=1']);
	const files = execFileSync('tar', ['-tzf', join(workDir, tarball)], { encoding: 'utf8' }).trim().split('\n');
	symlinkSync(dirname(require.resolve('n8n-workflow/package.json')), join(workDir, 'node_modules', 'n8n-workflow'), 'dir');
	return {
		installDir,
		files,
		load: (file) => require(file),
		cleanup: () => rmSync(workDir, { recursive: true, force: true }),
	};
}

module.exports = { packTarball };
