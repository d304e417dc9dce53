/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// `npm run bench`: every benchmark in one run, one table on the terminal, the same numbers (with the machine, its
// load and the date) in BENCHMARKS.md. Each side of each comparison runs in a fresh Node process (fresh.js), so peak
// RSS is its own and no module cache or throttle state leaks from one into the next; the vendor servers run in yet
// another process (serverHost.ts), so their CPU is on neither side of a ratio.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { startCpuLoad } from './cpuLoad';
import { runFresh } from './fresh';
import { ensureBenchCertificate } from './tlsCert';
import { fail, print } from './print';
import { describeMachine, markdownReport, mb, median, numberIn, round, textTable, type Row, type Section } from './report';

const REPO_ROOT = join(__dirname, '../..');
const COMMAND = 'npm run bench';
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
// The sizes the benchmark files read (the same variables and defaults), for the titles.
const size = (variable: string, fallback: number) => Number(process.env[variable] ?? fallback).toLocaleString('en');
const SYNC_LEADS = size('BENCH_SYNC_LEADS', 300);
const BATCH_EMAILS = size('BENCH_BATCH_EMAILS', 2000);
const SPREAD_GETS = size('BENCH_SPREAD_GETS', 300);
const SPREAD_CUSTOMERS = size('BENCH_SPREAD_CUSTOMERS', 50000);
const XML_LEADS = size('BENCH_XML_LEADS', 10000);
/** Latencies of the fresh-process and busy-machine rows: one local, one remote-like. */
const CONDITION_LATENCIES = (process.env.BENCH_CONDITION_LATENCIES ?? '0,150').split(',').map(Number);
/** CPU-bound processes beside the busy rows: as many as the 2 cores of the machines this runs on. */
const BUSY_PROCESSES = 2;

/** Load averages sampled before each section: the machine may be shared, and this says how busy it was. */
const loadSamples: number[] = [];

/** Every timed process trusts the TLS link's self-signed certificate the way Node trusts a CA (both sides alike). */
const TLS_ENV = { NODE_EXTRA_CA_CERTS: ensureBenchCertificate().certPath };

/** Sections to run (`BENCH_SECTIONS=links,linkReads`), all by default. */
const ONLY = process.env.BENCH_SECTIONS ? new Set(process.env.BENCH_SECTIONS.split(',')) : undefined;
const LINK_LATENCIES = process.env.BENCH_LINK_LATENCIES ?? '0,50,150';
const LINK_READ_LATENCIES = process.env.BENCH_LINK_READ_LATENCIES ?? '0,50,150,300';
const LINK_SIZES_LIST = (process.env.BENCH_LINK_SIZES ?? '100,1000').split(',').map(Number);
const LINK_SIZES = LINK_SIZES_LIST.map((count) => count.toLocaleString('en')).join(' and ');

/** Runs a benchmark export in a fresh process; a failure becomes a row saying so, so one broken benchmark never hides the others. */
function rowsOf(file: string, exportName: string, argument?: unknown, withPeakRss = false, nodeArgs?: string[]): Row[] {
	try {
		const { result, maxRssBytes } = runFresh<Row | Row[]>(`scripts/bench/${file}`, exportName, argument, { nodeArgs, env: TLS_ENV });
		const rows = Array.isArray(result) ? result : [result];
		return withPeakRss ? rows.map((row) => ({ ...row, 'process peak RSS MB': mb(maxRssBytes) })) : rows;
	} catch (error) {
		return [{ side: `${file} ${exportName}(${JSON.stringify(argument ?? '')})`, status: `failed: ${(error as Error).message.split('\n')[0]}` }];
	}
}

function section(details: Omit<Section, 'rows'>, collect: () => Row[], name?: string): Section {
	if (ONLY && !(name && ONLY.has(name))) return { ...details, rows: [] };
	loadSamples.push(loadavg()[0]);
	print(`… ${details.short}`);
	return { ...details, rows: collect() };
}

