import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { redactValue } from '../shared/redaction';
import { informationCallout } from '../shared/descriptions';
import { datesInAnyZone, earliestDateAt, readStartFrom, startFromOption } from '../shared/polling';
import type { BucketRead, SeenKeysState } from '../shared/seenKeys';
import { takeUnseen } from '../shared/seenKeys';
import { optionSubtitle } from '../shared/router';
import { formatWallClock, wallClockIn } from '../shared/wallClock';
import { simplifyField } from './actions/fields';
import { LEAD_OUTPUT } from './actions/output';
import { simplifyRecord } from '../shared/typedOutput';
import { publitracCredentialTest } from './methods/credentialTest';
import type { PublitracClient } from './transport';
import { connect, readLeads } from './transport';
import type { ExtraEvent } from './trigger/extraEvents';
import { EXTRA_EVENT_OPTIONS, EXTRA_EVENT_PROPERTIES, isExtraEvent, pollExtraEvent } from './trigger/extraEvents';
import { MAX_LIST_MEMBERS, newMembers } from './trigger/memberSet';

type TriggerEvent = 'leadCreated' | 'leadChanged' | 'leadEnteredView';
type StampEvent = Exclude<TriggerEvent, 'leadEnteredView'>;

/** The lead field each event watches; PUBLITRAC writes both as `yyyy-mm-dd hh:mm:ss` in a zone it does not name. */
const STAMP_FIELD: Record<StampEvent, string> = {
	leadCreated: 'createdDate',
	// A new lead's lastUpdated is its creation time, so this catches creations too.
	leadChanged: 'lastUpdated',
};

/**
 * What the trigger keeps between polls (shared/seenKeys.ts): when the last poll started, and the keys
 * (`id@stamp`) of the leads it read, by the date it asked for, for the dates a later poll reads again. A stamp is
 * never compared with a clock: its zone is unknown.
 */
interface PollState extends SeenKeysState {
	event?: TriggerEvent;
	/** When the last poll started (ms): the next reads every date a clock on Earth showed since. */
	lastPoll?: number;
	/** The state the trigger kept up to 0.1.0 (a stamp and the keys at it): read once to carry on, then dropped. */
	cursor?: string;
	seenAtCursor?: string[];
	/** View mode: the view watched and the leads it held at the last poll (trigger/memberSet.ts). */
	viewName?: string;
	members?: string;
	/** The view's lead IDs as kept up to 0.1.0 (unbounded): read once, then kept as `members`. */
	viewMembers?: string[];
}

/**
 * After n8n was stopped, the first poll catches up at most this far back, so a workflow left inactive for months
 * is not flooded with its leads when switched on again. A week: a weekend outage loses nothing.
 */
const MAX_CATCH_UP_MS = 7 * 86_400_000;

