import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { redactValue } from '../shared/redaction';
import { informationCallout } from '../shared/descriptions';
import { readStartFrom, startFromOption } from '../shared/polling';
import { optionSubtitle } from '../shared/router';
import { formatWallClock, wallClockIn } from '../shared/wallClock';
import { simplifyField } from './actions/common';
import { LEAD_OUTPUT } from './actions/output';
import { simplifyRecord } from '../shared/typedOutput';
import { publitracCredentialTest } from './methods/credentialTest';
import { walkPages } from './paging';
import type { PublitracSession } from './transport';
import { connect, readLeads } from './transport';
import type { ExtraEvent } from './trigger/extraEvents';
import { EXTRA_EVENT_OPTIONS, EXTRA_EVENT_PROPERTIES, isExtraEvent, pollExtraEvent } from './trigger/extraEvents';

type TriggerEvent = 'leadCreated' | 'leadChanged' | 'leadEnteredView';
type StampEvent = Exclude<TriggerEvent, 'leadEnteredView'>;

/** The lead field each event watches; PUBLITRAC writes both as `yyyy-mm-dd hh:mm:ss` in the account's time zone. */
const STAMP_FIELD: Record<StampEvent, string> = {
	leadCreated: 'createdDate',
	// A new lead's lastUpdated is its creation time, so this catches creations too.
	leadChanged: 'lastUpdated',
};

/**
 * What the trigger keeps between polls: the latest stamp it has emitted (a wall-clock time in the account's
 * zone, compared as text: `yyyy-mm-dd hh:mm:ss` sorts as it reads) and the leads emitted at exactly that
 * second, as `id@stamp` (PUBLITRAC stamps whole seconds, and a lead changed twice has two stamps).
 */
interface PollState {
	event?: TriggerEvent;
	cursor?: string;
	seenAtCursor?: string[];
	/** View mode: the view watched and the IDs of the leads it held at the last poll. */
	viewName?: string;
	viewMembers?: string[];
}

/**
 * The cursor never lags more than this behind the account's clock: a quiet account is not asked for every
 * day since its last lead. A day, so a wrong Account Time Zone (off by up to ±14 h) still misses nothing.
 */
const MAX_LAG_MS = 86_400_000;

/** UTC+14 (Kiribati): the zone whose date changes first. */
const LATEST_ZONE = 'Pacific/Kiritimati';

/** Sample leads for a manual test run, from the most recent of these months that has any. */
const SAMPLE_MONTHS = 3;
const SAMPLE_SIZE = 5;

const TRIGGER_EVENTS = [
	{ name: 'Lead Created', value: 'leadCreated', description: 'A new lead (by its createdDate)' },
	{ name: 'Lead Created or Updated', value: 'leadChanged', description: 'A new lead or a change to one (by its lastUpdated); each change once' },
	{ name: 'Lead Entered View', value: 'leadEnteredView', description: 'A lead that was not in a filtered list (view) at the last poll and is now' },
	...EXTRA_EVENT_OPTIONS,
];

