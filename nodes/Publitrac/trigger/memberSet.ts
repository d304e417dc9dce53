import { shortHash } from '../../shared/seenKeys';

/**
 * The IDs of a list's members between polls, in little room: numeric IDs (PUBLITRAC's) as sorted base-36 gaps
 * ("n:1,2s,9"), any others as 12-character hashes ("h:…"). 20,000 numeric IDs take 40 kB (consecutive) to 60 kB
 * (200 apart); larger lists are refused rather than remembered in part.
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

/** Whether an ID was a member, from what encodeMembers kept. */
export function decodeMembers(encoded: string | undefined): ((id: string) => boolean) | undefined {
	if (encoded === undefined) return undefined;
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
