import { createHash } from 'node:crypto';

/**
 * "New" for a polling trigger over a vendor whose stamps carry no zone: a record is new when its key (its ID, or
 * ID + updated stamp for "new or updated") was not among the keys read at the last poll. Each poll reads a window
 * wide enough for any zone, so no clock is ever compared with a vendor stamp; the window only moves forward, so a
 * record that left it never comes back as new.
 *
 * The state keeps one short hash per record of the window, at most MAX_SEEN_KEYS of them whatever the account
 * holds. When a window holds more, the records without a stamp and the newest stamped ones (by the vendor's own
 * stamps, compared with each other only) are kept, and `floor` remembers the newest stamp dropped: a record
 * stamped at or below it counts as seen.
 */
export interface SeenWindowState {
	/** When the last poll ran (ms): it only chooses where the next window starts. */
	lastPollAt?: number;
	/** Hashes of the keys read at the last poll. */
	seen?: string[];
	/** Set only when the window held more than MAX_SEEN_KEYS records: the newest stamp whose keys were dropped. */
	floor?: number;
}

/** About 17 characters of JSON per key: 5,000 keys keep the state under 100 kB. */
export const MAX_SEEN_KEYS = 5000;

export interface WindowRecord<T> {
	record: T;
	/** What makes the record new: its ID, or ID + updated stamp. */
	key: string;
	/** The vendor's stamp as an orderable number (any fixed reading of its zone-less text), if it has one. */
	stamp?: number;
}

/** 72 bits of SHA-1, base64url: short enough to keep thousands, far from any collision in a window. */
export function seenHash(key: string): string {
	return createHash('sha1').update(key).digest('base64url').slice(0, 12);
}

/** The key of a record that has no updated stamp: its content, so any change is a new key. */
export function contentKey(id: string, record: object): string {
	return `${id}#${seenHash(JSON.stringify(record))}`;
}

/**
 * The records of this poll's window that were not seen at the last one, in the window's order, and the state to
 * keep. `first` (no state yet) marks everything as seen and returns nothing, unless `emitAllOnFirst` (a backfill).
 */
export function diffWindow<T>(
	state: SeenWindowState,
	records: Array<WindowRecord<T>>,
	options: { now: number; first: boolean; emitAllOnFirst?: boolean; maxKeys?: number },
): T[] {
	const maxKeys = options.maxKeys ?? MAX_SEEN_KEYS;
	const seen = new Set(options.first ? [] : (state.seen ?? []));
	const floor = options.first ? undefined : state.floor;
	const fresh: T[] = [];
	const hashes = new Map<string, number | undefined>();
	for (const { record, key, stamp } of records) {
		const hash = seenHash(key);
		if (hashes.has(hash)) continue;
		hashes.set(hash, stamp);
		if (options.first ? options.emitAllOnFirst === true : !seen.has(hash) && !(floor !== undefined && stamp !== undefined && stamp <= floor)) {
			fresh.push(record);
		}
	}
	const kept = [...hashes.entries()];
	let nextFloor: number | undefined;
	if (kept.length > maxKeys) {
		// Keys without a stamp cannot be covered by the floor: they are kept first. Of the stamped ones, the newest
		// fill the rest, and the floor covers those dropped. (Only a window holding more than maxKeys records without
		// any stamp loses some of them: those may then be emitted again, never missed.)
		const unstamped = kept.filter(([, stamp]) => stamp === undefined).slice(-maxKeys);
		const stamped = kept.filter(([, stamp]) => stamp !== undefined).sort((a, b) => (a[1] as number) - (b[1] as number));
		const room = maxKeys - unstamped.length;
		const dropped = stamped.length - room;
		if (dropped > 0) nextFloor = stamped[dropped - 1][1];
		state.seen = [...unstamped, ...stamped.slice(Math.max(0, dropped))].map(([hash]) => hash);
	} else {
		state.seen = kept.map(([hash]) => hash);
	}
	if (nextFloor === undefined) delete state.floor;
	else state.floor = nextFloor;
	state.lastPollAt = options.now;
	return fresh;
}
