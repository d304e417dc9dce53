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
	const unseen: T[] = [];
	for (const { bucket, records } of reads) {
		const keys = new Set(seen[bucket] ?? []);
		for (const record of records) {
			const key = options.keyOf(record);
			keys.add(key);
			if (known.has(key)) continue;
			known.add(key);
			unseen.push(record);
		}
		seen[bucket] = [...keys];
	}
	for (const bucket of Object.keys(seen)) if (bucket < options.keepFrom) delete seen[bucket];
	state.seen = seen;
	if (!firstPoll) return unseen;
	return options.onFirstPoll ? options.onFirstPoll(unseen) : [];
}
