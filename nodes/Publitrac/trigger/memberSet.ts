import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shortHash } from '../../shared/seenKeys';
import type { PublitracClient } from '../transport';
import { readLeads } from '../transport';

/**
 * The IDs of a list's or view's members between polls, in little room: numeric IDs (PUBLITRAC's) as sorted base-36
 * gaps ("n:1,2s,9"), any others as 12-character hashes ("h:…"). 20,000 numeric IDs take 40 kB (consecutive) to
 * 60 kB (200 apart); larger lists and views are refused rather than remembered in part.
 */
export const MAX_LIST_MEMBERS = 20_000;

const CANONICAL_INTEGER = /^(0|[1-9]\d{0,14})$/;

export function encodeMembers(ids: string[]): string {
	if (ids.every((id) => CANONICAL_INTEGER.test(id))) {
		const sorted = [...new Set(ids.map(Number))].sort((a, b) => a - b);
		return `n:${sorted.map((id, index) => (id - (index ? sorted[index - 1] : 0)).toString(36)).join(',')}`;
	}
	return `h:${[...new Set(ids.map(shortHash))].join('')}`;
}

/**
 * Whether an ID was a member, from what encodeMembers kept. A plain list of IDs is what Lead Entered View kept up
 * to 0.1.0: read as is, so the first poll after the upgrade neither loses nor repeats a lead.
 */
export function decodeMembers(encoded: string | string[] | undefined): ((id: string) => boolean) | undefined {
	if (encoded === undefined) return undefined;
	if (Array.isArray(encoded)) {
		const ids = new Set(encoded.map(String));
		return (candidate) => ids.has(candidate);
	}
	const body = encoded.slice(2);
	if (encoded.startsWith('n:')) {
		const members = new Set<string>();
		let id = 0;
		for (const gap of body === '' ? [] : body.split(',')) {
			id += parseInt(gap, 36);
			members.add(String(id));
		}
		return (candidate) => members.has(candidate);
	}
	const hashes = new Set<string>();
	for (let index = 0; index < body.length; index += 12) hashes.add(body.slice(index, index + 12));
	return (candidate) => hashes.has(shortHash(candidate));
}

/** What a trigger watches the members of: a static list (getList) or a view (getView). */
export interface MemberSource {
	method: 'getList' | 'getView';
	/** The parameter naming it, which is also the node field an error names. */
	param: 'listName' | 'viewName';
	name: string;
	/** What to do instead when it is too large (the error's description). */
	tooLarge: string;
}

/**
 * Every member of a list or view, for a poll: reading stops one past MAX_LIST_MEMBERS, and a larger one fails the
 * poll with an error naming the field, before the state is touched.
 */
export async function readAllMembers(this: IPollFunctions, publitrac: PublitracClient, source: MemberSource): Promise<IDataObject[]> {
	const leads = await publitrac.list({ method: source.method, params: { [source.param]: source.name }, read: readLeads, returnAll: false, limit: MAX_LIST_MEMBERS + 1 });
	if (leads.length > MAX_LIST_MEMBERS) {
		const field = source.param === 'listName' ? 'List Name' : 'View Name';
		throw new NodeOperationError(this.getNode(), `${field}: "${source.name}" holds more than the ${MAX_LIST_MEMBERS} leads this trigger watches`, {
			description: `Its memory between polls is bounded. ${source.tooLarge}`,
		});
	}
	return leads;
}

/** What a membership trigger keeps between polls, under the field naming what it watches (`listName` or `viewName`). */
interface MembershipState {
	event?: string;
	members?: string;
	/** Lead Entered View's state up to 0.1.0: a plain list of IDs, read once to carry on. */
	viewMembers?: string[];
	[name: string]: unknown;
}

/**
 * The leads in a list or view now that were not at the last poll, and the new members kept (compactly) for the
 * next. The first poll for this event and name only notes who is in it (no flood), unless `backfillAsked()`: then everyone
 * in it now counts as new (asked only on a first poll). A lead that leaves and comes back is new again.
 */
export async function newMembers(
	this: IPollFunctions,
	publitrac: PublitracClient,
	event: string,
	source: MemberSource,
	backfillAsked: () => boolean,
): Promise<IDataObject[]> {
	const leads = await readAllMembers.call(this, publitrac, source);
	const state = this.getWorkflowStaticData('node') as MembershipState;
	const wasMember = state.event === event && state[source.param] === source.name ? decodeMembers(state.members ?? state.viewMembers) : undefined;
	const backfill = wasMember === undefined && backfillAsked();
	for (const key of Object.keys(state)) delete state[key];
	state.event = event;
	state[source.param] = source.name;
	state.members = encodeMembers(leads.map((lead) => String(lead.id)));
	if (wasMember === undefined) return backfill ? leads : [];
	return leads.filter((lead) => !wasMember(String(lead.id)));
}
