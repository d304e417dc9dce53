/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// n8n's own HTTP Request node (and Split Out), run by the same in-process engine as our nodes (test/engine/runner).
//
// n8n-nodes-base is far too big for a dev dependency (hundreds of runtime dependencies: database drivers, AWS SDK,
// Kafka...), so it is taken from the real n8n install the e2e tests cache (scripts/n8n-install.sh, n8n 2.41.1, whose
// nodes-base pins the same n8n-workflow 2.41.0 as our n8n-core 2.41.1). Only the few node files needed are listed
// in a throw-away package directory that n8n-core's PackageDirectoryLoader loads, exactly as it loads ours.
// Their `require('n8n-workflow')` / `require('n8n-core')` are pointed at this repo's copies, so one copy of each
// exists in the process (n8n's error classes are checked with instanceof).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const N8N_VERSION = '2.41.1';

/** Where scripts/n8n-install.sh puts n8n (LEADBRIDGE_CACHE, else $XDG_CACHE_HOME or ~/.cache, then /leadbridge). */
function candidateDirs(): string[] {
	const cache = process.env.LEADBRIDGE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'leadbridge');
	return [process.env.BENCH_NODES_BASE_DIR, join(cache, `n8n-${N8N_VERSION}`, 'node_modules', 'n8n-nodes-base')].filter(
		(dir): dir is string => Boolean(dir),
	);
}

export interface NodesBase {
	dir: string;
	version: string;
	/** A package directory for runWorkflow({ packageDir }) holding HTTP Request, Split Out, Aggregate and HTTP Basic Auth. */
	packageDir: string;
}

let redirected = false;

/** Makes nodes-base's imports of n8n-workflow / n8n-core resolve to the copies this repo's engine uses. */
function shareEngineModules(nodesBaseDir: string) {
	if (redirected) return;
	redirected = true;
	const n8nRoot = dirname(dirname(nodesBaseDir));
	const shared = new Map(['n8n-workflow', 'n8n-core'].map((name) => [name, require.resolve(name)]));
	const moduleInternals = Module as unknown as { _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string };
	const original = moduleInternals._resolveFilename;
	moduleInternals._resolveFilename = function (request, parent, ...rest) {
		const target = shared.get(request);
		if (target && parent?.filename?.startsWith(n8nRoot)) return target;
		return original.call(this, request, parent, ...rest);
	};
}

/** Finds n8n-nodes-base and prepares the small package of its nodes that the baselines use, or says why not. */
export function locateNodesBase(): NodesBase | { missing: string } {
	const dir = candidateDirs().find((candidate) => existsSync(join(candidate, 'package.json')));
	if (!dir) {
		return { missing: `n8n-nodes-base ${N8N_VERSION} not found (looked in ${candidateDirs().join(', ')}); run bash scripts/n8n-install.sh ${N8N_VERSION}` };
	}
	const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
	const files = {
		nodes: ['dist/nodes/HttpRequest/HttpRequest.node.js', 'dist/nodes/Transform/SplitOut/SplitOut.node.js', 'dist/nodes/Transform/Aggregate/Aggregate.node.js'],
		credentials: ['dist/credentials/HttpBasicAuth.credentials.js'],
	};
	for (const file of [...files.nodes, ...files.credentials]) {
		if (!existsSync(join(dir, file))) return { missing: `${file} not in n8n-nodes-base ${version}` };
	}
	shareEngineModules(dir);
	const packageDir = join(tmpdir(), `leadbridge-bench-nodes-base-${version}`);
	mkdirSync(packageDir, { recursive: true });
	writeFileSync(
		join(packageDir, 'package.json'),
		JSON.stringify({
			name: 'n8n-nodes-base',
			version,
			n8n: { nodes: files.nodes.map((file) => join(dir, file)), credentials: files.credentials.map((file) => join(dir, file)) },
		}),
	);
	return { dir, version, packageDir };
}
