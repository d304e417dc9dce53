/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The node and credential type names the package declares (package.json `n8n.nodes` / `n8n.credentials`),
// read from the built files: what n8n must list once the package is installed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { REPO_ROOT } from './n8nProcess';

const load = createRequire(join(REPO_ROOT, 'package.json'));

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

function exportedInstance(file: string): Record<string, unknown> {
	const module = load(join(REPO_ROOT, file)) as Record<string, new () => Record<string, unknown>>;
	const exported = Object.values(module).find((value) => typeof value === 'function');
	if (!exported) throw new Error(`${file} exports no class`);
	return new exported();
}

export function packageTypes(): { nodes: string[]; credentials: string[] } {
	const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
	return {
		nodes: pkg.n8n.nodes.map((file) => {
			const node = exportedInstance(file) as { description?: { name: string }; nodeVersions?: Record<string, { description: { name: string } }> };
			return node.description?.name ?? Object.values(node.nodeVersions ?? {})[0].description.name;
		}),
		credentials: pkg.n8n.credentials.map((file) => (exportedInstance(file) as { name: string }).name),
	};
}
