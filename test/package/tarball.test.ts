/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { REPO_ROOT } from '../engine/runner';
import { packTarball } from './packTarball';

interface PackageJson {
	name: string;
	dependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

/**
 * The published tarball must work where only n8n-workflow resolves (n8n's own copy): every node
 * and credential file loads and its class instantiates. This proves fast-xml-parser and our shared
 * code are bundled in, and that nothing else is required at run time.
 */
describe('the packed tarball', () => {
	let installDir: string;
	let files: string[];
	let cleanup = () => {};

	let load: (file: string) => unknown = () => undefined;
	beforeAll(() => {
		const packed = packTarball(REPO_ROOT, pkg.name);
		installDir = packed.installDir;
		files = packed.files;
		load = packed.load;
		cleanup = packed.cleanup;
	});
	afterAll(() => cleanup());

	it('declares no runtime dependencies and lists nodes and credentials', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.n8n.nodes.length).toBeGreaterThan(0);
		expect(pkg.n8n.credentials.length).toBeGreaterThan(0);
	});

	it('ships dist and the documents only: no sources, tests or build info', () => {
		const shipped = files.map((file) => file.replace(/^package\//, ''));
		expect(shipped.filter((file) => !/^(dist\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(file))).toEqual([]);
		expect(shipped.filter((file) => /\.tsbuildinfo$|\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
	});

	it('loads every node and credential with only n8n-workflow resolvable', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			const fullPath = join(installDir, file);
			const exported = load(fullPath) as Record<string, new () => { description?: { name: string }; name?: string }>;
			const className = file.split('/').pop()!.replace(/\.(node|credentials)\.js$/, '');
			expect(typeof exported[className]).toBe('function');
			const instance = new exported[className]();
			expect(instance.description?.name ?? instance.name).toBeTruthy();
			// Bundled: the file requires nothing but n8n-workflow.
			const source = readFileSync(fullPath, 'utf8');
			const required = [...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
			expect(required.filter((name) => !['n8n-workflow', 'crypto', 'node:crypto'].includes(name))).toEqual([]);
		}
	});

	it('ships each node icon and codex file next to the node', () => {
		for (const file of pkg.n8n.nodes) {
			const shipped = files.map((entry) => entry.replace(/^package\//, ''));
			expect(shipped).toContain(file.replace(/\.js$/, '.json'));
			const folder = dirname(file);
			expect(shipped.filter((entry) => entry.startsWith(folder) && entry.endsWith('.svg')).length).toBeGreaterThanOrEqual(2);
		}
	});
});
