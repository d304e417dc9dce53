import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { InfluencerSoftClient } from '../../transport';
import { forOperation } from '../../../shared/descriptions';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('partner', 'getStats', [
	{ displayName: 'Partner', name: 'partner', type: 'string', required: true, default: '', description: 'Login (ID) of the affiliate partner' },
	{ displayName: 'From', name: 'dateFrom', type: 'dateTime', required: true, default: '', description: 'First day of the period' },
	{ displayName: 'To', name: 'dateTo', type: 'dateTime', required: true, default: '', description: 'Last day of the period' },
]);

/** The API wants YYYY-MM-DD; n8n gives ISO text, a Date or a Luxon value. */
function calendarDay(value: unknown): string | undefined {
	const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	if (match && !Number.isNaN(Date.parse(match[1]))) return match[1];
	return undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const node = this.getNode();
	const partner = String(this.getNodeParameter('partner', itemIndex) ?? '').trim();
	if (partner === '') throw invalidInput(node, itemIndex, 'Partner', 'give the partner’s login');
	const from = calendarDay(this.getNodeParameter('dateFrom', itemIndex));
	const to = calendarDay(this.getNodeParameter('dateTo', itemIndex));
	if (from === undefined) throw invalidInput(node, itemIndex, 'From', 'give a date (YYYY-MM-DD)');
	if (to === undefined) throw invalidInput(node, itemIndex, 'To', 'give a date (YYYY-MM-DD)');
	if (from > to) throw invalidInput(node, itemIndex, 'From', `${from} is after ${to}`);
	const answer = await influencerSoft.call({ method: 'GetPartnerStats', fields: { partner, date_from: from, date_to: to }, idempotent: true, itemIndex });
	return { partner, dateFrom: from, dateTo: to, stats: answer.result as IDataObject };
}
