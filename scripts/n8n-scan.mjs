#!/usr/bin/env node
// n8n's own verification scan (@n8n/scan-community-package), offline. n8n runs it on a published version: it checks
// the npm provenance, downloads the attested GitHub source and the tarball, and lints both with its rule set
// (analyzePackageByName). The network steps cannot run before publishing, so this runs the same lint gate
// (analyzePackage, the same file patterns) on what they would fetch: the `npm pack` tarball, unpacked, and the source.
//   node scripts/n8n-scan.mjs                      # the source of this repository and its packed tarball (needs dist/)
//   node scripts/n8n-scan.mjs --source DIR         # one folder, as the source leg
//   node scripts/n8n-scan.mjs --tarball-dir DIR    # one unpacked tarball, as the tarball leg
// Prints one line per leg and a result line; exits 1 on any violation.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
// What analyzePackageByName lints in the downloaded tarball (compiled .js and the published package.json).
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

// The same `npm pack` the e2e tests install into n8n.
const { packPackage } = createRequire(import.meta.url)('../test/e2e/n8nProcess.js');

function packAndUnpack() {
	const tarball = packPackage();
	const workDir = dirname(tarball);
	const unpacked = join(workDir, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	return { unpacked, cleanup: () => rmSync(workDir, { recursive: true, force: true }) };
}

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	console.log(`${result.passed ? 'passed' : 'FAILED'}: ${label} (${dir})${result.message ? `: ${result.message}` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

async function main() {
	// eslint-plugin-n8n-nodes-base switches to fixture file names under NODE_ENV=test (jest sets it), failing every node.
	delete process.env.NODE_ENV;
	const [flag, dir] = process.argv.slice(2);
	let passed;
	if (flag === '--source') passed = await scan('source', dir, SOURCE_FILE_PATTERNS);
	else if (flag === '--tarball-dir') passed = await scan('tarball', dir, TARBALL_FILE_PATTERNS);
	else {
		const packed = packAndUnpack();
		try {
			const source = await scan('source', repoRoot, SOURCE_FILE_PATTERNS);
			const tarball = await scan('packed tarball', packed.unpacked, TARBALL_FILE_PATTERNS);
			passed = source && tarball;
		} finally {
			packed.cleanup();
		}
	}
	console.log(passed ? 'n8n scan: no violations.' : 'n8n scan: violations found (see above).');
	process.exit(passed ? 0 : 1);
}

await main();