function syncLeadSection(): Section {
	return section(
		{
			item: '1',
			title: `PUBLITRAC syncLead ×${SYNC_LEADS} at 35 calls/s, with network latency`,
			short: 'PUBLITRAC syncLead',
			method:
				`One syncLead call per item, ${SYNC_LEADS} items, against the PUBLITRAC test server answering 429 above 35 calls in any trailing second, with a simulated round trip ` +
				`(half before the server counts the call, half before it answers). Floor = ${SYNC_LEADS} / 35 s. "peak calls in 1 s" is the most calls the server saw arrive ` +
				'within any one second; "items not synced" counts every item that did not come back with syncLead\'s success status. Ours: the node as a user drops it in, no setting touched. ' +
				'HTTP Request (the same call: auth in the query string, the lead XML built in an expression) with its defaults sends every item at once; with Batching 1 item / 30 ms ' +
				'(what a careful user picks for 35/s) it sends 33.3 calls/s whatever the latency. Both with On Error: Continue so lost leads can be counted (with the default, Stop, the first 429 fails the run).',
		},
		() => ['ours', 'httpBatching', 'httpDefaults'].flatMap((side) => rowsOf('publitrac.ts', 'benchSyncLead', side)),
		'sync',
	);
}

function syncConditionsSection(): Section {
	return section(
		{
			item: '1c',
			title: `PUBLITRAC syncLead ×${SYNC_LEADS}: the first execution of a fresh process, and a busy machine`,
			short: 'PUBLITRAC fresh / busy',
			method:
				'What a user gets outside a warmed-up benchmark, against the same server as section 1. Fresh: a new process loads the packages (as n8n does at start) and ' +
				'runs the sync at once, so its first calls go through cold code (one process per row). Busy: warmed up as in section 1, with ' +
				`${BUSY_PROCESSES} CPU-bound processes (\`node -e 'for(;;){}'\`) running beside it on the machine's cores; "load" is the 1-minute load average after the rows. ` +
				'The goal for our node here is the rate promise alone: never more than 35 calls arriving in a second, 0 × 429, 0 lost; the wall time is reported.',
		},
		() => {
			const sides = ['ours', 'httpBatching'] as const;
			const rows = sides.flatMap((side) => CONDITION_LATENCIES.flatMap((latencyMs) => rowsOf('publitrac.ts', 'benchSyncLeadFresh', { side, latencyMs })));
			const load = startCpuLoad(BUSY_PROCESSES);
			try {
				const busy = sides.flatMap((side) => rowsOf('publitrac.ts', 'benchSyncLeadBusy', { side, latencies: CONDITION_LATENCIES }));
				const loadAfter = round(loadavg()[0], 1);
				rows.push(...busy.map((row) => ({ ...row, load: loadAfter })));
			} finally {
				load.stop();
			}
			return rows;
		},
	);
}

function batchSection(): Section {
	return section(
		{
			item: '1b',
			title: `PUBLITRAC batch methods for ${BATCH_EMAILS} emails: our node against Aggregate + one HTTP Request`,
			short: 'PUBLITRAC batches',
			method:
				`${BATCH_EMAILS} items (existing leads) through addLeadsToList, executeCampaign and addEmailCampaign, no latency. Our node checks every item, packs them into as few calls as the method allows ` +
				'and gives one output item per input item (an error item for each lead PUBLITRAC names). What a careful user builds instead: Aggregate (emails into one list) and one HTTP Request ' +
				`whose body XML an expression builds: one call, one output item for all ${BATCH_EMAILS} (no per-lead result, no escaping of XML specials). Sending one call per item cannot take less than the last column.`,
		},
		() => [...rowsOf('publitrac.ts', 'benchBatchCalls', 'ours'), ...rowsOf('publitrac.ts', 'benchBatchCalls', 'aggregate')],
		'batch',
	);
}

