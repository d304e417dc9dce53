/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// n8n's verification scan (@n8n/scan-community-package's analyzePackage, offline) on the source and the packed tarball,
// through scripts/n8n-scan.mjs, the same command `npm run scan` runs. A planted violation proves the scan has teeth.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT } from '../engine/runner';
import { runScan as scan } from './packageCommands';

const runScan = (args: string[]) => scan(REPO_ROOT, args);

describe("n8n's verification scan", () => {
	it('finds no violation in the source nor in the packed tarball', () => {
		const run = runScan([]);
		expect(run.output).toMatch(/^passed: source /m);
		expect(run.output).toMatch(/^passed: packed tarball /m);
		expect(run.output).toContain('n8n scan: no violations.');
		expect(run.code).toBe(0);
	});

	describe('on a package that breaks its rules', () => {
		let dir = '';
		beforeAll(() => {
			dir = mkdtempSync(join(tmpdir(), 'leadbridge-scan-bad-'));
			mkdirSync(join(dir, 'nodes', 'Leaky'), { recursive: true });
			writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'n8n-nodes-leaky', version: '0.0.1', keywords: ['n8n-community-node-package'] }));
			writeFileSync(join(dir, 'nodes', 'Leaky', 'Leaky.node.js'), "const { execSync } = require('child_process');\nconsole.log(process.env.SECRET, execSync('id'));\n");
		});
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it.each([['--source'], ['--tarball-dir']])('fails it with the rule broken (%s)', (flag) => {
			const run = runScan([flag, dir]);
			expect(run.code).toBe(1);
			expect(run.output).toContain('n8n scan: violations found');
			expect(run.output).toMatch(/no-console|no-restricted-globals|no-restricted-imports/);
		});
	});
});
