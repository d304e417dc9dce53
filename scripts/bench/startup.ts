/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Item 5: start-up cost of the package as n8n pays it: n8n-core's PackageDirectoryLoader loading every node and
// credential file the built package lists. Runs in a fresh process each time (see index.ts), so nothing is cached.
import { createRequire } from 'node:module';
import '../../test/engine/setupEnv';

import { round } from './report';

// Loaded at run time (optional modules, or after the environment is set): a require bound to this file.
const loadModule = createRequire(__filename);

const REPO_ROOT = `${__dirname}/../..`;

export async function benchStartupOnce(packageDir: string = REPO_ROOT) {
	let started = process.hrtime.bigint();
	const { PackageDirectoryLoader } = loadModule('n8n-core') as typeof import('n8n-core');
	const coreImportMs = Number(process.hrtime.bigint() - started) / 1e6;
	started = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
	return {
		nodes: Object.keys(loader.nodeTypes).length,
		credentials: Object.keys(loader.credentialTypes).length,
		loadMs: round(loadMs, 2),
		coreImportMs: round(coreImportMs),
	};
}
