/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Screenshots of the package in the n8n editor (docs/screenshots/): each example workflow on the canvas, and each
// of the package's nodes opened on its parameters, taken with Debian's headless Chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

import { makeTempDir, REPO_ROOT, removeDir } from '../../test/e2e/n8nProcess';
import { startDemo } from '../start/demo';

const OUT_DIR = join(REPO_ROOT, 'docs', 'screenshots');
const PACKAGE_PREFIX = 'n8n-nodes-leadbridge.';
const say = (line: string) => process.stdout.write(`${line}\n`);

async function settle(page: Page) {
	await page.waitForLoadState('networkidle').catch(() => {});
	await page.waitForTimeout(800);
}

async function dismissPopups(page: Page) {
	for (const label of ['Skip', 'Got it', 'Close', 'Dismiss']) {
		const button = page.getByRole('button', { name: label, exact: true });
		if (await button.first().isVisible().catch(() => false)) await button.first().click().catch(() => {});
	}
	await page.keyboard.press('Escape').catch(() => {});
}

async function main() {
	const userFolder = makeTempDir('leadbridge-screenshots-');
	const demo = await startDemo({ userFolder, say });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	const taken: string[] = [];
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		const [name, value] = demo.cookie.split('=');
		await context.addCookies([{ name, value, url: demo.url }]);
		const page = await context.newPage();
		mkdirSync(OUT_DIR, { recursive: true });
		const shot = async (file: string) => {
			await page.screenshot({ path: join(OUT_DIR, file) });
			taken.push(file);
		};
		const done = new Set<string>();
		for (const example of demo.examples) {
			await page.goto(`${demo.url}/workflow/${example.workflow.id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
			await settle(page);
			await dismissPopups(page);
			await page.keyboard.press('Shift+1').catch(() => {}); // zoom to fit
			await settle(page);
			await shot(`workflow-${example.name}.png`);
			for (const node of example.workflow.nodes) {
				if (!node.type.startsWith(PACKAGE_PREFIX) || done.has(node.type)) continue;
				const onCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`);
				await onCanvas.dblclick();
				await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30000 });
				await settle(page);
				await shot(`node-${node.type.slice(PACKAGE_PREFIX.length)}.png`);
				done.add(node.type);
				await page.keyboard.press('Escape');
				await settle(page);
			}
		}
	} finally {
		await browser.close();
		await demo.stop();
		removeDir(userFolder);
	}
	say(`${taken.length} screenshots in docs/screenshots: ${taken.join(', ')}`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
