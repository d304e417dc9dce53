/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// A first run as a newcomer sees it: one measured time estimate (scripts/estimates.sh) quoted the same way by the
// README, the docs and the scripts' messages; a progress line at least every 15 s while the long installs run; npm's
// EBADENGINE warning for isolated-vm explained on the Node version the README calls enough; lint ending with a result.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../engine/runner';
import { runBash } from './packageCommands';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const estimatesScript = read('scripts/estimates.sh');
const estimates = Object.fromEntries([...estimatesScript.matchAll(/^(LEADBRIDGE_\w+_ESTIMATE)="([^"]+)"/gm)].map(([, name, value]) => [name, value]));
const scripts = readdirSync(join(REPO_ROOT, 'scripts')).filter((file) => file.endsWith('.sh') && file !== 'estimates.sh');

describe('the first-run time estimate', () => {
	it('is measured once, in scripts/estimates.sh', () => {
		expect(Object.keys(estimates).sort()).toEqual([
			'LEADBRIDGE_DEPS_ESTIMATE',
			'LEADBRIDGE_N8N_ESTIMATE',
			'LEADBRIDGE_START_ESTIMATE',
			'LEADBRIDGE_TEST_ESTIMATE',
		]);
		for (const value of Object.values(estimates)) expect(value).toMatch(/^about \d+ minutes$/);
	});

	it('is what the README says for npm start, npm test, the dev dependencies and the n8n installs', () => {
		const readme = read('README.md');
		for (const value of Object.values(estimates)) expect(readme).toContain(`**${value}**`);
	});

	it('is the only estimate anywhere: no other "about N minutes" and no "N to M minutes" ranges', () => {
		const allowed = new Set(Object.values(estimates));
		for (const file of ['README.md', 'docs/real-n8n.md', 'docs/DEVELOPING.md', ...scripts.map((script) => `scripts/${script}`)]) {
			const text = read(file);
			const others = [...text.matchAll(/about \d+ minutes?/g)].map(([phrase]) => phrase).filter((phrase) => !allowed.has(phrase));
			expect(`${file}: ${others.join(', ')}`).toBe(`${file}: `);
			expect(`${file}: ${text.match(/\d+ (?:to|-|–) \d+ min/g)?.join(', ') ?? ''}`).toBe(`${file}: `);
		}
	});

	it("is printed by the scripts' messages", () => {
		expect(read('scripts/ensure-deps.sh')).toContain('$LEADBRIDGE_DEPS_ESTIMATE');
		expect(read('scripts/n8n-install.sh')).toContain('$LEADBRIDGE_N8N_ESTIMATE');
		expect(read('scripts/start.sh')).toContain('$LEADBRIDGE_START_ESTIMATE');
		expect(read('scripts/test.sh')).toContain('$LEADBRIDGE_TEST_ESTIMATE');
	});
});

describe('the install progress lines', () => {
	it('tick while an install runs, saying what and how far, and stop with it', () => {
		const run = runBash(
			REPO_ROOT,
			`set -euo pipefail
			. scripts/install-output.sh
			dir=$(mktemp -d)
			progress_start "Filling a folder" "$dir" 8
			for i in 1 2 3 4; do head -c 2097152 /dev/zero > "$dir/part$i"; sleep 0.7; done
			progress_stop
			progress_start "Compiling"
			sleep 1.5
			progress_stop
			rm -rf "$dir"
			echo finished`,
			{ LEADBRIDGE_PROGRESS_SECONDS: '0.5' },
		);
		expect(run.code).toBe(0);
		expect(run.stdout.trim()).toBe('finished');
		const lines = run.stderr.trim().split('\n');
		const filling = lines.filter((line) => line.includes('Filling a folder:'));
		expect(filling.length).toBeGreaterThanOrEqual(3);
		for (const line of filling) expect(line).toMatch(/^\[progress \d\d:\d\d:\d\d\] Filling a folder: \d+ MB of about 8 MB \(\d+%\), 0 min \d+ s so far$/);
		const sizes = filling.map((line) => Number(/: (\d+) MB/.exec(line)![1]));
		expect(sizes[sizes.length - 1]).toBeGreaterThan(sizes[0]);
		expect(lines.filter((line) => /Compiling: 0 min \d+ s so far$/.test(line)).length).toBeGreaterThanOrEqual(1);
		// Nothing ticks once stopped: the last line is from before "finished".
		expect(lines.every((line) => line.startsWith('[progress '))).toBe(true);
	});

	it('run around every long install: the dev dependencies, Node 24, each n8n version and the sqlite3 build', () => {
		expect(read('scripts/ensure-deps.sh')).toMatch(/progress_start "Installing the dev dependencies"[^\n]*\n\s*npm install/);
		const installer = read('scripts/n8n-install.sh');
		expect(installer).toMatch(/progress_start "Installing Node[^\n]*\n\s*npm install/);
		expect(installer).toMatch(/progress_start "Installing n8n \$version"[^\n]*\n[^\n]*npm install/);
		expect(installer).toMatch(/progress_start "Compiling sqlite3[^\n]*\n(?:[^\n]*\n)?[^\n]*npm rebuild[^\n]*sqlite3/);
	});
});

describe("npm's EBADENGINE warning on Node 20", () => {
	it('is explained for isolated-vm and left alone for any other package', () => {
		const npmOutput = [
			'npm warn EBADENGINE Unsupported engine {',
			"npm warn EBADENGINE   package: 'isolated-vm@7.0.1',",
			"npm warn EBADENGINE   required: { node: '>=24.0.0' },",
			"npm warn EBADENGINE   current: { node: 'v20.20.2', npm: '11.19.1' }",
			'npm warn EBADENGINE }',
			'npm warn EBADENGINE Unsupported engine {',
			"npm warn EBADENGINE   package: 'some-other@1.0.0',",
			'npm warn EBADENGINE }',
			'',
			'added 1084 packages in 2m',
		].join('\n');
		const filtered = runBash(REPO_ROOT, `. scripts/install-output.sh; printf '%s\\n' "$NPM_OUTPUT" | explain_engine_warnings`, { NPM_OUTPUT: npmOutput });
		expect(filtered.code).toBe(0);
		expect(filtered.stdout).not.toContain('isolated-vm@7.0.1');
		expect(filtered.stdout).toMatch(/^note: npm warns that isolated-vm wants Node 24 \(EBADENGINE\)\..*Node 20 is enough\.$/m);
		expect(filtered.stdout).toContain("npm warn EBADENGINE   package: 'some-other@1.0.0',");
		expect(filtered.stdout).toContain('added 1084 packages in 2m');
		// The README names the warning too, for whoever meets it elsewhere.
		expect(read('README.md')).toContain('`EBADENGINE` warning for `isolated-vm`');
	});

	it('comes from isolated-vm alone among the dev dependencies', () => {
		const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
		const needNode24 = Object.entries(lock.packages)
			.filter(([, entry]) => /^>=\s*2[1-9]/.test(entry.engines?.node ?? ''))
			.map(([path]) => path.replace(/^.*node_modules\//, ''));
		expect([...new Set(needNode24)]).toEqual(['isolated-vm']);
	});
});

describe('npm run lint', () => {
	it('ends with a result line', () => {
		const lint = read('scripts/lint.sh');
		expect(JSON.parse(read('package.json')).scripts.lint).toBe('bash scripts/lint.sh');
		expect(lint).toContain('echo "Lint passed: n8n-node lint (strict), no problems."');
		expect(lint).toMatch(/echo "Lint FAILED: [^"]*"\n\s*exit \$status/);
	});
});

describe('the lock files', () => {
	it.each([['package-lock.json'], ...readdirSync(join(REPO_ROOT, 'scripts', 'n8n-locks')).map((file) => [`scripts/n8n-locks/${file}`])])(
		'%s names the tarball of every package, so a cold install skips fetching their metadata',
		(file) => {
			const lock = JSON.parse(read(file)) as { packages: Record<string, { version?: string; resolved?: string; link?: boolean }> };
			const withoutUrl = Object.entries(lock.packages)
				.filter(([path, entry]) => path !== '' && !entry.link && entry.version !== undefined && !entry.resolved?.startsWith('https://registry.npmjs.org/'))
				.map(([path]) => path);
			expect(withoutUrl).toEqual([]);
		},
	);

	it("keep them when npm rewrites package-lock.json (this machine's npm is set to drop them)", () => {
		expect(read('.npmrc')).toMatch(/^omit-lockfile-registry-resolved=false$/m);
	});
});
