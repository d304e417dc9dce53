import type { IDataObject } from 'n8n-workflow';

/**
 * InfluencerSoft's order callbacks ("URL for API notifications about the created / paid invoice"):
 * a PHP-style form with the order, its customer, items[] (with partners[]) and a status
 * new_order / cancel_order / moneyback. A created-invoice callback has no `paid` value.
 */
export type OrderEvent = 'created' | 'paid' | 'cancelled' | 'moneyback';

const AMOUNT_FIELDS = ['price', 'last_payment_sum', 'prepayment_sum', 'bill_sum_topay', 'prepayment_minsum'];
const WHOLE_NUMBER_FIELDS = ['id', 'created', 'paid'];
const ITEM_AMOUNT_FIELDS = ['sum', 'price'];
const PARTNER_NUMBER_FIELDS = ['partner_fee', 'partner_lvl'];

/** "1990.50", "1 990,50" → 1990.5; anything else stays as it came. */
export function toNumber(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const compact = value.trim().replace(/\s+/g, '');
	if (compact === '') return value;
	const normalized = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
	const number = Number(normalized);
	return /^-?\d+(\.\d+)?$/.test(normalized) && Number.isFinite(number) ? number : value;
}

function convert(record: IDataObject, fields: string[]): IDataObject {
	const copy: IDataObject = { ...record };
	for (const field of fields) if (field in copy) copy[field] = toNumber(copy[field]) as IDataObject[string];
	return copy;
}

function asList(value: unknown): IDataObject[] {
	if (Array.isArray(value)) return value.filter((entry) => entry !== null && typeof entry === 'object') as IDataObject[];
	if (value !== null && typeof value === 'object') return Object.values(value as IDataObject).filter((entry) => entry !== null && typeof entry === 'object') as IDataObject[];
	return [];
}

function isSet(value: unknown): boolean {
	return value !== undefined && value !== null && String(value).trim() !== '' && String(value).trim() !== '0';
}

export function orderEvent(callback: IDataObject): OrderEvent {
	if (callback.status === 'cancel_order') return 'cancelled';
	if (callback.status === 'moneyback') return 'moneyback';
	return isSet(callback.paid) || isSet(callback.last_payment_sum) ? 'paid' : 'created';
}

function unixToIso(value: unknown): string | undefined {
	return typeof value === 'number' && value > 0 ? new Date(value * 1000).toISOString() : undefined;
}

/** One output item: the callback's own fields, items as an array, amounts and times as numbers. */
export function normalizeOrderCallback(callback: IDataObject): IDataObject {
	const order = convert(convert(callback, AMOUNT_FIELDS), WHOLE_NUMBER_FIELDS);
	order.items = asList(callback.items).map((item) => ({
		...convert(item, ITEM_AMOUNT_FIELDS),
		partners: asList(item.partners).map((partner) => convert(partner, PARTNER_NUMBER_FIELDS)),
	}));
	const createdAt = unixToIso(order.created);
	const paidAt = unixToIso(order.paid);
	return {
		event: orderEvent(callback),
		...order,
		...(createdAt ? { createdAt } : {}),
		...(paidAt ? { paidAt } : {}),
	};
}
