import type { FieldType, OutputShape } from '../../shared/typedOutput';
import { LEAD_FIELDS } from './lead/leadFields';

/** PUBLITRAC's lead fields as Simplify types them: flags 0/1 as true/false, integers as numbers, dates as ISO text. */
const LEAD_KIND_TYPES: Record<string, FieldType> = { flag: 'flag', integer: 'number', date: 'date', text: 'text' };

/**
 * PUBLITRAC sends every value as XML text and most lead fields empty: Simplify leaves the empty ones out and types
 * the rest. Custom fields come back as ordinary lead fields of unknown type: they stay text.
 */
export const LEAD_OUTPUT: OutputShape = {
	fields: {
		...Object.fromEntries(LEAD_FIELDS.map(({ name, kind }) => [name, LEAD_KIND_TYPES[kind]])),
		createdDate: 'date',
		lastUpdated: 'date',
	},
	leaveOut: 'empties',
};

/** getOpportunities: `Amount` and `Probability` are whole numbers, the dates `yyyy-mm-dd[ hh:mm:ss]` (or 0000-00-00). */
export const OPPORTUNITY_OUTPUT: OutputShape = {
	fields: { Amount: 'number', Probability: 'number', Date_Closed: 'date', Created_Date: 'date', Last_Updated: 'date' },
	leaveOut: 'empties',
};

export const CAMPAIGN_OUTPUT: OutputShape = { fields: { Created_Date: 'date', Last_Updated: 'date' }, leaveOut: 'empties' };

/** The answers of writes: `{email, status, message}`, with the status code (2006, 5002…) as a number. */
export const ANSWER_OUTPUT: OutputShape = { fields: { status: 'number', campaigns: 'list' }, leaveOut: 'empties' };
