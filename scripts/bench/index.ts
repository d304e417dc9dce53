/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// `npm run bench`: every benchmark of issue 9 in one run, one table on the terminal, the same numbers (with the
// machine, the date and the command) in BENCHMARKS.md. Each benchmark runs in a fresh Node process (fresh.js), so
// peak RSS is that benchmark's own and no module cache or throttle state leaks from one into the next.
import '../../test/engine/setupEnv';

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runFresh } from './fresh';
import { fail, print } from './print';
import {
	describeMachine,
	markdownReport,
	mb,
	median,
	numberIn,
	round,
	skippedRow,
	textTable,
	type Row,
	type Section,
} from './report';

const REPO_ROOT = join(__dirname, '../..');
const COMMAND = 'npm run bench';
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 7);

/** The benchmarks the vendor helpers write (our nodes' side); absent until their branches are merged. */
const VENDOR_BENCHES = {
	publitrac: { file: 'scripts/bench/publitrac.ts', exportName: 'benchPublitrac' },
	spread: { file: 'scripts/bench/spread.ts', exportName: 'benchSpread' },
};

type Fresh<T> = { result: T; maxRssBytes: number; wallMs: number };

function fresh<T>(file: string, exportName: string, argument?: unknown, nodeArgs?: string[]): Fresh<T> {
	return runFresh<T>(file, exportName, argument, { nodeArgs });
}

/** Runs a benchmark; a failure becomes a row saying so, so one broken benchmark never hides the others. */
function attempt(subject: string, body: () => Row[]): Row[] {
	try {
		return body();
	} catch (error) {
		return [{ side: subject, status: `failed: ${(error as Error).message.split('\n')[0]}` }];
	}
}

/** Vendor rows name what they measured under `benchmark`; the tables call that column `side`. */
function asSideRow(row: Row): Row {
	if (row.side !== undefined || row.benchmark === undefined) return row;
	const { benchmark, ...numbers } = row;
	return { side: benchmark, ...numbers };
}

/** A vendor's benchmark rows (run in a fresh process), or one "skipped: not present" row before it is merged. */
function vendorRows(name: keyof typeof VENDOR_BENCHES, withPeakRss: boolean): Row[] {
	const { file, exportName } = VENDOR_BENCHES[name];
	if (!existsSync(join(REPO_ROOT, file))) return [skippedRow(`our ${name} node (${file})`, 'not present')];
	return attempt(`our ${name} node`, () => {
		const { result, maxRssBytes } = fresh<Row[]>(file, exportName);
		const rows = (Array.isArray(result) ? result : [result]).map(asSideRow);
		return withPeakRss ? rows.map((row) => ({ ...row, 'process peak RSS MB': mb(maxRssBytes) })) : rows;
	});
}

function throttleSection(): Section {
	const rows = attempt('shared throttle (Probe node)', () => {
		const { result } = fresh<{ calls: number; wallMs: number; observedRate: number; rateLimited429: number; withinTarget: boolean }>(
			'scripts/bench/throttle.ts',
			'benchThrottle',
		);
		return [
			{
				side: 'shared CallSpacer via the Probe node',
				calls: result.calls,
				'wall s': round(result.wallMs / 1000, 2),
				'calls/s': result.observedRate,
				'429s': result.rateLimited429,
				target: result.withinTarget ? '33-35/s, no 429: met' : '33-35/s, no 429: MISSED',
			},
		];
	});
	return {
		item: '0',
		title: 'Shared throttle: 500 calls at 35/s (foundation)',
		short: 'throttle 500 @35/s',
		method: 'The shared throttle through n8n\'s engine against a local server answering 429 above 35 calls in any trailing second.',
		rows,
	};
}

function syncLeadSection(): Section {
	const ours = vendorRows('publitrac', false);
	const baseline = attempt('HTTP Request node', () =>
		[0, 1].map((variant) => {
			const { result } = fresh<Row>('scripts/bench/baselines.ts', 'benchHttpRequestSyncLeadVariant', variant);
			return result;
		}),
	);
	return {
		item: '1-2',
		title: 'PUBLITRAC: syncLead ×1,000 at 35 calls/s; list and campaign calls for 2,000 emails',
		short: 'PUBLITRAC',
		method:
			'Our PUBLITRAC node (scripts/bench/publitrac.ts) against n8n\'s HTTP Request node 4.2 from n8n-nodes-base 2.41.1 doing the same syncLead per item ' +
			'(auth in the query string, the lead XML built in an expression in a form body), both run in-process (each side in a fresh process) by n8n-core 2.41.1\'s WorkflowExecute, ' +
			'against a local server that answers 429 above 35 calls in any trailing second. Errors = HTTP error items + PUBLITRAC 9xxx answers.',
		rows: [...ours, ...baseline],
	};
}