function spreadGetSection(): Section {
	return section(
		{
			item: '2',
			title: `SPREAD "get customer" ×${SPREAD_GETS}, with network latency`,
			short: 'SPREAD get',
			method:
				`One GET /customers/{id} per item, ${SPREAD_GETS} items, against the SPREAD test server with a simulated round trip. Our node with its defaults (reads overlap), and with Requests in Parallel 1; ` +
				'the HTTP Request node with its defaults (every item at once: SPREAD documents no limit, so a careful user has nothing to lower); ' +
				'a bare `await fetch()` loop without n8n, one at a time, for the cost of n8n and the node per item. ' +
				'One-at-a-time rows run at 0 and 50 ms only: above that they measure the latency and nothing else. The other rows are the median of three runs.',
		},
		() => ['ours', 'httpDefaults', 'oursOneAtATime', 'fetchLoop'].flatMap((side) => rowsOf('spread.ts', 'benchSpreadGet', side)),
		'get',
	);
}

function spreadReturnAllSection(): Section {
	return section(
		{
			item: '3',
			title: `SPREAD Return All over ${SPREAD_CUSTOMERS} customers`,
			short: 'SPREAD Return All',
			method:
				'Our SPREAD node\'s customer Get Many with Return All against the HTTP Request node\'s pagination option (startAt += 5000 until nextPageUrl is empty) followed by Split Out ' +
				'(one item per customer, as our node returns). Each side in its own fresh process, the server in another: peak RSS is the engine\'s and the nodes\' alone.',
		},
		() => [...rowsOf('spread.ts', 'benchSpreadReturnAll', 'ours', true), ...rowsOf('spread.ts', 'benchSpreadReturnAll', 'http', true)],
		'returnAll',
	);
}

interface XmlResult {
	how: string;
	leads: number;
	xmlMb: number;
	medianMs: number;
	minMs: number;
	runs: number;
	retainedHeapMb: number;
	rssBeforeMb: number;
}

function xmlSection(): Section {
	return section(
		{
			item: '4',
			title: `XML: parsing a ${XML_LEADS}-lead getLeads answer`,
			short: 'XML parse',
			method:
				`One getLeads page of ${XML_LEADS} leads with every native field of the document's example lead. Each parser in a fresh process (node --expose-gc): ` +
				'median of the timed parses after one untimed one; result heap = heap held by one parsed result after a full GC; peak RSS growth = process maxRSS minus RSS before parsing.',
		},
		() =>
			(['node', 'xml2js'] as const).flatMap((parser): Row[] => {
				try {
					const { result, maxRssBytes } = runFresh<XmlResult>('scripts/bench/xml.ts', 'benchXmlParser', parser, { nodeArgs: ['--expose-gc'] });
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
				} catch (error) {
					return [{ side: parser, status: `failed: ${(error as Error).message.split('\n')[0]}` }];
				}
			}),
		'xml',
	);
}

