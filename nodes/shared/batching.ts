/** Splits records into consecutive batches of at most `size`. */
export function chunk<T>(records: T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`Batch size must be a positive integer, got ${size}`);
	const batches: T[][] = [];
	for (let start = 0; start < records.length; start += size) batches.push(records.slice(start, start + size));
	return batches;
}
