/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Rows, tables and the machine they ran on: what `npm run bench` prints and writes into BENCHMARKS.md.
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';

/** One line of a benchmark's results: what was measured (labels) and the numbers. */
export type Row = Record<string, string | number>;

export interface Section {
	/** The item number(s), e.g. "1" or "1-2". */
	item: string;
	title: string;
	/** A few words for the terminal table. */
	short: string;
	/** What the numbers mean and how they were taken, one or two sentences. */
	method: string;
	rows: Row[];
}

export interface Machine {
	cpu: string;
	cores: number;
	ramGb: number;
	node: string;
	os: string;
	/** 1-minute load average when the run started: the machine is shared, so this says how busy it was. */
	load: number;
}

export function describeMachine(): Machine {
	const cpuList = cpus();
	return {
		cpu: cpuList[0]?.model.trim() ?? 'unknown',
		cores: cpuList.length,
		ramGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
		node: process.version,
		os: `${osType()} ${release()}`,
		load: round(loadavg()[0], 1),
	};
}

function cell(value: string | number | undefined): string {
	if (value === undefined) return '';
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
	return value;
}

function columnsOf(rows: Row[]): string[] {
	const columns: string[] = [];
	for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
	return columns;
}

/** Plain-text table for the terminal: every section in one table, columns item | benchmark | side | results. */
export function textTable(sections: Section[]): string {
	const lines: string[][] = [['item', 'benchmark', 'side', 'results']];
	for (const section of sections) {
		for (const row of section.rows) {
			const { side, ...numbers } = row;
			const results = Object.entries(numbers)
				.map(([key, value]) => `${key} ${cell(value)}`)
				.join(' · ');
			lines.push([section.item, section.short, cell(side), results]);
		}
	}
	const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
	const render = (line: string[]) => line.map((value, column) => value.padEnd(widths[column])).join(' | ').trimEnd();
	return [render(lines[0]), widths.map((width) => '-'.repeat(width)).join('-+-'), ...lines.slice(1).map(render)].join('\n');
}

export function markdownTable(rows: Row[]): string {
	if (rows.length === 0) return '_no rows_';
	const columns = columnsOf(rows);
	const escape = (value: string) => value.replace(/\|/g, '\\|');
	return [
		`| ${columns.join(' | ')} |`,
		`| ${columns.map((column) => (typeof rows.find((row) => row[column] !== undefined)?.[column] === 'number' ? '---:' : '---')).join(' | ')} |`,
		...rows.map((row) => `| ${columns.map((column) => escape(cell(row[column]))).join(' | ')} |`),
	].join('\n');
}

export interface Report {
	machine: Machine;
	date: string;
	command: string;
	/** Each goal of the issue with its figure, met or missed. */
	goals: string[];
	/** Comparisons as ratios. */
	headlines: string[];
	sections: Section[];
	notes: string[];
}

export function markdownReport(report: Report): string {
	const { machine } = report;
	return [
		'# Benchmarks',
		'',
		'The nodes of this package against what users would otherwise build in n8n (its HTTP Request node, with its defaults and with careful settings), measured side by side in one run, ' +
			'on one machine, against the local vendor test servers on 127.0.0.1 running in a process of their own. Each row says what it measures.',
		'',
		`- Date: ${report.date}`,
		`- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, ${machine.os}`,
		`- Node: ${machine.node}`,
		`- Load average (1 min) at the start: ${machine.load} on ${machine.cores} cores (${machine.load < machine.cores / 2 ? 'quiet' : 'busy: other work shared the machine, treat CPU-bound rows as noisy'})`,
		`- Reproduce: \`${report.command}\` (builds, then runs every benchmark and rewrites this file)`,
		'',
		'## Goals',
		'',
		...report.goals.map((line) => `- ${line}`),
		'',
		'## Headlines',
		'',
		...report.headlines.map((line) => `- ${line}`),
		'',
		...report.sections.flatMap((section) => [`## ${section.item}. ${section.title}`, '', section.method, '', markdownTable(section.rows), '']),
		...(report.notes.length ? ['## Notes', '', ...report.notes.map((line) => `- ${line}`), ''] : []),
	].join('\n');
}

/** First numeric value whose column name matches, e.g. numberIn(row, /wall/i). */
export function numberIn(row: Row | undefined, column: RegExp): number | undefined {
	if (!row) return undefined;
	for (const [key, value] of Object.entries(row)) {
		if (!column.test(key)) continue;
		const parsed = typeof value === 'number' ? value : Number.parseFloat(value);
		if (Number.isFinite(parsed)) return parsed;
	}
	return undefined;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
export const mb = (bytes: number) => round(bytes / 1024 ** 2, 1);