function startupSection(): Section {
	return section(
		{
			item: '5',
			title: 'Start-up: loading every node and credential of the package',
			short: 'start-up',
			method:
				'What n8n does at start for a community package: n8n-core\'s PackageDirectoryLoader(packageDir).loadAll() over the built dist (every file in package.json `n8n`). ' +
				'A fresh process per run, so nothing is cached; n8n-core itself is already loaded in n8n, so its import time is shown apart.',
		},
		() => {
			try {
				const runs = Array.from({ length: STARTUP_RUNS }, () =>
					runFresh<{ nodes: number; credentials: number; loadMs: number; coreImportMs: number }>('scripts/bench/startup.ts', 'benchStartupOnce').result,
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
			} catch (error) {
				return [{ side: 'start-up', status: `failed: ${(error as Error).message.split('\n')[0]}` }];
			}
		},
		'startup',
	);
}

const LINK_NOTE =
	'Through the TLS link (scripts/bench/tlsLink.ts, in the server process): TLS 1.3 to an HTTPS server in front of the vendor test server, over a TCP relay that holds each chunk half the ' +
	'round trip in its direction and a new connection\'s first bytes one round trip more, so a call on a new connection costs about three round trips. Both sides trust the link\'s ' +
	'self-signed certificate through NODE_EXTRA_CA_CERTS (no side skips verification). "connections per call" counts TCP connections the relay accepted per request the server saw. ' +
	'Our node with its defaults (version 2, fields mapped from the input) against the HTTP Request node with its defaults (every item at once). Both sides run in one ' +
	'process (one per vendor), taking turns round by round (ours first in even rounds, HTTP Request first in odd ones), so a slow stretch of the machine falls on both; ' +
	'each row is its side\'s median run, and "our throughput ÷ HTTP Request" is the median of the rounds\' own ratios (HTTP Request\'s wall ÷ ours in the same round). ' +
	'The servers listen with a backlog of 4,096: with Node\'s default of 511, a thousand calls at once overflowed it and each dropped connection came back a second later.';

function linkWritesSection(): Section {
	return section(
		{
			item: '6',
			title: `Per-item writes through a TLS link, ${LINK_SIZES} items, round trips of ${LINK_LATENCIES} ms`,
			short: 'writes over TLS',
			method:
				'SPREAD customer create (a new email each item), jtel contact import (no overwrite), InfluencerSoft contact add or update (a new email each item). ' +
				LINK_NOTE +
				' Requests in Parallel 1 (one at a time: the behaviour before writes overlapped, and of version 1 nodes) runs at 0 and 50 ms with the smaller size only.',
		},
		() =>
			(['spread', 'jtel', 'influencersoft'] as const).flatMap((vendor) => rowsOf('links.ts', 'benchLinkWrites', { vendor })),
		'links',
	);
}

/** Fresh processes per side and latency in section 6b; the median is kept. */
const FRESH_LINK_RUNS = Number(process.env.BENCH_FRESH_LINK_RUNS ?? 3);

function linkConditionsSection(): Section {
	return section(
		{
			item: '6b',
			title: 'SPREAD customer create through the TLS link: the first execution of a fresh process, and a busy machine',
			short: 'writes over TLS, fresh / busy',
			method:
				'The same link and sides as section 6. Fresh: a new process loads both packages (as n8n does at start) and times its first run of 100 creates; ' +
				`each row is the median of ${FRESH_LINK_RUNS} processes, the sides alternating process by process, and "our throughput ÷ HTTP Request" compares the medians. ` +
				`Busy: warmed up as in section 6, sides taking turns, with ${BUSY_PROCESSES} CPU-bound processes (\`node -e 'for(;;){}'\`) beside it; "load" is the 1-minute load average after the rows.`,
		},
		() => {
			const rows: Row[] = [];
			for (const latencyMs of CONDITION_LATENCIES) {
				const runs: Record<'ours' | 'http', Row[]> = { ours: [], http: [] };
				for (let run = 0; run < FRESH_LINK_RUNS; run++) {
					for (const side of run % 2 === 0 ? (['ours', 'http'] as const) : (['http', 'ours'] as const)) runs[side].push(...rowsOf('links.ts', 'benchLinkWriteFresh', { side, latencyMs, count: 100 }));
				}
				const medianOf = (side: 'ours' | 'http') => [...runs[side]].sort((a, b) => Number(a['wall s']) - Number(b['wall s']))[Math.floor(runs[side].length / 2)];
				const ours = medianOf('ours');
				const http = medianOf('http');
				rows.push({ ...ours, runs: runs.ours.length, 'our throughput ÷ HTTP Request (median of rounds)': ratio(Number(http['wall s']), Number(ours['wall s'])) ?? '?' }, { ...http, runs: runs.http.length });
			}
			const load = startCpuLoad(BUSY_PROCESSES);
			try {
				const busy = rowsOf('links.ts', 'benchLinkWrites', { vendor: 'spread', latencies: [50], sizes: LINK_SIZES_LIST, busy: true });
				const loadAfter = round(loadavg()[0], 1);
				rows.push(...busy.map((row) => ({ ...row, load: loadAfter })));
			} finally {
				load.stop();
			}
			return rows;
		},
		'linkConditions',
	);
}

function linkFloorSection(): Section {
	return section(
		{
			item: '6c',
			title: `SPREAD customer create through the TLS link against the floor, ${LINK_SIZES} items, round trips of ${LINK_LATENCIES} ms`,
			short: 'writes over TLS, the floor',
			method:
				'The floor: the same creates sent straight through Node\'s https.request, every item at once, with a new agent per call (so a new TCP and TLS connection per call, ' +
				'as n8n\'s request helper makes for every node), and no n8n at all (scripts/bench/bareHttps.ts). Our node and the floor take turns in one process as in section 6; ' +
				'"our throughput ÷ the floor" is the median of the rounds\' own ratios. What is left between them is all that n8n and a node add to a call.',
		},
		() => rowsOf('links.ts', 'benchLinkFloor'),
		'linkFloor',
	);
}

function linkReadsSection(): Section {
	return section(
		{
			item: '7',
			title: `SPREAD "get customer" through a TLS link, ${LINK_SIZES} items, round trips of ${LINK_READ_LATENCIES} ms`,
			short: 'reads over TLS',
			method: 'One GET /customers/{id} per item. ' + LINK_NOTE,
		},
		() => rowsOf('links.ts', 'benchLinkReads'),
		'linkReads',
	);
}

const rowWhere = (section: Section, side: RegExp, latencyMs?: number) =>
	section.rows.find((row) => side.test(String(row.side ?? '')) && (latencyMs === undefined || row['latency ms'] === latencyMs));
const ratio = (a: number | undefined, b: number | undefined, digits = 2) => (a !== undefined && b ? round(a / b, digits) : undefined);
const verdict = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : 'MISSED');

