import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import { formatWallClock, toWallClock, wallClockIn } from '../../../shared/wallClock';
import { additionalFields, emailField } from '../../../shared/descriptions';
import { sortByName } from '../fields';
import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { mapperParameter, readMappedFields } from '../../../shared/resourceMapper';
import { customerDataFields, readCustomFields } from '../customer/customerFields';
import { asFieldCollection } from '../customer/customerMapping';
import { readGender, readTags } from '../checks';
import { readCalendarDate, readCountryCode, readEmail, readPathSegment } from '../../../shared/checks';

/** The state the public sources show for an order (`order_state` 10, `status` "10" in v2 answers). */
export const DEFAULT_ORDER_STATE = '10';

/** Optional text fields of an APIv1 order: the node's name, the label, the `data[…]` key. */
export const ORDER_TEXT_FIELDS: Array<[name: string, displayName: string, key: string, description?: string]> = [
	['firstName', 'First Name', 'customer_firstname'],
	['lastName', 'Last Name', 'customer_name'],
	['address', 'Address', 'customer_address'],
	['zip', 'Zip Code', 'customer_cp'],
	['city', 'City', 'customer_city'],
	['phone', 'Phone', 'customer_tel', 'Landline number'],
	['mobile', 'Mobile', 'customer_mobile'],
	['company', 'Company', 'customer_company'],
	['fonction', 'Job Title', 'customer_fonction', 'Sent as customer_fonction'],
	['group', 'Group', 'group', 'The SPREAD customer group to put the buyer in'],
	['cookie', 'Tracking Cookie', 'customer_cookie', "SPREAD's tracking cookie from the buyer's browser, which links the order to their visits and sponsorship"],
];

/** Customer → Create's fields an APIv1 order also takes (as customer_birthday, customer_country, customer_gender, add_tag, custom_fields). */
export const SHARED_CUSTOMER_FIELDS = ['birthday', 'country', 'customFields', 'gender', 'tags'];

/** The fields Create and Update share: the order, the buyer, and the buyer's optional profile fields. */
export function orderFields(operation: 'create' | 'update'): INodeProperties[] {
	// The profile fields an order shares with Customer → Create, offered the same way.
	const customerFields = customerDataFields().filter((field) => SHARED_CUSTOMER_FIELDS.includes(field.name));
	const optional: INodeProperties[] = [
		...ORDER_TEXT_FIELDS.map(([name, displayName, , description]): INodeProperties => ({ displayName, name, type: 'string', default: '', description })),
		...customerFields,
		{ displayName: 'Newsletter Opt-In', name: 'optIn', type: 'boolean', default: false, description: 'Whether the buyer agreed to receive emails (sent as customer_isoptin 1 or 0)' },
		{
			displayName: 'Order Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			description: "When the order was placed, sent as YYYY-MM-DD HH:MM:SS in the workflow's time zone. Empty: now.",
		},
		{
			displayName: 'Order State',
			name: 'state',
			type: 'string',
			default: DEFAULT_ORDER_STATE,
			description: 'SPREAD\'s numeric order state. 10 (a validated order) is the only value the public sources show, and is sent when this is empty.',
		},
	];
	return [
		...version1Only(orderFieldsOfVersion1(operation, optional)),
		...version2Only([
			mapperParameter({
				method: 'getOrderFields',
				mode: 'add',
				record: 'order',
				description:
					operation === 'create'
						? "The order: its ID in your shop, the buyer's email (SPREAD attaches the order to this customer, creating the profile if needed) and its amount"
						: 'The order to update, found by its ID in your shop as it was created, and what changes',
			}),
		]),
	];
}

function orderFieldsOfVersion1(operation: 'create' | 'update', optional: INodeProperties[]): INodeProperties[] {
	return [
		{
			displayName: 'Merchant Order ID',
			name: 'orderId',
			type: 'string',
			required: true,
			default: '',
			description:
				operation === 'create'
					? "The order's ID in your shop; Order → Get finds it by this ID afterwards"
					: 'The ID in your shop of the order to update, as it was created',
		},
		emailField("The buyer's email: SPREAD attaches the order to this customer, creating the profile if needed", { name: 'customerEmail', displayName: 'Customer Email' }),
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			required: true,
			default: 0,
			description: 'The order total',
		},
		additionalFields(sortByName(optional)),
	];
}

