import type { SeenKeysState } from '../../nodes/shared/seenKeys';
import { takeUnseen } from '../../nodes/shared/seenKeys';

// The piece both polling triggers (and any later PUBLITRAC event) use to tell new records from old without comparing
// a zone-less stamp with a clock: keys read before, by bucket, within the window a later poll reads again.
describe('takeUnseen: remember the keys read in a window; emit the unseen; the first poll is a baseline', () => {
	const keyOf = (record: { id: string; at: string }) => `${record.id}@${record.at}`;
	const read = (bucket: string, ...records: Array<[string, string]>) => ({ bucket, records: records.map(([id, at]) => ({ id, at })) });

	it('the first poll emits nothing and remembers all; later ones emit each unseen key once, in the order read', () => {
		const state: SeenKeysState = {};
		expect(takeUnseen(state, [read('2026-01-01', ['1', 'a']), read('2026-01-02', ['2', 'b'])], { keyOf, keepFrom: '2026-01-01' })).toEqual([]);
		expect(state.seen).toEqual({ '2026-01-01': ['1@a'], '2026-01-02': ['2@b'] });
		const next = takeUnseen(state, [read('2026-01-02', ['2', 'b'], ['3', 'c'], ['3', 'c']), read('2026-01-03', ['2', 'd'])], { keyOf, keepFrom: '2026-01-01' });
		expect(next.map(keyOf)).toEqual(['3@c', '2@d']);
		expect(takeUnseen(state, [read('2026-01-02', ['2', 'b'], ['3', 'c']), read('2026-01-03', ['2', 'd'])], { keyOf, keepFrom: '2026-01-01' })).toEqual([]);
	});

	it('forgets the buckets before keepFrom (bounded state), keeps the ones not read this time, and merges a bucket read again', () => {
		const state: SeenKeysState = { seen: { '2026-01-01': ['1@a'], '2026-01-02': ['2@b'], '2026-01-05': ['9@z'] } };
		// A record missed by this read of 2026-01-02 (paging moved) is still known: it is not taken for new later.
		expect(takeUnseen(state, [read('2026-01-02', ['4', 'e'])], { keyOf, keepFrom: '2026-01-02' }).map(keyOf)).toEqual(['4@e']);
		expect(state.seen).toEqual({ '2026-01-02': ['2@b', '4@e'], '2026-01-05': ['9@z'] });
		expect(takeUnseen(state, [read('2026-01-02', ['2', 'b'])], { keyOf, keepFrom: '2026-01-02' })).toEqual([]);
	});

	it('onFirstPoll chooses what a first poll emits (a backfill), from all it read', () => {
		const state: SeenKeysState = {};
		const first = takeUnseen(state, [read('2026-01-01', ['1', 'a'], ['2', 'b'])], { keyOf, keepFrom: '2026-01-01', onFirstPoll: (records) => records.filter((record) => record.at >= 'b') });
		expect(first.map(keyOf)).toEqual(['2@b']);
		expect(takeUnseen(state, [read('2026-01-01', ['1', 'a'], ['2', 'b'])], { keyOf, keepFrom: '2026-01-01' })).toEqual([]);
	});

	it('maxKeys bounds the state whatever was read: the oldest buckets go, and the floor keeps their records from coming back', () => {
		const state: SeenKeysState = {};
		const reads = [read('2026-01-01', ['1', 'a'], ['2', 'a']), read('2026-01-02', ['3', 'b'], ['4', 'b']), read('2026-01-03', ['5', 'c'])];
		expect(takeUnseen(state, reads, { keyOf, keepFrom: '', maxKeys: 3 })).toEqual([]);
		expect(state.seen).toEqual({ '2026-01-02': ['3@b', '4@b'], '2026-01-03': ['5@c'] });
		expect(state.floor).toBe('2026-01-01');
		// Read again, the forgotten bucket's records are not new; a new record on a later date is.
		const next = takeUnseen(state, [...reads, read('2026-01-03', ['6', 'c'])], { keyOf, keepFrom: '', maxKeys: 3 });
		expect(next.map(keyOf)).toEqual(['6@c']);
		// The newest bucket always stays, even beyond maxKeys.
		expect(Object.keys(state.seen!)).toEqual(['2026-01-03']);
		expect(state.floor).toBe('2026-01-02');
	});
});
