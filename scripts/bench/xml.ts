/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Parsing a 10,000-lead PUBLITRAC getLeads response as the node does against xml2js,
// the parser of n8n's own XML node. Each parser runs in a fresh process (see index.ts) so peak RSS is its own.
import { createRequire } from 'node:module';

import { parsePublitracXml } from '../../nodes/Publitrac/xmlReader';
import { mb, median, round } from './report';

// Loaded at run time (optional modules, or after the environment is set): a require bound to this file.
const loadModule = createRequire(__filename);

export const XML_LEADS = Number(process.env.BENCH_XML_LEADS ?? 10000);
const RUNS = Number(process.env.BENCH_XML_RUNS ?? 5);

/** A getLeads response as documented (every native field of the seed's example lead), `count` leads, one page. */
export function buildGetLeadsXml(count = XML_LEADS): string {
	const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<response>\n<status>2001</status>\n<message>getLeads success.</message>\n<leads>\n'];
	for (let index = 0; index < count; index++) {
		parts.push(
			`<lead><id>${470 + index}</id><firstName>John${index}</firstName><lastName>Smith &amp; Fils</lastName><middleName></middleName>` +
				`<company>PUBLIPAGE</company><phone>555-555-${String(index % 10000).padStart(4, '0')}</phone><email>john.smith${index}@publipage.com</email>` +
				'<mailingAddress></mailingAddress><originalSource>Google</originalSource><originalSourceType>Organic Search</originalSourceType>' +
				'<keyword>marketing automation</keyword><jobTitle></jobTitle><dateOfBirth></dateOfBirth><status>Active</status>' +
				`<score>${index % 100}</score><postalCode>H2X 1Y4</postalCode><country>CA</country><city>Montréal</city><state>QC</state>` +
				'<doNotCall>0</doNotCall><doNotCallReason></doNotCallReason>' +
				`<token>_nl-publipage.com-1282527313351-${84730 + index}</token><unsubscribed>0</unsubscribed><unsubscribeCause></unsubscribeCause>` +
				'<fax></fax><mobile></mobile><isCustomer>0</isCustomer><isAnonymous>0</isAnonymous><emailInvalid>0</emailInvalid>' +
				'<emailInvalidCause></emailInvalidCause><notes>Appel &lt;urgent&gt;</notes><suspended>0</suspended><suspendedReason></suspendedReason>' +
				'<blacklisted>0</blacklisted><blacklistedCause></blacklistedCause><customerId></customerId><website></website>' +
				`<language>fr</language><nbrEmployees></nbrEmployees><revenue></revenue><crmLeadId>${5564344 + index}</crmLeadId>` +
				'<dateCreated>2014-01-28 02:04:01</dateCreated><lastUpdated>2014-01-28 02:04:01</lastUpdated></lead>\n',
		);
	}
	parts.push(`</leads>\n<paging><page>1</page><items>${count}</items><offset>0</offset><total>${count}</total></paging>\n</response>\n`);
	return parts.join('');
}

type Parse = (xml: string) => Promise<unknown>;

export type ParserName = 'node' | 'xml2js';

/** The node's own parse, with every check it makes. */
function nodeParser(): { parse: Parse; how: string } {
	return { parse: async (xml) => parsePublitracXml(xml), how: "parsePublitracXml (the node's transport, checks included)" };
}

/** xml2js with the options n8n's XML node uses by default (XML → JSON mode). */
function xml2jsParser(): { parse: Parse; how: string } {
	const { Parser } = loadModule('xml2js') as { Parser: new (options: object) => { parseStringPromise(xml: string): Promise<unknown> } };
	const options = {
		attrkey: '$',
		charkey: '_',
		explicitArray: false,
		explicitRoot: true,
		ignoreAttrs: false,
		mergeAttrs: true,
		normalize: false,
		normalizeTags: false,
		trim: false,
	};
	return { parse: async (xml) => await new Parser(options).parseStringPromise(xml), how: 'xml2js Parser, n8n XML node defaults' };
}

function leadCount(parsed: unknown): number {
	// A whole document ({response: …}), or its <response> element as parsePublitracXml returns it.
	const document = parsed as { response?: { leads?: { lead?: unknown } }; leads?: { lead?: unknown } };
	const leads = (document.response ?? document).leads?.lead;
	return Array.isArray(leads) ? leads.length : 0;
}

const collectGarbage = () => (global as { gc?: () => void }).gc?.();

/** Runs in a fresh process (node --expose-gc): times RUNS parses and measures the memory of one. */
export async function benchXmlParser(which: ParserName) {
	const xml = buildGetLeadsXml();
	const { parse, how } = which === 'xml2js' ? xml2jsParser() : nodeParser();
	collectGarbage();
	const before = process.memoryUsage();
	// The first parse is measured for memory: the result held, the heap it takes after a full collection.
	let held: unknown = await parse(xml);
	const afterFirst = process.memoryUsage();
	collectGarbage();
	const retainedBytes = process.memoryUsage().heapUsed - before.heapUsed;
	const leads = leadCount(held);
	held = undefined;
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		collectGarbage();
		const started = process.hrtime.bigint();
		held = await parse(xml);
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
		held = undefined;
	}
	return {
		how,
		leads,
		xmlMb: mb(Buffer.byteLength(xml)),
		medianMs: round(median(times)),
		minMs: round(Math.min(...times)),
		runs: RUNS,
		retainedHeapMb: mb(retainedBytes),
		firstParseHeapGrowthMb: mb(afterFirst.heapUsed - before.heapUsed),
		rssBeforeMb: mb(before.rss),
	};
}