function spreadSection(): Section {
	const ours = vendorRows('spread', true);
	const baseline = attempt('HTTP Request node', () => {
		const { result, maxRssBytes } = fresh<Row>('scripts/bench/baselines.ts', 'benchHttpRequestSpreadReturnAll');
		return [{ ...result, 'process peak RSS MB': mb(maxRssBytes) }];
	});
	return {
		item: '3',
		title: 'SPREAD: Return All over 50,000 customers',
		short: 'SPREAD Return All 50k',
		method:
			'Our SPREAD node\'s Return All (scripts/bench/spread.ts) against the HTTP Request node\'s pagination option (startAt += 5000 until nextPageUrl is empty) ' +
			'followed by Split Out (one item per customer, as our node returns). Each side runs in its own fresh process; peak RSS is that process\'s maxRSS.',
		rows: [...ours, ...baseline],
	};
}

interface XmlResult {
	how: string;
	leads: number;
	xmlMb: number;
	medianMs: number;
	minMs: number;
	runs: number;
	retainedHeapMb: number;
	firstParseHeapGrowthMb: number;
	rssBeforeMb: number;
}

function xmlSection(): Section {
	const parsers = ['fast-xml-parser', 'xml2js', 'fast-xml-parser-bare'] as const;
	const rows = parsers.flatMap((parser) =>
		attempt(parser, () => {
			const { result, maxRssBytes } = fresh<XmlResult>('scripts/bench/xml.ts', 'benchXmlParser', parser, ['--expose-gc']);
			return [
				{
					side: result.how,
					leads: result.leads,
					'XML MB': result.xmlMb,
					'median ms': result.medianMs,
					'min ms': result.minMs,
					runs: result.runs,
					'result heap MB': result.retainedHeapMb,
					'peak RSS growth MB': round(mb(maxRssBytes) - result.rssBeforeMb),
				},
			];
		}),
	);
	return {
		item: '4',
		title: 'XML: parsing a 10,000-lead getLeads response',
		short: 'XML 10k leads',
		method:
			'One getLeads page of 10,000 leads with every native field of the document\'s example lead. Each parser in a fresh process (node --expose-gc): ' +
			'median of the timed parses after one untimed one; result heap = heap held by one parsed result after a full GC; peak RSS growth = process maxRSS minus RSS before parsing. ' +
			'A third row times fast-xml-parser alone with the transport\'s options, to show what its validation and layout-whitespace passes cost.',
		rows,
	};
}

function startupSection(): Section {
	const rows = attempt('PackageDirectoryLoader', () => {
		const runs = Array.from({ length: STARTUP_RUNS }, () =>
			fresh<{ nodes: number; credentials: number; loadMs: number; coreImportMs: number }>('scripts/bench/startup.ts', 'benchStartupOnce').result,
		);
		return [
			{
				side: 'n8n-nodes-leadbridge (dist), PackageDirectoryLoader.loadAll()',
				nodes: runs[0].nodes,
				credentials: runs[0].credentials,
				'median ms': round(median(runs.map((run) => run.loadMs)), 2),
				'max ms': round(Math.max(...runs.map((run) => run.loadMs)), 2),
				runs: runs.length,
				'n8n-core import ms (context)': round(median(runs.map((run) => run.coreImportMs))),
			},
		];
	});
	return {
		item: '5',
		title: 'Start-up: loading every node and credential of the package',
		short: 'start-up',
		method:
			'What n8n does at start for a community package: n8n-core\'s PackageDirectoryLoader(packageDir).loadAll() over the built dist (every file in package.json `n8n`). ' +
			'A fresh process per run, so nothing is cached; n8n-core itself is already loaded in n8n, so its import time is shown apart.',
		rows,
	};
}

interface OverheadResult {
	subject: string;
	items: number;
	rounds: number;
	calls: number;
	nodeMs: number;
	fetchMs: number;
	nodePerItemMs: number;
	fetchPerItemMs: number;
	overheadPerItemMs: number;
	ratio: number;
	bestRatio: number;
	bestOverheadPerItemMs: number;
}

