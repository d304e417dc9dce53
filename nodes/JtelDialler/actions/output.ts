import type { OutputShape } from '../../shared/typedOutput';

/**
 * jtel names its fields by kind (`bPhoneNumber1Invalid`, `nTriesPhoneNumber1`, `dtNextTry`), and sends JSON that is
 * mostly typed already: Simplify types the flags and counts sent as 0/1 or text, writes dates as ISO text, and
 * leaves out the nulls (a contact never dialled has dozens).
 */
export const JTEL_OUTPUT: OutputShape = {
	fields: { FollowUpDateTime: 'date', Amount: 'number', status: 'number', count: 'number', records: 'list' },
	patterns: [
		[/^b[A-Z]/, 'flag'],
		[/^n[A-Z]/, 'number'],
		[/^dt[A-Z]/, 'date'],
	],
	leaveOut: 'nulls',
};
