import type { CheckContext } from '../../shared/checks';
import { invalidInput } from '../../shared/errors';

/** Checks only SPREAD needs, with the shared signature (nodes/shared/checks.ts). */

export function readGender(context: CheckContext, itemIndex: number, field: string, value: unknown): 'male' | 'female' {
	if (value !== 'male' && value !== 'female') throw invalidInput(context.getNode(), itemIndex, field, `must be male or female, got "${String(value)}"`);
	return value;
}

/**
 * Profile tags, from a list or (from an expression) one comma-separated text: every entry is split on commas
 * and trimmed, empty ones dropped.
 */
export function readTags(_context: CheckContext, _itemIndex: number, _field: string, value: unknown): string[] {
	return (Array.isArray(value) ? value : value === undefined ? [] : [value])
		.flatMap((tag) => String(tag).split(','))
		.map((tag) => tag.trim())
		.filter((tag) => tag !== '');
}

/** SPREAD's flags are "1" / "0". */
export function readFlag(context: CheckContext, itemIndex: number, field: string, value: unknown): '1' | '0' {
	if (value === true || value === 1 || value === '1' || value === 'true') return '1';
	if (value === false || value === 0 || value === '0' || value === 'false') return '0';
	throw invalidInput(context.getNode(), itemIndex, field, `must be true or false, got "${String(value)}"`);
}