function overheadSection(): Section {
	const rows = attempt('per-item overhead', () => {
		const { result } = fresh<OverheadResult>('scripts/bench/overhead.ts', 'benchOverhead');
		const rows: Row[] = [
			{ side: `${result.subject} in n8n's engine`, items: result.items, calls: result.calls, 'wall ms': result.nodeMs, 'ms/item': result.nodePerItemMs },
			{ side: 'bare Node fetch loop, same requests', items: result.items, calls: result.calls, 'wall ms': result.fetchMs, 'ms/item': result.fetchPerItemMs },
			{ side: 'node ÷ fetch, medians', ratio: result.ratio, 'overhead ms/item': result.overheadPerItemMs, rounds: result.rounds },
			{ side: 'node ÷ fetch, fastest rounds', ratio: result.bestRatio, 'overhead ms/item': result.bestOverheadPerItemMs, rounds: result.rounds },
		];
		return rows;
	});
	return {
		item: '6',
		title: 'Per-item overhead of execute() against a bare fetch loop',
		short: 'per-item overhead',
		method:
			'The same requests one after the other against a local server with no limit: the node through runNode (n8n-core WorkflowExecute, shared transport, ' +
			'item loop, pairedItem) against `await fetch()` in a loop, rounds interleaved. Warmed up first; medians and fastest rounds. The node under test is one switch in overhead.ts.',
		rows,
	};
}

const sideMatching = (section: Section | undefined, pattern: RegExp) => section?.rows.find((row) => pattern.test(String(row.side ?? '')));

/** Wall time in seconds, whether a row gives `wall s` (ours) or `wallMs` (the vendor benches). */
function wallSeconds(row: Row | undefined): number | undefined {
	const seconds = numberIn(row, /^wall s$/);
	if (seconds !== undefined) return seconds;
	const ms = numberIn(row, /^wall ?ms$/i);
	return ms === undefined ? undefined : round(ms / 1000, 2);
}

const callsPerSecond = (row: Row | undefined) => numberIn(row, /^calls\/s$|^callsPerSecond$/i);
const rateLimited = (row: Row | undefined) => numberIn(row, /429/);
const peakRss = (row: Row | undefined) => numberIn(row, /^process peak RSS MB$/);

function headlines(sections: Record<string, Section>): string[] {
	const lines: string[] = [];
	const sync = sections.sync;
	const ours = sideMatching(sync, /^(?!HTTP Request).*syncLead/);
	const defaults = sideMatching(sync, /default options/);
	const batched = sideMatching(sync, /Batching/);
	if (ours && callsPerSecond(ours) !== undefined) {
		const rate = callsPerSecond(ours) ?? 0;
		lines.push(
			`PUBLITRAC syncLead ×1,000 at a 35/s limit: ours ${rate} calls/s (${round((rate / 35) * 100)}% of the limit), ${rateLimited(ours)} 429s, ` +
				`${numberIn(ours, /^errors$/)} errors, ${wallSeconds(ours)} s.`,
		);
	}
	if (defaults && rateLimited(defaults) !== undefined) {
		lines.push(`HTTP Request node, default options: ${rateLimited(defaults)} of ${numberIn(defaults, /^calls$/)} calls answered 429, so ${numberIn(defaults, /^errors$/)} leads not synced (${wallSeconds(defaults)} s).`);
	}
	if (batched && wallSeconds(batched) !== undefined) {
		const oursWall = wallSeconds(ours);
		lines.push(
			`HTTP Request node, Batching 35 items / 1 s: ${callsPerSecond(batched)} calls/s, ${rateLimited(batched)} 429s (${numberIn(batched, /^errors$/)} leads not synced), ${wallSeconds(batched)} s` +
				(oursWall ? ` (ours: ${oursWall} s, none lost).` : '.'),
		);
	}
	for (const row of sync.rows.filter((entry) => /addLeadsToList|executeCampaign|addEmailCampaign/.test(String(entry.side)))) {
		const calls = numberIn(row, /^calls$/);
		const perItem = numberIn(row, /callsOnePerItem/);
		if (calls && perItem) {
			lines.push(
				`${row.side}: ${calls} calls instead of ${perItem} (one per item): ${round(perItem / calls)}× fewer, ${wallSeconds(row)} s ` +
					`(one call per item could not take less than ${round(perItem / 35)} s at 35/s).`,
			);
		}
	}
	const spreadOurs = sideMatching(sections.spread, /^(?!HTTP Request)/);
	const spreadBase = sideMatching(sections.spread, /HTTP Request/);
	if (spreadBase && wallSeconds(spreadBase) !== undefined) {
		const base = `HTTP Request pagination + Split Out ${wallSeconds(spreadBase)} s, ${numberIn(spreadBase, /^calls$/)} calls, ${peakRss(spreadBase)} MB peak RSS`;
		if (spreadOurs && wallSeconds(spreadOurs) !== undefined) {
			const wallRatio = round((wallSeconds(spreadBase) ?? 0) / (wallSeconds(spreadOurs) ?? 1), 2);
			const rssRatio = round((peakRss(spreadBase) ?? 0) / (peakRss(spreadOurs) ?? 1), 2);
			lines.push(
				`SPREAD Return All ×50,000: ours ${wallSeconds(spreadOurs)} s, ${numberIn(spreadOurs, /^calls$/)} calls, ${peakRss(spreadOurs)} MB peak RSS; ${base} ` +
					`(baseline ÷ ours: wall ${wallRatio}×, RSS ${rssRatio}×).`,
			);
		} else lines.push(`SPREAD Return All ×50,000: ${base}; our node not measured in this run.`);
	}
	const [fast, slow] = sections.xml.rows;
	const fastMs = numberIn(fast, /median ms/);
	const slowMs = numberIn(slow, /median ms/);
	if (fastMs && slowMs) {
		const speed = fastMs <= slowMs ? `ours ${round(slowMs / fastMs, 2)}× faster` : `ours ${round(fastMs / slowMs, 2)}× slower`;
		const bare = sections.xml.rows[2];
		lines.push(
			`XML, 10,000 leads: the node's parse (fast-xml-parser) ${fastMs} ms vs xml2js ${slowMs} ms, median (${speed}); ` +
				`parsed result ${numberIn(fast, /result heap/)} vs ${numberIn(slow, /result heap/)} MB of heap, peak RSS growth ${numberIn(fast, /RSS growth/)} vs ${numberIn(slow, /RSS growth/)} MB` +
				(numberIn(bare, /median ms/) !== undefined ? `; fast-xml-parser alone, without the node's validation and layout-whitespace passes: ${numberIn(bare, /median ms/)} ms.` : '.'),
		);
	}
	const startup = sections.startup.rows[0];
	if (numberIn(startup, /median ms/) !== undefined) {
		lines.push(`Start-up: ${startup.nodes} nodes and ${startup.credentials} credentials load in ${numberIn(startup, /median ms/)} ms (median of ${startup.runs} fresh processes).`);
	}
	const [medians, fastest] = sections.overhead.rows.filter((row) => row.ratio !== undefined);
	if (medians && fastest) {
		lines.push(
			`Per-item overhead (${sections.overhead.rows[0].side}): node ÷ bare fetch = ${medians.ratio}× on medians ` +
				`(${medians['overhead ms/item']} ms per item on top of the request), ${fastest.ratio}× on the fastest rounds (${fastest['overhead ms/item']} ms).`,
		);
	}
	return lines;
}

