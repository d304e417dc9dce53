/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// `npm run test:ui` (scripts/test-ui.sh): the package's nodes in n8n's real editor, in Debian's headless Chromium
// through playwright-core, against the `npm start` sandboxes. For every node it opens a workflow holding it, runs
// Execute step and waits for its items; for the action nodes it then picks every resource and operation in the
// editor, checks that each field mapper loads its fields and each record picker lists records, and fails on any
// error in the browser console or any failed call of the editor to n8n. The same run regenerates docs/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page, type Response } from 'playwright-core';

import type { INodePropertyOptions, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../../test/engine/runner';
import type { WorkflowJson } from '../../test/e2e/examples';
import { makeTempDir, REPO_ROOT, removeDir } from '../../test/e2e/n8nProcess';
import { startDemo } from '../start/demo';

const OUT_DIR = join(REPO_ROOT, 'docs', 'screenshots');
const say = (line: string) => process.stdout.write(`${line}\n`);
/** `npm run screenshots`: the screenshots only, without walking every operation. */
const SCREENSHOTS_ONLY = process.env.LEADBRIDGE_UI_SCREENSHOTS_ONLY === '1';

interface NodeCase {
	type: string;
	version: number;
	credential?: { type: string; id: string; name: string };
	/** What the node holds when opened, and runs with Execute step. */
	parameters: INodeParameters;
	/** How Execute step gets its items: run the node, or (webhook triggers) not at all (they wait for a call). */
	execute: 'run' | 'none';
	/** Walk every resource and operation in the editor. */
	walk: boolean;
	/** Names typed into the search of pickers that list nothing until a name is typed (PUBLITRAC lists and views). */
	searchFor?: Record<string, string>;
}

const mapper = (value: Record<string, string>, matchingColumns: string[] = []): INodeParameters => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns,
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

const CASES: NodeCase[] = [
	{
		type: 'publitrac',
		version: 2,
		credential: { type: 'publitracApi', id: 'publitrac-sandbox', name: 'PUBLITRAC sandbox' },
		parameters: { resource: 'lead', operation: 'syncLead', columns: mapper({ email: 'browser.check@example.com', firstName: 'Browser', lastName: 'Check' }, ['email']) },
		execute: 'run',
		walk: true,
		searchFor: { listName: 'Newsletter', viewName: 'PromoABC_Email_Open' },
	},
	{
		type: 'spread',
		version: 2,
		credential: { type: 'spreadApi', id: 'spread-sandbox', name: 'SPREAD sandbox' },
		parameters: { resource: 'customer', operation: 'createOrUpdate', columns: mapper({ email: 'browser.check@example.com', firstName: 'Browser', city: 'Lyon' }, ['email']) },
		execute: 'run',
		walk: true,
	},
	{
		type: 'influencerSoft',
		version: 2,
		credential: { type: 'influencerSoftApi', id: 'influencersoft-sandbox', name: 'InfluencerSoft sandbox' },
		parameters: { resource: 'contact', operation: 'addOrUpdate', columns: mapper({ email: 'browser.check@example.com', firstName: 'Browser' }, ['email']) },
		execute: 'run',
		walk: true,
	},
	{
		type: 'jtelDialler',
		version: 2,
		credential: { type: 'jtelApi', id: 'jtel-sandbox', name: 'jtel sandbox' },
		parameters: {
			resource: 'contact',
			operation: 'import',
			campaign: { __rl: true, mode: 'list', value: '538', cachedResultName: 'My Campaign (538)' },
			columns: mapper({ Name: 'Check', FirstName: 'Browser', PhoneNumber1: '+49 89 1234567' }),
		},
		execute: 'run',
		walk: true,
	},
	{
		type: 'popsell',
		version: 1,
		credential: { type: 'popsellApi', id: 'popsell-sandbox', name: 'Popsell sandbox' },
		parameters: { resource: 'utility', operation: 'computeToken', customerId: '1042' },
		execute: 'run',
		walk: true,
	},
	{ type: 'publitracTrigger', version: 1, credential: { type: 'publitracApi', id: 'publitrac-sandbox', name: 'PUBLITRAC sandbox' }, parameters: {}, execute: 'run', walk: false },
	{ type: 'spreadTrigger', version: 1, credential: { type: 'spreadApi', id: 'spread-sandbox', name: 'SPREAD sandbox' }, parameters: {}, execute: 'run', walk: false },
	{ type: 'influencerSoftTrigger', version: 1, parameters: {}, execute: 'none', walk: false },
	{ type: 'popsellTrigger', version: 1, credential: { type: 'popsellApi', id: 'popsell-sandbox', name: 'Popsell sandbox' }, parameters: {}, execute: 'none', walk: false },
];

const isTrigger = (type: string) => type.endsWith('Trigger');
const workflowId = (type: string) => `ui${type}`.slice(0, 21);
/** The node as n8n names a new one: its display name (what the screenshots show). */
const displayNames = new Map<string, string>();
const nodeName = (type: string) => displayNames.get(type) ?? type;

/** One workflow per node: Manual Trigger → the node (a trigger stands alone). */
function workflowOf(nodeCase: NodeCase): WorkflowJson {
	const node = {
		id: `${workflowId(nodeCase.type)}-node`,
		name: nodeName(nodeCase.type),
		type: `${PACKAGE_NAME}.${nodeCase.type}`,
		typeVersion: nodeCase.version,
		position: [260, 0],
		parameters: nodeCase.parameters,
		...(nodeCase.credential ? { credentials: { [nodeCase.credential.type]: { id: nodeCase.credential.id, name: nodeCase.credential.name } } } : {}),
		...(isTrigger(nodeCase.type) ? { webhookId: `${workflowId(nodeCase.type)}-hook` } : {}),
	};
	const start = { id: `${workflowId(nodeCase.type)}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		id: workflowId(nodeCase.type),
		name: `UI check: ${nodeCase.type}`,
		nodes: (isTrigger(nodeCase.type) ? [node] : [start, node]) as WorkflowJson['nodes'],
		connections: isTrigger(nodeCase.type) ? {} : { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function settle(page: Page, ms = 500) {
	await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
	await page.waitForTimeout(ms);
}

async function dismissPopups(page: Page) {
	for (const label of ['Skip', 'Got it', 'Close', 'Dismiss']) {
		const button = page.getByRole('button', { name: label, exact: true });
		if (await button.first().isVisible().catch(() => false)) await button.first().click().catch(() => {});
	}
}

/** Picks an option of one of n8n's selects (the Resource or Operation drop-down) by its shown name. */
async function pickOption(page: Page, parameter: string, name: string) {
	const input = page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]`).first();
	await input.click();
	// An option holds its name and, for operations, a description: the name is an element of its own.
	const option = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').filter({ has: page.getByText(name, { exact: true }) });
	await option.first().click({ timeout: 10000 });
	await page.waitForTimeout(300);
}

interface EditorCalls {
	mapperFields: Array<{ method: string; fields: number }>;
	pickerResults: Array<{ method: string; results: number }>;
	failed: string[];
}

async function watchEditorCalls(page: Page): Promise<EditorCalls> {
	const calls: EditorCalls = { mapperFields: [], pickerResults: [], failed: [] };
	page.on('response', (response: Response) => {
		const url = response.url();
		if (!url.includes('/rest/')) return;
		if (response.status() >= 400 && !url.includes('/rest/telemetry') && !url.includes('/rest/ai')) calls.failed.push(`${response.status()} ${response.request().method()} ${url}`);
		if (!url.includes('/rest/dynamic-node-parameters/')) return;
		void response
			.json()
			.then((body: { data?: { fields?: unknown[]; results?: unknown[] } }) => {
				const method = String((JSON.parse(response.request().postData() ?? '{}') as { methodName?: string }).methodName ?? '');
				if (url.includes('resource-mapper-fields')) calls.mapperFields.push({ method, fields: body.data?.fields?.length ?? 0 });
				if (url.includes('resource-locator-results')) calls.pickerResults.push({ method, results: body.data?.results?.length ?? 0 });
			})
			.catch(() => {});
	});
	return calls;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return check();
}

/** Runs Execute step in the open node and waits for its output items. */
async function executeStep(page: Page, label: string): Promise<string> {
	await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').first().click();
	const output = page.locator('[data-test-id="ndv"] [data-test-id="output-panel"], [data-test-id="ndv"] [data-test-id="ndv-output-panel"]').first();
	const count = output.getByText(/^\s*\d+ items?\s*$/).first();
	const shown = await count.waitFor({ timeout: 60000 }).then(
		() => true,
		() => false,
	);
	if (!shown) throw new Error(`${label}: Execute step showed no items. The output panel says: ${(await output.innerText().catch(() => '')).slice(0, 400)}`);
	const text = (await count.innerText()).trim();
	if (/^0 items?$/.test(text)) throw new Error(`${label}: Execute step gave 0 items`);
	return text;
}

/** Opens each visible record picker in list mode and checks it lists records (typing a name where the picker needs one). */
async function checkPickers(page: Page, label: string, calls: EditorCalls, searchFor: Record<string, string>) {
	const pickers = page.locator('[data-test-id="ndv"] [data-test-id="rlc-input-container"]');
	const count = await pickers.count();
	for (let index = 0; index < count; index++) {
		const picker = pickers.nth(index);
		if (!(await picker.isVisible())) continue;
		const parameter = await picker.evaluate((element) => element.closest('[data-test-id^="parameter-input-"]')?.getAttribute('data-test-id')?.replace('parameter-input-', '') ?? '');
		const modeText = await picker.locator('[data-test-id="rlc-mode-selector"]').innerText().catch(() => '');
		if (!/list/i.test(modeText)) continue;
		const before = calls.pickerResults.length;
		await picker.locator('[data-test-id="rlc-input"]').click();
		const search = page.locator('[data-test-id="resource-locator-dropdown"]:visible [data-test-id="rlc-search"] input, [data-test-id="rlc-search"]:visible input').first();
		if (searchFor[parameter] && (await search.isVisible().catch(() => false))) await search.fill(searchFor[parameter]);
		// The editor keeps a picker's results for a while: the records it shows count, fetched now or before.
		const items = page.locator('[data-test-id="rlc-item"]:visible');
		const listed = await items.first().waitFor({ timeout: 15000 }).then(
			() => true,
			() => false,
		);
		if (!listed) throw new Error(`${label}: the ${parameter} picker listed no records (${JSON.stringify(calls.pickerResults.slice(before))})`);
		await page.keyboard.press('Escape');
		await page.waitForTimeout(200);
	}
}

async function main() {
	const pkg = await loadPackage();
	for (const { type, version } of CASES) displayNames.set(type, pkg.nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${type}`, version).description.displayName);
	const userFolder = makeTempDir('leadbridge-ui-');
	const demo = await startDemo({ userFolder, say, extraWorkflows: CASES.map(workflowOf) });
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
	const problems: string[] = [];
	const taken: string[] = [];
	const started = Date.now();
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		const [cookieName, cookieValue] = demo.cookie.split('=');
		await context.addCookies([{ name: cookieName, value: cookieValue, url: demo.url }]);
		const page = await context.newPage();
		const consoleErrors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') consoleErrors.push(message.text());
		});
		page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
		const calls = await watchEditorCalls(page);
		mkdirSync(OUT_DIR, { recursive: true });
		const shot = async (file: string) => {
			await page.screenshot({ path: join(OUT_DIR, file) });
			taken.push(file);
		};

		for (const example of demo.examples) {
			await page.goto(`${demo.url}/workflow/${example.workflow.id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
			await settle(page);
			await dismissPopups(page);
			await page.keyboard.press('Shift+1').catch(() => {});
			await settle(page);
			await shot(`workflow-${example.name}.png`);
		}

		for (const nodeCase of CASES) {
			const label = `${nodeCase.type} v${nodeCase.version}`;
			const caseStart = Date.now();
			try {
				await page.goto(`${demo.url}/workflow/${workflowId(nodeCase.type)}`);
				const onCanvas = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName(nodeCase.type)}"]`);
				await onCanvas.waitFor({ timeout: 60000 });
				await settle(page);
				await dismissPopups(page);
				const mappersOfNode = calls.mapperFields.length;
				await onCanvas.dblclick();
				await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30000 });
				await settle(page, 1000);
				let outcome = 'not executed (a webhook trigger waits for a call)';
				if (nodeCase.execute === 'run') outcome = await executeStep(page, label);
				await settle(page);
				await shot(`node-${nodeCase.type}.png`);
				let operations = 0;
				if (nodeCase.walk && !SCREENSHOTS_ONLY) {
					const description = pkg.nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${nodeCase.type}`, nodeCase.version).description;
					const properties = description.properties;
					const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
					for (const resource of resources) {
						await pickOption(page, 'resource', resource.name);
						const selector = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value));
						for (const operation of (selector?.options ?? []) as INodePropertyOptions[]) {
							const where = `${label} ${resource.name} → ${operation.name}`;
							const mappersBefore = calls.mapperFields.length;
							await pickOption(page, 'operation', operation.name);
							await settle(page, 300);
							const hasMapper = await page.locator('[data-test-id="ndv"] [data-test-id="resource-mapper-container"]').first().isVisible().catch(() => false);
							const mapper = properties.find(
								(property) =>
									property.type === 'resourceMapper' &&
									NodeHelpers.displayParameter({ resource: String(resource.value), operation: String(operation.value) }, property, { typeVersion: nodeCase.version }, description),
							);
							if (Boolean(mapper) !== hasMapper) throw new Error(`${where}: the field mapper is ${hasMapper ? 'shown' : 'missing'} in the editor`);
							if (mapper) {
								// Its fields, from the sandbox: fetched when the operation was picked (or when the node opened on it).
								const method = mapper.typeOptions?.resourceMapper?.resourceMapperMethod as string;
								const loaded = await waitFor(() => calls.mapperFields.slice(mappersOfNode).some((call) => call.method === method && call.fields > 0), 15000);
								if (!loaded) throw new Error(`${where}: the field mapper loaded no fields (${JSON.stringify(calls.mapperFields.slice(mappersBefore))})`);
							}
							// Every record picker n8n's display rules show for this operation is in the editor (none hidden by a wrong displayOptions).
							const shownValues = { resource: String(resource.value), operation: String(operation.value) };
							for (const property of properties) {
								if (property.type !== 'resourceLocator' || !NodeHelpers.displayParameter(shownValues, property, { typeVersion: nodeCase.version }, description)) continue;
								const inEditor = await page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${property.name}"]`).first().isVisible().catch(() => false);
								if (!inEditor) throw new Error(`${where}: the ${property.displayName} picker is not shown in the editor`);
							}
							await checkPickers(page, where, calls, nodeCase.searchFor ?? {});
							operations++;
						}
					}
				}
				say(`${label}: ${outcome}; ${operations} operations picked, fine (${((Date.now() - caseStart) / 1000).toFixed(0)} s)`);
			} catch (error) {
				problems.push(error instanceof Error ? error.message : String(error));
				await page.screenshot({ path: join(userFolder, `failed-${nodeCase.type}.png`) }).catch(() => {});
				say(`${label}: FAILED: ${problems.at(-1)}`);
			}
			await page.keyboard.press('Escape').catch(() => {});
		}
		if (consoleErrors.length > 0) problems.push(`console errors in the editor:\n  ${[...new Set(consoleErrors)].join('\n  ')}`);
		if (calls.failed.length > 0) problems.push(`failed calls of the editor:\n  ${[...new Set(calls.failed)].join('\n  ')}`);
	} finally {
		await browser.close();
		await demo.stop();
		if (problems.length === 0) removeDir(userFolder);
	}
	say(`${taken.length} screenshots in docs/screenshots; browser part ${((Date.now() - started) / 1000).toFixed(0)} s`);
	if (problems.length > 0) {
		process.stderr.write(`UI check FAILED (screenshots of failures in ${userFolder}):\n- ${problems.join('\n- ')}\n`);
		process.exit(1);
	}
	say('UI check passed.');
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});

