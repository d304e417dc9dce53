/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// What can be checked of the publishing pipeline without GitHub: the workflow files parse and call scripts that exist,
// package.json says where the package comes from, the changelog keeps old entries, and `npm pack` ships exactly the
// built nodes, credentials, their icons and codex files, and the documents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { parse } from 'yaml';

import { REPO_ROOT } from '../engine/runner';
import { packedFiles } from './packageCommands';

const REPOSITORY = 'https://github.com/leadbridge/n8n-nodes-leadbridge';

interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}
interface Job {
	uses?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	jobs: Record<string, Job>;
}
interface PackageJson {
	name: string;
	repository: { type: string; url: string };
	bugs: { url: string };
	homepage: string;
	scripts: Record<string, string>;
	files: string[];
	n8n: { nodes: string[]; credentials: string[] };
	'auto-changelog': { template: string };
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
const workflowDir = join(REPO_ROOT, '.github', 'workflows');
const workflows = Object.fromEntries(
	readdirSync(workflowDir)
		.filter((file) => file.endsWith('.yml'))
		.map((file) => [file, parse(readFileSync(join(workflowDir, file), 'utf8')) as Workflow]),
);
const allSteps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
	);
}

describe('the GitHub workflows', () => {
	it('are ci.yml and publish.yml, and both parse', () => {
		expect(Object.keys(workflows).sort()).toEqual(['ci.yml', 'publish.yml']);
		for (const workflow of Object.values(workflows)) expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
	});

	it('CI runs npm test on every push and pull request, and can be called by the publish workflow', () => {
		const ci = workflows['ci.yml'];
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
		expect(allSteps(ci).map((step) => step.run)).toContain('npm test');
	});

	it('publish runs on a version tag, after the tests, with id-token: write, through npm run release', () => {
		const publish = workflows['publish.yml'];
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
		expect(publish.jobs.test.uses).toBe('./.github/workflows/ci.yml');
		expect(publish.jobs.publish.needs).toBe('test');
		expect(publish.jobs.publish.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const runs = allSteps(publish).map((step) => step.run ?? '');
		expect(runs.some((run) => /^\s*npm run release\s*$/m.test(run))).toBe(true);
		expect(pkg.scripts.release).toBe('n8n-node release');
		// A plain `npm publish` (no provenance) is refused unless n8n-node release runs it.
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		// n8n-node's release command publishes with provenance inside GitHub Actions.
		const release = readFileSync(join(REPO_ROOT, 'node_modules', '@n8n', 'node-cli', 'dist', 'commands', 'release.js'), 'utf8');
		expect(release).toContain("NPM_CONFIG_PROVENANCE: 'true'");
		expect(release).toContain('GITHUB_ACTIONS');
	});

	it('call only scripts, files and workflows that exist', () => {
		for (const [file, workflow] of Object.entries(workflows)) {
			for (const job of Object.values(workflow.jobs)) {
				if (job.uses?.startsWith('./')) expect(`${file}: ${job.uses} ${existsSync(join(REPO_ROOT, job.uses))}`).toBe(`${file}: ${job.uses} true`);
			}
			for (const step of allSteps(workflow)) {
				const run = step.run ?? '';
				for (const [, script] of run.matchAll(/npm run ([\w:-]+)/g)) expect(`${file}: npm run ${script}: ${script in pkg.scripts}`).toBe(`${file}: npm run ${script}: true`);
				for (const [, path] of run.matchAll(/bash ([\w./-]+)/g)) expect(`${file}: ${path}: ${existsSync(join(REPO_ROOT, path))}`).toBe(`${file}: ${path}: true`);
				const key = String(step.with?.key ?? '');
				for (const [, list] of key.matchAll(/hashFiles\(([^)]*)\)/g)) {
					for (const [, pattern] of list.matchAll(/'([^']+)'/g)) {
						const path = pattern.replace(/\/\*$/, '');
						expect(`${file}: ${pattern}: ${existsSync(join(REPO_ROOT, path))}`).toBe(`${file}: ${pattern}: true`);
					}
				}
			}
		}
		expect(pkg.scripts.test).toBe('bash scripts/test.sh');
	});
});

describe('package.json and the changelog', () => {
	it('point at the GitHub repository', () => {
		expect(pkg.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git` });
		expect(pkg.bugs.url).toBe(`${REPOSITORY}/issues`);
		expect(pkg.homepage).toBe(`${REPOSITORY}#readme`);
	});

	it('the release flow prepends each new version to CHANGELOG.md and keeps the entries below', () => {
		// auto-changelog replaces what is above its token with the template's output, which ends with the token again.
		const token = '<!-- auto-changelog-above -->';
		const template = readFileSync(join(REPO_ROOT, pkg['auto-changelog'].template), 'utf8');
		const changelog = readFileSync(join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');
		expect(template).toContain(token);
		expect(changelog).toContain(token);
		expect(changelog.slice(changelog.indexOf(token))).toMatch(/^## \d+\.\d+\.\d+/m);
		expect(changelog.slice(0, changelog.indexOf(token))).toBe(template.slice(0, template.indexOf(token)));
	});
});

describe('npm pack', () => {
	it('ships exactly the built nodes and credentials, their icons and codex files, and the documents', () => {
		const shipped = packedFiles(REPO_ROOT).sort();
		const icons = ['nodes', 'credentials'].flatMap((dir) =>
			walk(join(REPO_ROOT, dir))
				.filter((file) => /\.(svg|png)$/.test(file))
				.map((file) => `dist/${relative(REPO_ROOT, file)}`),
		);
		const expected = [
			'package.json',
			'README.md',
			'LICENSE',
			'CHANGELOG.md',
			...pkg.n8n.nodes,
			...pkg.n8n.nodes.map((file) => file.replace(/\.js$/, '.json')),
			...pkg.n8n.credentials,
			...icons,
		].sort();
		expect(shipped).toEqual(expected);
	});
});