interface Headlines {
	goals: string[];
	lines: string[];
}

/** Our throughput ÷ HTTP Request's, row by row (latency and size), for rows whose side starts with `prefix`. */
function linkRatios(section: Section, prefix: string): Array<{ latency: number; items: number; ratio?: number; lowest?: number; highest?: number; connections?: number }> {
	const ours = section.rows.filter((row) => String(row.side).startsWith(`${prefix}: our node (defaults)`));
	return ours.map((row) => {
		const http = section.rows.find((other) => String(other.side).startsWith(`${prefix}: HTTP Request`) && other['latency ms'] === row['latency ms'] && other.items === row.items);
		return {
			latency: Number(row['latency ms']),
			items: Number(row.items),
			ratio: numberIn(row, /median of rounds/) ?? ratio(numberIn(row, /^items\/s$/), numberIn(http, /^items\/s$/)),
			lowest: numberIn(row, /^lowest round$/),
			highest: numberIn(row, /^highest round$/),
			connections: numberIn(row, /connections per call/),
		};
	});
}

function linkGoal(section: Section, prefix: string, what: string): string {
	const ratios = linkRatios(section, prefix);
	const measured = ratios.filter((entry) => entry.ratio !== undefined);
	const met = measured.length === 0 ? undefined : measured.every((entry) => (entry.ratio as number) >= 1);
	return (
		`${what}: our throughput ≥ 1.0 × the HTTP Request node's (defaults) at every round trip and size: ${verdict(met)} (` +
		ratios.map((entry) => `${entry.items} at ${entry.latency} ms: ${entry.ratio ?? '?'}×${entry.lowest !== undefined ? ` (rounds ${entry.lowest}-${entry.highest})` : ''}`).join('; ') +
		`; ${ratios[0]?.connections ?? '?'} connection(s) per call).`
	);
}