async function main() {
	const started = Date.now();
	// Machine and load as the run starts: that is the load the numbers ran under.
	const machine = describeMachine();
	const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	print('Benchmarks (issue 9): each one runs in a fresh process; this takes a few minutes.');
	const sections = {
		throttle: throttleSection(),
		sync: syncLeadSection(),
		spread: spreadSection(),
		xml: xmlSection(),
		startup: startupSection(),
		overhead: overheadSection(),
	};
	const ordered = Object.values(sections);
	const headlineLines = headlines(sections);
	print('');
	print(textTable(ordered));
	print('');
	for (const line of headlineLines) print(`* ${line}`);
	const notes = [
		'The HTTP Request and Split Out nodes come from the n8n 2.41.1 install the e2e tests cache (scripts/n8n-install.sh): n8n-nodes-base has ' +
			'hundreds of runtime dependencies, too many for a dev dependency. n8n-core\'s PackageDirectoryLoader loads just those files, and their ' +
			'n8n-workflow/n8n-core imports are pointed at this repo\'s copies (the same versions), so both sides run in the same engine, process and Node. ' +
			'Real n8n (`n8n execute`) was not used for timing: each call costs 5-10 s of CLI start-up and runs on Node 24, which would blur a side-by-side.',
		'Servers run in the benchmark\'s own process on 127.0.0.1. This machine is shared with other work (see the load average): CPU-bound rows ' +
			'(XML, per-item overhead) moved by up to 2× between runs; the min columns and fastest rounds are the least disturbed. Rate-bound rows (items 1-2) are steadier.',
		`Whole run: ${round((Date.now() - started) / 1000)} s.`,
	];
	const markdown = markdownReport({
		machine,
		date,
		command: COMMAND,
		headlines: headlineLines,
		sections: ordered,
		notes,
	});
	writeFileSync(join(REPO_ROOT, 'BENCHMARKS.md'), markdown);
	print(`\nWritten to BENCHMARKS.md (${round((Date.now() - started) / 1000)} s).`);
}

main().catch(fail);
