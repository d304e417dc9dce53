import { createHash } from 'node:crypto';

/**
 * How a polling trigger tells new records from old when the vendor's stamps carry no time zone: it never compares
 * a stamp with a clock. Each poll reads a window of buckets (calendar days, say) wide enough for any zone, and a
 * record is new when its key (an ID, or ID + stamp for "each change once") was not read before. The first poll only
 * remembers what is there (a baseline), so nothing old is emitted on activation.
 *
 * The state is kept in the node's static data, so it survives restarts and is shared by whichever process polls.
 * It stays bounded: only the buckets a later poll may read again are kept.
 */
export interface SeenKeysState {
	/** Bucket (sortable text, e.g. `yyyy-mm-dd`) → the keys read in it. Absent until the first poll (the baseline). */
	seen?: Record<string, string[]>;
	/**
	 * Set only when the keys outgrew `maxKeys`: the newest bucket forgotten for room. A record read in a bucket at or
	 * before it counts as seen (the vendor's own dates compared with each other, never with a clock).
	 */
	floor?: string;
}

/** The records one read returned, under the bucket it asked for. */
export interface BucketRead<T> {
	bucket: string;
	records: T[];
}

export interface TakeUnseenOptions<T> {
	keyOf: (record: T) => string;
	/** The oldest bucket a later poll may read again: older buckets are forgotten. */
	keepFrom: string;
	/** What the first poll emits, from all it read (default: nothing, it is a baseline). */
	onFirstPoll?: (records: T[]) => T[];
	/**
	 * The most keys kept, whatever the account holds (for reads not narrowed by a window, e.g. a whole list read each
	 * poll): past it, the oldest buckets are forgotten and `floor` covers them.
	 */
	maxKeys?: number;
}

/** 72 bits of SHA-1, base64url: a short key for the state, far from any collision among a window's records. */
export function shortHash(text: string): string {
	return createHash('sha1').update(text).digest('base64url').slice(0, 12);
}

/** The key of a record the vendor gives no updated stamp: its ID and its content, so any change is a new key. */
export function contentKey(id: string, record: object): string {
	return `${id}#${shortHash(JSON.stringify(record))}`;
}

/**
 * The records whose key was not read at an earlier poll, each once, in the order read; remembers every key read
 * under its bucket (merged with what the bucket held, so a record missed by one read is not taken for new twice)
 * and forgets the buckets before `keepFrom`.
 */
export function takeUnseen<T>(state: SeenKeysState, reads: ReadonlyArray<BucketRead<T>>, options: TakeUnseenOptions<T>): T[] {
	const firstPoll = state.seen === undefined;
	const seen: Record<string, string[]> = { ...(state.seen ?? {}) };
	const known = new Set(Object.values(seen).flat());
	const floor = firstPoll ? undefined : state.floor;
	const unseen: T[] = [];
	for (const { bucket, records } of reads) {
		const keys = new Set(seen[bucket] ?? []);
		for (const record of records) {
			const key = options.keyOf(record);
			keys.add(key);
			if (known.has(key) || (floor !== undefined && bucket <= floor)) continue;
			known.add(key);
			unseen.push(record);
		}
		seen[bucket] = [...keys];
	}
	for (const bucket of Object.keys(seen)) if (bucket < options.keepFrom) delete seen[bucket];
	if (options.maxKeys !== undefined) keepNewest(seen, options.maxKeys, state);
	state.seen = seen;
	if (!firstPoll) return unseen;
	return options.onFirstPoll ? options.onFirstPoll(unseen) : [];
}

/** Forgets the oldest buckets until at most `maxKeys` keys remain (the newest bucket always stays), raising the floor. */
function keepNewest(seen: Record<string, string[]>, maxKeys: number, state: SeenKeysState): void {
	const buckets = Object.keys(seen).sort();
	let count = buckets.reduce((sum, bucket) => sum + seen[bucket].length, 0);
	for (const bucket of buckets.slice(0, -1)) {
		if (count <= maxKeys) break;
		count -= seen[bucket].length;
		delete seen[bucket];
		if (state.floor === undefined || bucket > state.floor) state.floor = bucket;
	}
}
