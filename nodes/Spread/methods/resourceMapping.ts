import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { mapperField } from '../../shared/resourceMapper';
import { customerProfileMapperFields, customMapperFields, GENDER_OPTIONS } from '../actions/customer/customerMapping';
import { ORDER_TEXT_FIELDS } from '../actions/order/orderFields';
import { getCustomFields } from './loadOptions';

/** SPREAD has no list of custom fields: they are read from a sample of customers (see getCustomFields). */
async function customFieldsOfAccount(context: ILoadOptionsFunctions) {
	const options = await getCustomFields.call(context);
	return customMapperFields(options.map((option) => ({ id: String(option.value), label: option.name.replace(/ \(\d+\)$/, '') })));
}

/** Customer → Create: the e-mail is required. */
export async function getCustomerCreateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return {
		fields: [mapperField('email', 'Email', 'string', { required: true }), ...customerProfileMapperFields(), ...(await customFieldsOfAccount(this))],
	};
}

/** Customer → Update: the customer is picked above, so its e-mail is not a field (Update Email changes it). */
export async function getCustomerUpdateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return { fields: [...customerProfileMapperFields(), ...(await customFieldsOfAccount(this))] };
}

/** Customer → Create or Update: found by e-mail (the default) or by External ID, both filters of GET /customers. */
export async function getCustomerUpsertFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return {
		fields: [
			mapperField('email', 'Email', 'string', { canMatch: true, defaultMatch: true }),
			...customerProfileMapperFields(),
			...(await customFieldsOfAccount(this)),
		],
	};
}

/** Order → Create / Update (APIv1): the order, its buyer and the buyer's profile fields. */
export async function getOrderFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return {
		fields: [
			mapperField('orderId', 'Merchant Order ID', 'string', { required: true }),
			mapperField('customerEmail', 'Customer Email', 'string', { required: true }),
			mapperField('amount', 'Amount', 'number', { required: true }),
			mapperField('date', 'Order Date', 'dateTime'),
			mapperField('state', 'Order State', 'string'),
			...ORDER_TEXT_FIELDS.map(([id, displayName]) => mapperField(id, displayName, 'string')),
			mapperField('country', 'Country (ISO Code)', 'string'),
			mapperField('birthday', 'Birthday', 'dateTime'),
			mapperField('gender', 'Gender', 'options', { options: GENDER_OPTIONS }),
			mapperField('optIn', 'Newsletter Opt-In', 'boolean'),
			mapperField('tags', 'Tags (Comma-Separated)', 'string'),
			...(await customFieldsOfAccount(this)),
		],
	};
}
