import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { informationCallout } from '../../shared/descriptions';
import { readStartFrom } from '../../shared/polling';
import type { BucketRead, SeenKeysState } from '../../shared/seenKeys';
import { contentKey, shortHash, takeUnseen } from '../../shared/seenKeys';
import type { OutputShape } from '../../shared/typedOutput';
import { simplifyRecord } from '../../shared/typedOutput';
import { formatWallClock, wallClockIn } from '../../shared/wallClock';
import { LEAD_OUTPUT, OPPORTUNITY_OUTPUT } from '../actions/output';
import type { PublitracClient } from '../transport';
import { readLeads, readOpportunities } from '../transport';
import { MAX_LIST_MEMBERS, newMembers } from './memberSet';

/**
 * The PUBLITRAC Trigger's events read by diffing what a poll reads with what the last one read: opportunities
 * (getOpportunities takes no filter) and the members of a static list (getList). Neither compares a stamp with a
 * clock, so no zone is assumed.
 */
export type ExtraEvent = 'opportunityChanged' | 'leadAddedToList';

export const EXTRA_EVENT_OPTIONS = [
	{
		name: 'Opportunity Created or Updated',
		value: 'opportunityChanged',
		description: 'An opportunity that was not there at the last poll, or whose Last_Updated (or content) changed; each change once',
	},
	{ name: 'Lead Added to List', value: 'leadAddedToList', description: 'A lead that was not in a static list at the last poll and is now' },
];

export function isExtraEvent(event: string): event is ExtraEvent {
	return EXTRA_EVENT_OPTIONS.some((option) => option.value === event);
}

export const EXTRA_EVENT_PROPERTIES: INodeProperties[] = [
	informationCallout(
		'opportunityNote',
		'Each poll reads every opportunity (getOpportunities has no filter: one call per page of opportunities) and emits those new or changed since the last poll. The first poll only notes what is there.',
		{ event: ['opportunityChanged'] },
	),
	informationCallout(
		'listNote',
		`Each poll reads the whole list (getList: one call per 100 leads) and emits the leads that were not in it at the last poll. The first poll only notes who is in it. Lists of up to ${MAX_LIST_MEMBERS.toLocaleString('en-US')} leads.`,
		{ event: ['leadAddedToList'] },
	),
	{
		displayName: 'List Name',
		name: 'listName',
		type: 'string',
		required: true,
		default: '',
		description: 'The static list to watch. With Start From set (any date), the leads in it at the first poll are emitted too.',
		displayOptions: { show: { event: ['leadAddedToList'] } },
	},
];

interface ExtraPollState extends SeenKeysState {
	event?: string;
	lastPoll?: number;
	listName?: string;
	/** Lead Added to List: the list's members at the last poll (memberSet.ts). */
	members?: string;
}

const SAMPLE_SIZE = 5;

/** The most opportunity keys kept between polls, whatever the account holds (about 75 kB). */
const MAX_KEYS = 5000;

/** The bucket of opportunities without a real Last_Updated: sorts after every date, so it is kept. */
const UNDATED = 'undated';

/** One poll of an extra event: the records to emit, already simplified when asked. */
export async function pollExtraEvent(this: IPollFunctions, publitrac: PublitracClient, event: ExtraEvent, options: IDataObject): Promise<IDataObject[]> {
	const shape: OutputShape = event === 'opportunityChanged' ? OPPORTUNITY_OUTPUT : LEAD_OUTPUT;
	const records = event === 'opportunityChanged' ? await pollOpportunities.call(this, publitrac, options) : await pollList.call(this, publitrac, options);
	return options.simplify === true ? records.map((record) => simplifyRecord(record, shape)) : records;
}

/** `yyyy-mm-dd hh:mm:ss`, or nothing for MySQL's "no date" (0000-00-00 00:00:00). */
function realStamp(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	return /^\d{4}-\d{2}-\d{2}/.test(text) && !text.startsWith('0000') ? text : undefined;
}

async function pollOpportunities(this: IPollFunctions, publitrac: PublitracClient, options: IDataObject): Promise<IDataObject[]> {
	const manual = this.getMode() === 'manual';
	const opportunities = await publitrac.list({ method: 'getOpportunities', read: readOpportunities, returnAll: !manual, limit: 200 });
	if (manual) {
		const latest = [...opportunities].sort((a, b) => String(realStamp(b.Last_Updated) ?? '').localeCompare(String(realStamp(a.Last_Updated) ?? '')));
		return latest.slice(0, 1);
	}
	const state = this.getWorkflowStaticData('node') as ExtraPollState;
	if (state.event !== 'opportunityChanged') {
		for (const key of Object.keys(state)) delete (state as IDataObject)[key];
		state.event = 'opportunityChanged';
	}
	const startFrom = state.seen === undefined ? readStartFrom(this, options) : undefined;
	// Opportunities by the date of their Last_Updated (those without one together), so the oldest are forgotten first
	// when the account holds more than MAX_KEYS.
	const byDate = new Map<string, IDataObject[]>();
	for (const opportunity of opportunities) {
		const bucket = realStamp(opportunity.Last_Updated)?.slice(0, 10) ?? UNDATED;
		byDate.set(bucket, [...(byDate.get(bucket) ?? []), opportunity]);
	}
	const reads: Array<BucketRead<IDataObject>> = [...byDate].map(([bucket, records]) => ({ bucket, records }));
	let onFirstPoll: ((records: IDataObject[]) => IDataObject[]) | undefined;
	if (startFrom !== undefined) {
		// Backfill: the opportunities changed since the day before Start From's day (a day of slack for any zone).
		const since = formatWallClock(wallClockIn(new Date(startFrom - 86_400_000), this.getTimezone()), ' ').slice(0, 10);
		onFirstPoll = (records) => records.filter((opportunity) => (realStamp(opportunity.Last_Updated) ?? '') >= since);
	}
	const fresh = new Set(takeUnseen(state, reads, { keyOf: opportunityKey, keepFrom: '', onFirstPoll, maxKeys: MAX_KEYS }));
	state.lastPoll = Date.now();
	return opportunities.filter((opportunity) => fresh.has(opportunity));
}

/** An opportunity's key: its ID and Last_Updated, or its content when PUBLITRAC sends no real date. */
function opportunityKey(opportunity: IDataObject): string {
	const id = String(opportunity.id ?? opportunity.External_id ?? '');
	const stamp = realStamp(opportunity.Last_Updated);
	return shortHash(stamp ? `${id}@${stamp}` : contentKey(id, opportunity));
}

async function pollList(this: IPollFunctions, publitrac: PublitracClient, options: IDataObject): Promise<IDataObject[]> {
	const listName = String(this.getNodeParameter('listName', '')).trim();
	if (listName === '') throw new NodeOperationError(this.getNode(), 'List Name: is required');
	if (this.getMode() === 'manual') return await publitrac.list({ method: 'getList', params: { listName }, read: readLeads, returnAll: false, limit: SAMPLE_SIZE });
	return await newMembers.call(
		this,
		publitrac,
		'leadAddedToList',
		{ method: 'getList', param: 'listName', name: listName, tooLarge: 'Watch a narrower view (Lead Entered View) or new leads instead, or split the list.' },
		() => readStartFrom(this, options) !== undefined,
	);
}