/** A stamp read as UTC is at most this far after the instant it names (UTC+14). */
const LATEST_OFFSET_MS = 14 * 3_600_000;

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
				'A lead is new when it was not there at the last poll (a change: its lastUpdated was not seen yet); the first poll after activation only notes what is there. Each poll asks PUBLITRAC for the leads of every date a clock on Earth showed since the last poll (getLeads, createdDate or lastUpdated like "yyyy-mm-dd%"), whatever zone it stamps in: 2 or 3 calls a poll (3 or 4 polling once a day), plus one per further 100 leads on a date; up to one fewer with Account Time Zone set; within its 35 calls a second.',
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
					`The filtered list (view) to watch, of up to ${MAX_LIST_MEMBERS.toLocaleString('en-US')} leads (a larger one fails the poll). Each poll reads all of it (getView: one call per 100 leads) and keeps its lead IDs compactly. With Start From set (any date), the leads in it at the first poll are emitted too.`,
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
							"Only saves calls. The time zone PUBLITRAC writes your account's dates in (they carry none), as an IANA name: each poll then stops at that zone's date instead of the latest date on Earth. Set wrong, a lead dated later is read by a later poll; no lead is ever dropped. Start From is compared with the stamps in this zone (empty: the workflow's).",
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
		const publitrac = await connect(this);
		if (isExtraEvent(event)) {
			const records = await pollExtraEvent.call(this, publitrac, event, options);
			return records.length ? [this.helpers.returnJsonArray(records.map((record) => redactValue(record, publitrac.secrets)))] : null;
		}
		const output = (leads: IDataObject[]) => {
			const shown = options.simplify === true ? leads.map((lead) => simplifyRecord(lead, LEAD_OUTPUT)) : leads;
			return [this.helpers.returnJsonArray(shown.map((lead) => redactValue(lead, publitrac.secrets)))];
		};
		if (event === 'leadEnteredView') {
			const entered = await pollView.call(this, publitrac);
			return entered.length ? output(entered) : null;
		}
		const stampField = STAMP_FIELD[event];
		// Start From is read in it, and manual runs pick recent months by it; new leads never depend on it.
		const accountTimeZone = readTimeZone(this, options.accountTimeZone);
		const narrowingZone = typeof options.accountTimeZone === 'string' && options.accountTimeZone.trim() !== '' ? accountTimeZone : undefined;
		const now = Date.now();

		if (this.getMode() === 'manual') {
			const accountNow = formatWallClock(wallClockIn(new Date(now), accountTimeZone), ' ');
			const samples = await sampleLeads.call(this, publitrac, stampField, accountNow);
			return samples.length ? output(samples) : null;
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		if (state.event !== event) {
			for (const key of Object.keys(state)) delete (state as IDataObject)[key];
			state.event = event;
		}
		const stampOf = (lead: IDataObject) => String(lead[stampField] ?? '').trim();
		const keyOf = (lead: IDataObject) => `${String(lead.id)}@${stampOf(lead)}`;

		// Where this poll starts reading, and what its first poll emits (nothing, by default: a baseline).
		let from = now;
		let onFirstPoll: ((leads: IDataObject[]) => IDataObject[]) | undefined;
		if (state.seen !== undefined) {
			from = Math.max(Math.min(state.lastPoll ?? now, now), now - MAX_CATCH_UP_MS);
		} else if (state.cursor !== undefined) {
			// Carry on from the older state once, with its own rule; every later poll uses keys only.
			const cursor = state.cursor;
			const atCursor = new Set(state.seenAtCursor ?? []);
			const cursorAsUtc = Date.parse(`${cursor.replace(' ', 'T')}Z`);
			from = Number.isNaN(cursorAsUtc) ? now : Math.max(Math.min(cursorAsUtc - LATEST_OFFSET_MS, now), now - MAX_CATCH_UP_MS);
			onFirstPoll = (leads) => leads.filter((lead) => stampOf(lead) > cursor || (stampOf(lead) === cursor && !atCursor.has(keyOf(lead))));
		} else {
			const startFrom = readStartFrom(this, options);
			if (startFrom !== undefined) {
				from = Math.min(startFrom, now);
				// A backfill of old leads: the one place a stamp meets a date, read in the account's zone.
				const since = formatWallClock(wallClockIn(new Date(startFrom), accountTimeZone), ' ');
				onFirstPoll = (leads) => leads.filter((lead) => stampOf(lead) >= since);
			}
		}

		// The first poll reads up to the latest date on Earth whatever the zone option: all that exists is noted.
		const days = datesInAnyZone(from, now, state.seen === undefined ? undefined : narrowingZone);
		const reads: Array<BucketRead<IDataObject>> = [];
		for (const day of days) {
			const query = { queries: { query: [{ field: stampField, operator: 'like', value: `${day}%` }] } };
			reads.push({ bucket: day, records: await publitrac.list({ method: 'getLeads', query, read: readLeads, returnAll: true, limit: 0 }) });
		}
		// The next poll reads from the earliest date a lead made from now on can carry.
		const fresh = takeUnseen(state, reads, { keyOf, keepFrom: earliestDateAt(now), onFirstPoll });
		state.lastPoll = now;
		delete state.cursor;
		delete state.seenAtCursor;
		fresh.sort((a, b) => stampOf(a).localeCompare(stampOf(b)));
		return fresh.length ? output(fresh) : null;
	}
}

/**
 * View mode: the leads in the view now that were not at the last poll. The first poll only notes who is in it
 * (no flood), unless Start From is set: then everyone in it now counts as entered. A lead that leaves and comes
 * back is emitted again. Views of up to MAX_LIST_MEMBERS leads, kept like Lead Added to List's members. A manual
 * test run shows the first few leads of the view.
 */
async function pollView(this: IPollFunctions, publitrac: PublitracClient): Promise<IDataObject[]> {
	const viewName = String(this.getNodeParameter('viewName', '')).trim();
	if (viewName === '') throw new NodeOperationError(this.getNode(), 'View Name: is required');
	if (this.getMode() === 'manual') return await publitrac.list({ method: 'getView', params: { viewName }, read: readLeads, returnAll: false, limit: SAMPLE_SIZE });
	return await newMembers.call(
		this,
		publitrac,
		'leadEnteredView',
		{ method: 'getView', param: 'viewName', name: viewName, tooLarge: 'Narrow its filter, split it into several views, or watch new or updated leads instead.' },
		() => readStartFrom(this, this.getNodeParameter('options', {}) as IDataObject) !== undefined,
	);
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

/** A few recent leads for the editor's test run: the first page of the most recent month that has any, else of all leads. */
async function sampleLeads(this: IPollFunctions, publitrac: PublitracClient, stampField: string, accountNow: string): Promise<IDataObject[]> {
	const [year, month] = accountNow.split('-').map(Number);
	const months = Array.from({ length: SAMPLE_MONTHS }, (_, back) => {
		const date = new Date(Date.UTC(year, month - 1 - back, 1));
		return date.toISOString().slice(0, 7);
	});
	for (const prefix of [...months, '']) {
		const query = prefix ? { queries: { query: [{ field: stampField, operator: 'like', value: `${prefix}-%` }] } } : { queries: '' };
		const leads = await publitrac.list({ method: 'getLeads', query, read: readLeads, returnAll: false, limit: 100 });
		if (leads.length) return leads.sort((a, b) => String(b[stampField]).localeCompare(String(a[stampField]))).slice(0, SAMPLE_SIZE);
	}
	return [];
}