function headlines(sections: {
	sync: Section;
	syncConditions: Section;
	batch: Section;
	get: Section;
	returnAll: Section;
	xml: Section;
	startup: Section;
	links: Section;
	linkConditions: Section;
	linkFloor: Section;
	linkReads: Section;
}): Headlines {
	const goals: string[] = [];
	const lines: string[] = [];
	const { sync, syncConditions, batch, get, returnAll, xml, startup, links, linkConditions, linkFloor, linkReads } = sections;
	if (links.rows.length) {
		goals.push(linkGoal(links, 'SPREAD customer create', 'Item 6, SPREAD customer create through TLS'));
		goals.push(linkGoal(links, 'jtel contact import', 'Item 6, jtel contact import through TLS'));
		goals.push(linkGoal(links, 'InfluencerSoft contact add or update', 'Item 6, InfluencerSoft add or update through TLS'));
	}
	if (linkConditions.rows.length) goals.push(linkGoal(linkConditions, 'SPREAD customer create', 'Item 6b, SPREAD customer create through TLS in a fresh process and on a busy machine'));
	if (linkReads.rows.length) goals.push(linkGoal(linkReads, 'SPREAD get customer', 'Item 7, SPREAD get customer through TLS'));
	const floorRows = linkFloor.rows.filter((row) => String(row.side).endsWith('against the floor'));
	if (floorRows.length) {
		lines.push(
			`SPREAD create through TLS, our node ÷ the floor (Node's https.request, a new agent per call, no n8n): ` +
				floorRows.map((row) => `${row.items} at ${row['latency ms']} ms: ${numberIn(row, /÷ the floor/) ?? '?'}×`).join('; ') +
				'. The gap is what n8n\'s request helper and engine add to every call, for any node.',
		);
	}
	if (!sync.rows.length) return { goals, lines };

	const latencies = [...new Set(sync.rows.map((row) => row['latency ms']).filter((value): value is number => typeof value === 'number'))];
	const oursSync = latencies.map((latency) => ({ latency, row: rowWhere(sync, /^PUBLITRAC node/, latency) }));
	const syncMet = oursSync.every(({ row }) => row?.goal === 'met');
	goals.push(
		`Item 1, PUBLITRAC syncLead ×${numberIn(oursSync[0]?.row, /^items$/)} at 35/s: wall ≤ 1.10 × floor, ≤ 35 calls in any second, 0 × 429, 0 items lost, at every latency: ${verdict(oursSync.length ? syncMet : undefined)} (` +
			oursSync
				.map(({ latency, row }) => `${latency} ms: ${numberIn(row, /wall ÷ floor/)}×, peak ${numberIn(row, /peak/)}, ${numberIn(row, /429/)} × 429, ${numberIn(row, /not synced/)} lost`)
				.join('; ') +
			').',
	);
	const quietLocal = rowWhere(sync, /^PUBLITRAC node/, 0);
	const quietRatio = numberIn(quietLocal, /wall ÷ floor/);
	goals.push(
		`Issue 23, PUBLITRAC syncLead ×${numberIn(quietLocal, /^items$/)} warmed up on a quiet machine at 0 ms: wall ≤ 1.05 × floor: ${verdict(quietRatio === undefined ? undefined : quietRatio <= 1.05)} ` +
			`(${quietRatio ?? '?'}×, load average ${round(loadSamples[0] ?? 0, 1)} before the section).`,
	);
	const oursConditions = syncConditions.rows.filter((row) => /^PUBLITRAC node/.test(String(row.side)));
	goals.push(
		`Issue 23, the rate promise outside a warmed-up run (first execution of a fresh process; ${BUSY_PROCESSES} CPU-bound processes beside it): ≤ 35 calls arriving in any second, 0 × 429, 0 lost: ` +
			`${verdict(oursConditions.length ? oursConditions.every((row) => row.goal === 'met') : undefined)} (` +
			oursConditions
				.map((row) => `${row.condition}, ${row['latency ms']} ms: peak ${numberIn(row, /peak/)}, ${numberIn(row, /429/)} × 429, ${numberIn(row, /not synced/)} lost, ${numberIn(row, /wall ÷ floor/)}× floor`)
				.join('; ') +
			').',
	);
	for (const latency of latencies) {
		const ours = rowWhere(sync, /^PUBLITRAC node/, latency);
		const batched = rowWhere(sync, /Batching/, latency);
		const defaults = rowWhere(sync, /default options/, latency);
		lines.push(
			`PUBLITRAC syncLead ×${numberIn(ours, /^items$/)} at ${latency} ms: ours ${numberIn(ours, /wall ÷ floor/)}× the floor; HTTP Request with Batching 1/30 ms ${numberIn(batched, /wall ÷ floor/)}× ` +
				`(it ÷ ours: ${ratio(numberIn(batched, /^wall s$/), numberIn(ours, /^wall s$/))}×, ${numberIn(batched, /not synced/)} lost); ` +
				`HTTP Request defaults lose ${numberIn(defaults, /not synced/)} of ${numberIn(defaults, /^items$/)} leads to 429.`,
		);
	}

	for (const row of batch.rows.filter((entry) => /^PUBLITRAC node/.test(String(entry.side)))) {
		const method = String(row.side).replace(/^PUBLITRAC node, /, '');
		const aggregate = rowWhere(batch, new RegExp(`Aggregate.*${method}$`));
		lines.push(
			`${method} ×${numberIn(row, /items in/)}: ours ${numberIn(row, /^calls$/)} call(s), ${numberIn(row, /^wall s$/)} s, ${numberIn(row, /items out/)} items out` +
				(aggregate
					? `; Aggregate + one HTTP Request ${numberIn(aggregate, /^calls$/)} call, ${numberIn(aggregate, /^wall s$/)} s (ours ÷ it: ${ratio(numberIn(row, /^wall s$/), numberIn(aggregate, /^wall s$/))}×), 1 item out`
					: '') +
				`; one call per item: ≥ ${numberIn(row, /one call per item/)} s.`,
		);
	}

	const getRatio = (latency: number) => ratio(numberIn(rowWhere(get, /^SPREAD node.*defaults/, latency), /reads\/s/), numberIn(rowWhere(get, /^HTTP Request/, latency), /reads\/s/));
	const at50 = getRatio(50);
	goals.push(
		`Item 2, SPREAD get customer ×${numberIn(get.rows[0], /^items$/)} at 50 ms: our throughput ≥ 1.0 × the HTTP Request node's with defaults: ${verdict(at50 === undefined ? undefined : at50 >= 1)} (${at50 ?? '?'}×).`,
	);
	lines.push(
		`SPREAD get customer ×${numberIn(get.rows[0], /^items$/)}, our throughput ÷ HTTP Request defaults: ${[...new Set(get.rows.map((row) => row['latency ms']))]
			.filter((latency): latency is number => typeof latency === 'number')
			.map((latency) => `${getRatio(latency) ?? '?'}× at ${latency} ms`)
			.join(', ')}.`,
	);
	const oneAtATime = rowWhere(get, /Requests in Parallel 1/, 0);
	const fetchLoop = rowWhere(get, /fetch loop/, 0);
	if (oneAtATime && fetchLoop) {
		lines.push(
			`Per-item cost without latency, one at a time: our node ÷ bare fetch loop = ${ratio(numberIn(oneAtATime, /^wall s$/), numberIn(fetchLoop, /^wall s$/))}× ` +
				`(${round((numberIn(oneAtATime, /ms\/item/) ?? 0) - (numberIn(fetchLoop, /ms\/item/) ?? 0), 2)} ms per item for n8n's engine, expressions, HTTP stack and the node).`,
		);
	}

	const oursAll = rowWhere(returnAll, /^SPREAD node/);
	const httpAll = rowWhere(returnAll, /^HTTP Request/);
	const wallRatio = ratio(numberIn(oursAll, /^wall s$/), numberIn(httpAll, /^wall s$/));
	const rssRatio = ratio(numberIn(oursAll, /peak RSS/), numberIn(httpAll, /peak RSS/));
	goals.push(
		`Item 3, SPREAD Return All ×${numberIn(oursAll, /^customers$/)}: wall ≤ 1.05 × and peak RSS ≤ 1.10 × HTTP Request + Split Out: ${verdict(wallRatio === undefined || rssRatio === undefined ? undefined : wallRatio <= 1.05 && rssRatio <= 1.1)} ` +
			`(wall ${wallRatio ?? '?'}×, RSS ${rssRatio ?? '?'}×, CPU time ${ratio(numberIn(oursAll, /^CPU s$/), numberIn(httpAll, /^CPU s$/)) ?? '?'}×; ` +
			`${numberIn(oursAll, /^wall s$/)} s / ${numberIn(oursAll, /peak RSS/)} MB against ${numberIn(httpAll, /^wall s$/)} s / ${numberIn(httpAll, /peak RSS/)} MB).`,
	);

	const [node, xml2js] = xml.rows;
	const xmlRatio = ratio(numberIn(node, /median ms/), numberIn(xml2js, /median ms/));
	goals.push(
		`Item 4, XML parse of ${numberIn(node, /^leads$/)} leads no slower than xml2js: ${verdict(xmlRatio === undefined ? undefined : xmlRatio <= 1)} (ours ÷ xml2js ${xmlRatio ?? '?'}× on medians, ` +
			`${ratio(numberIn(node, /min ms/), numberIn(xml2js, /min ms/)) ?? '?'}× on the fastest runs; result heap ${numberIn(node, /result heap/)} vs ${numberIn(xml2js, /result heap/)} MB).`,
	);

	const start = startup.rows[0];
	if (numberIn(start, /median ms/) !== undefined) {
		lines.push(`Start-up: ${start.nodes} nodes and ${start.credentials} credentials load in ${numberIn(start, /median ms/)} ms (median of ${start.runs} fresh processes).`);
	}
	return { goals, lines };
}