export interface OrderForm {
	form: URLSearchParams;
	/** What the node outputs about the order it sent. */
	summary: IDataObject;
}

function readAmount(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const amount = typeof value === 'number' ? value : Number(String(value ?? '').trim().replace(',', '.'));
	if (String(value ?? '').trim() === '' || !Number.isFinite(amount) || amount < 0) {
		throw invalidInput(context.getNode(), itemIndex, 'Amount', `must be a number of 0 or more, got "${String(value)}"`);
	}
	return String(Math.round(amount * 100) / 100);
}

function readOrderDate(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const timeZone = context.getTimezone();
	if (value === undefined || value === null || value === '') return formatWallClock(wallClockIn(new Date(), timeZone), ' ');
	const clock = toWallClock(value, timeZone);
	if (!clock) throw invalidInput(context.getNode(), itemIndex, 'Additional Fields > Order Date', `"${String(value)}" is not a date`, 'Use e.g. 2026-03-01 09:30:00 or an ISO date.');
	return formatWallClock(clock, ' ');
}

/** The APIv1 form of an order, every value checked before anything is sent. */
export function buildOrderForm(context: IExecuteFunctions, itemIndex: number): OrderForm {
	// Version 2 maps every field, version 1 has three fields and a collection: both give the same names.
	const mapped = usesVersion2Fields(context) ? asFieldCollection(readMappedFields(context, itemIndex)) : undefined;
	const given = (name: string) => (mapped ? mapped[name] : context.getNodeParameter(name, itemIndex));
	const orderId = readPathSegment(context, itemIndex, 'Merchant Order ID', given('orderId'));
	const email = readEmail(context, itemIndex, 'Customer Email', given('customerEmail'));
	const amount = readAmount(context, itemIndex, given('amount'));
	const fields = mapped ?? (context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const date = readOrderDate(context, itemIndex, fields.date);
	const state = String(fields.state ?? '').trim() || DEFAULT_ORDER_STATE;
	if (!/^\d+$/.test(state)) throw invalidInput(context.getNode(), itemIndex, 'Additional Fields > Order State', `must be a number, got "${state}"`);

	const data: Array<[string, string]> = [
		['customer_email', email],
		['order_idorder', orderId],
		['order_amount', amount],
		['date', date],
		['order_state', state],
	];
	for (const [name, displayName, key] of ORDER_TEXT_FIELDS) {
		const value = fields[name];
		if (value === undefined || value === null || value === '') continue;
		if (typeof value === 'object') throw invalidInput(context.getNode(), itemIndex, `Additional Fields > ${displayName}`, 'must be text');
		data.push([key, String(value)]);
	}
	if (fields.birthday) data.push(['customer_birthday', readCalendarDate(context, itemIndex, 'Additional Fields > Birthday', fields.birthday)]);
	if (fields.country) data.push(['customer_country', readCountryCode(context, itemIndex, 'Additional Fields > Country', fields.country)]);
	if (fields.gender !== undefined) data.push(['customer_gender', readGender(context, itemIndex, 'Additional Fields > Gender', fields.gender)]);
	if (fields.optIn !== undefined) data.push(['customer_isoptin', fields.optIn === true || fields.optIn === 'true' || fields.optIn === 1 ? '1' : '0']);
	const tags = readTags(context, itemIndex, 'Additional Fields > Tags', fields.tags);
	// APIv1 takes the tags as one comma-separated text.
	if (tags.length) data.push(['add_tag', tags.join(', ')]);
	const customFields = readCustomFields(context, itemIndex, fields.customFields as IDataObject | undefined);

	const form = new URLSearchParams();
	for (const [key, value] of data) form.append(`data[${key}]`, value);
	for (const [fieldId, value] of Object.entries(customFields ?? {})) form.append(`data[custom_fields][${fieldId}]`, String(value));
	// The public APIv1 client names the order again outside `data`.
	form.append('request[order_idorder]', orderId);
	return { form, summary: { orderId, customerEmail: email, amount: Number(amount), date, state } };
}