export class PublitracTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PUBLITRAC Trigger',
		name: 'publitracTrigger',
		icon: { light: 'file:publitrac.svg', dark: 'file:publitrac.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle('event', TRIGGER_EVENTS),
		description: 'Starts the workflow when PUBLITRAC leads are created or updated',
		defaults: { name: 'PUBLITRAC Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'publitracApi', required: true, testedBy: 'publitracCredentialTest' }],
		properties: [
			informationCallout(
				'pollNote',
				'Each poll asks PUBLITRAC for the leads of each day since the last poll (getLeads, createdDate or lastUpdated like "yyyy-mm-dd%"), one call per day and page, within its 35 calls a second.',
				{ event: ['leadCreated', 'leadChanged'] },
			),
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: TRIGGER_EVENTS,
				default: 'leadCreated',
			},
			{
				displayName: 'View Name',
				name: 'viewName',
				type: 'string',
				required: true,
				default: '',
				description:
					'The filtered list (view) to watch. Each poll reads all of it (getView) and keeps its lead IDs, so a large view costs one call per 100 leads a poll. With Start From set (any date), the leads in it at the first poll are emitted too.',
				displayOptions: { show: { event: ['leadEnteredView'] } },
			},
			...EXTRA_EVENT_PROPERTIES,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Account Time Zone',
						name: 'accountTimeZone',
						type: 'string',
						default: '',
						placeholder: 'America/Toronto',
						description:
							"The time zone PUBLITRAC writes your account's dates in (they carry none), as an IANA name. Empty: the workflow's time zone.",
					},
					simplifyField,
					startFromOption('leads created (or updated)'),
				],
			},
		],
	};

	methods = { credentialTest: { publitracCredentialTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent | ExtraEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const session = await connect(this);
		if (isExtraEvent(event)) {
			const records = await pollExtraEvent.call(this, session, event, options);
			return records.length ? [this.helpers.returnJsonArray(records.map((record) => redactValue(record, session.client.secrets)))] : null;
		}
		const output = (leads: IDataObject[]) => {
			const shown = options.simplify === true ? leads.map((lead) => simplifyRecord(lead, LEAD_OUTPUT)) : leads;
			return [this.helpers.returnJsonArray(shown.map((lead) => redactValue(lead, session.client.secrets)))];
		};
		if (event === 'leadEnteredView') {
			const entered = await pollView.call(this, session);
			return entered.length ? output(entered) : null;
		}
		const stampField = STAMP_FIELD[event];
		const accountTimeZone = readTimeZone(this, options.accountTimeZone);
		const accountNow = formatWallClock(wallClockIn(new Date(), accountTimeZone), ' ');

		if (this.getMode() === 'manual') {
			const samples = await sampleLeads.call(this, session, stampField, accountNow);
			return samples.length ? output(samples) : null;
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		if (state.cursor === undefined || state.event !== event) {
			state.event = event;
			state.seenAtCursor = [];
			const startFrom = readStartFrom(this, options);
			if (startFrom === undefined) {
				// No flood on activation: only leads stamped from now on.
				state.cursor = accountNow;
				return null;
			}
			state.cursor = formatWallClock(wallClockIn(new Date(startFrom), accountTimeZone), ' ');
		}

		const floor = formatWallClock(wallClockIn(new Date(Date.now() - MAX_LAG_MS), accountTimeZone), ' ');
		const cursor = state.cursor;
		// Up to the latest date anywhere on Earth: a lead stamped "tomorrow" by a wrongly set zone is not delayed.
		const lastDay = [accountNow.slice(0, 10), formatWallClock(wallClockIn(new Date(), LATEST_ZONE), ' ').slice(0, 10)].sort()[1];
		const seen = new Set(state.seenAtCursor ?? []);
		const fresh: IDataObject[] = [];
		const keys = new Set<string>();
		for (const day of daysFrom(cursor.slice(0, 10), lastDay)) {
			const query = { queries: { query: [{ field: stampField, operator: 'like', value: `${day}%` }] } };
			const leads = await walkPages.call(this, session, { method: 'getLeads', query }, readLeads, { returnAll: true, limit: 0 });
			for (const lead of leads) {
				const stamp = String(lead[stampField] ?? '').trim();
				const key = `${String(lead.id)}@${stamp}`;
				if (stamp < cursor || (stamp === cursor && seen.has(key)) || keys.has(key)) continue;
				keys.add(key);
				fresh.push(lead);
			}
		}
		fresh.sort((a, b) => String(a[stampField]).localeCompare(String(b[stampField])));

		const newest = fresh.length ? String(fresh[fresh.length - 1][stampField]).trim() : cursor;
		const nextCursor = newest > floor ? newest : floor;
		state.seenAtCursor = nextCursor === cursor ? [...seen, ...keysAt(fresh, stampField, cursor)] : keysAt(fresh, stampField, nextCursor);
		state.cursor = nextCursor;
		return fresh.length ? output(fresh) : null;
	}
}

/**
 * View mode: the leads in the view now that were not at the last poll. The first poll only notes who is in it
 * (no flood), unless Start From is set: then everyone in it now counts as entered. A lead that leaves and comes
 * back is emitted again. A manual test run shows the first few leads of the view.
 */
async function pollView(this: IPollFunctions, session: PublitracSession): Promise<IDataObject[]> {
	const viewName = String(this.getNodeParameter('viewName', '')).trim();
	if (viewName === '') throw new NodeOperationError(this.getNode(), 'View Name: is required');
	const manual = this.getMode() === 'manual';
	const leads = await walkPages.call(this, session, { method: 'getView', params: { viewName } }, readLeads, { returnAll: !manual, limit: SAMPLE_SIZE });
	if (manual) return leads;
	const state = this.getWorkflowStaticData('node') as PollState;
	const known = state.event === 'leadEnteredView' && state.viewName === viewName ? new Set(state.viewMembers ?? []) : undefined;
	const backfill = known === undefined && readStartFrom(this, this.getNodeParameter('options', {}) as IDataObject) !== undefined;
	state.event = 'leadEnteredView';
	state.viewName = viewName;
	state.viewMembers = leads.map((lead) => String(lead.id));
	if (known === undefined) return backfill ? leads : [];
	return leads.filter((lead) => !known.has(String(lead.id)));
}

function keysAt(leads: IDataObject[], stampField: string, stamp: string): string[] {
	return leads.filter((lead) => String(lead[stampField]).trim() === stamp).map((lead) => `${String(lead.id)}@${stamp}`);
}

function readTimeZone(context: IPollFunctions, value: unknown): string {
	const zone = typeof value === 'string' && value.trim() !== '' ? value.trim() : context.getTimezone();
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		throw new NodeOperationError(context.getNode(), `Account Time Zone: "${zone}" is not a time zone`, { description: 'Use an IANA name such as America/Toronto or Europe/Paris.' });
	}
	return zone;
}

/** Every calendar day from `first` to `last` (both `yyyy-mm-dd`), in order. */
function daysFrom(first: string, last: string): string[] {
	const days: string[] = [];
	for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${last}T00:00:00Z`); day += 86_400_000) {
		days.push(new Date(day).toISOString().slice(0, 10));
	}
	return days;
}

/** A few recent leads for the editor's test run: the first page of the most recent month that has any, else of all leads. */
async function sampleLeads(this: IPollFunctions, session: PublitracSession, stampField: string, accountNow: string): Promise<IDataObject[]> {
	const [year, month] = accountNow.split('-').map(Number);
	const months = Array.from({ length: SAMPLE_MONTHS }, (_, back) => {
		const date = new Date(Date.UTC(year, month - 1 - back, 1));
		return date.toISOString().slice(0, 7);
	});
	for (const prefix of [...months, '']) {
		const query = prefix ? { queries: { query: [{ field: stampField, operator: 'like', value: `${prefix}-%` }] } } : { queries: '' };
		const leads = await walkPages.call(this, session, { method: 'getLeads', query }, readLeads, { returnAll: false, limit: 100 });
		if (leads.length) return leads.sort((a, b) => String(b[stampField]).localeCompare(String(a[stampField]))).slice(0, SAMPLE_SIZE);
	}
	return [];
}