async function main() {
	const started = Date.now();
	// Machine and load as the run starts: that is the load the numbers ran under.
	const machine = describeMachine();
	const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	print('Benchmarks: each side runs in a fresh process, the vendor servers in another; this takes a few minutes.');
	const sections = {
		sync: syncLeadSection(),
		syncConditions: syncConditionsSection(),
		batch: batchSection(),
		get: spreadGetSection(),
		returnAll: spreadReturnAllSection(),
		xml: xmlSection(),
		startup: startupSection(),
		links: linkWritesSection(),
		linkConditions: linkConditionsSection(),
		linkFloor: linkFloorSection(),
		linkReads: linkReadsSection(),
	};
	loadSamples.push(loadavg()[0]);
	const ordered = Object.values(sections).filter((entry) => entry.rows.length > 0);
	const { goals, lines } = headlines(sections);
	print('');
	print(textTable(ordered));
	print('');
	for (const line of [...goals, ...lines]) print(`* ${line}`);
	const notes = [
		'The HTTP Request, Aggregate and Split Out nodes come from the n8n 2.41.1 install the e2e tests cache (scripts/n8n-install.sh): n8n-nodes-base has ' +
			'hundreds of runtime dependencies, too many for a dev dependency. n8n-core\'s PackageDirectoryLoader loads just those files, and their ' +
			'n8n-workflow/n8n-core imports are pointed at this repo\'s copies (the same versions), so both sides run in the same engine and Node. ' +
			'Every package is loaded, and each side warmed up on a few items, before any timer starts.',
		'Latency is simulated by a proxy in front of each test server, in the server process (scripts/bench/latencyProxy.ts): each request waits half the round trip before the server sees it, half before the answer goes back; at 0 ms the proxy is still one local hop. ' +
			'Real n8n (`n8n execute`) was not used for timing: each call costs 5-10 s of CLI start-up, which would blur a side-by-side.',
		`Load average (1 min) sampled before each section: ${loadSamples.map((load) => round(load, 1)).join(', ')} on ${machine.cores} cores. ` +
			'CPU-bound rows (XML, zero-latency rows, Return All) move with load; rate- and latency-bound rows much less.',
		`Whole run: ${round((Date.now() - started) / 1000)} s.`,
	];
	const markdown = markdownReport({ machine, date, command: COMMAND, goals, headlines: lines, sections: ordered, notes });
	writeFileSync(join(REPO_ROOT, 'BENCHMARKS.md'), markdown);
	print(`\nWritten to BENCHMARKS.md (${round((Date.now() - started) / 1000)} s).`);
}

main().catch(fail);
