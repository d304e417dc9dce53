import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { FormFields } from '../../phpForm';
import type { InfluencerSoftClient } from '../../transport';
import { readContactEmail } from '../checks';
import { readCountryCode } from '../../../shared/checks';
import { additionalFields, emailField, forOperation, textField } from '../../../shared/descriptions';

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description = forOperation('order', 'create', [
	emailField('Email of the contact the invoice is issued to', { name: 'customerEmail', displayName: 'Customer Email' }),
	{
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Product',
		required: true,
		default: {},
		description:
			'Products of the order, already present in your shop. Sent as goods[n][good_name] and goods[n][good_sum], the product fields of the documented CreateOrder call (the createorder article does not list its own).',
		options: [
			{
				displayName: 'Product',
				name: 'product',
				values: [
					{
						displayName: 'Product Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getProducts' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Price',
						name: 'price',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 0,
						description: 'Price in this order; 0 keeps the price set in the shop',
					},
				],
			},
		],
	},
	additionalFields([
			textField('Customer First Name', 'customer_first_name', 'The customer’s first name'),
			textField('Customer Last Name', 'customer_last_name', 'The customer’s surname'),
			textField('Customer Middle Name', 'customer_middle_name', 'The customer’s middle name'),
			textField('Customer Phone', 'customer_phone', 'The customer’s phone number'),
			textField('Order IP', 'order_ip', 'IP address of the customer placing the order'),
			textField('Shipping Address', 'customer_shipping', 'Delivery address (sent as customer_shipping, the name the document gives)'),
			textField('Shipping Address 2', 'customer_shipping_address_2', 'Second delivery address line, for complex addresses'),
			textField('Shipping City', 'customer_shipping_city', 'Delivery city'),
			{ ...textField('Shipping Country Code', 'customer_shipping_country_code', 'Delivery country as an ISO 3166-1 alpha-2 code (US, CA…)'), placeholder: 'US' },
			textField('Shipping Phone', 'customer_shipping_phone', 'Phone number for the delivery'),
			textField('Shipping State', 'customer_shipping_state', 'Delivery region or state'),
			textField('Shipping Zip', 'customer_shipping_zip', 'Delivery zip or postal code'),
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const node = this.getNode();
	const email = readContactEmail(this, itemIndex, 'Customer Email', this.getNodeParameter('customerEmail', itemIndex));
	const rows = ((this.getNodeParameter('products', itemIndex, {}) as IDataObject).product ?? []) as IDataObject[];
	const goods = rows.map((row, index) => {
		const id = String(row.id ?? '').trim();
		if (id === '') throw invalidInput(node, itemIndex, `Products › Product ${index + 1}`, 'choose a product');
		const price = Number(row.price ?? 0);
		if (!Number.isFinite(price) || price < 0) throw invalidInput(node, itemIndex, `Products › Product ${index + 1} › Price`, `"${String(row.price)}" is not a price`);
		return price > 0 ? { good_name: id, good_sum: price } : { good_name: id };
	});
	if (goods.length === 0) throw invalidInput(node, itemIndex, 'Products', 'add at least one product');

	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields: FormFields = { customer_email: email };
	for (const [key, raw] of Object.entries(additional)) {
		const value = String(raw ?? '').trim();
		if (value === '') continue;
		fields[key] = key === 'customer_shipping_country_code' ? readCountryCode(this, itemIndex, 'Shipping Country Code', value) : value;
	}
	fields.goods = goods;

	// Never resent: a second call would create a second invoice.
	const answer = await influencerSoft.call({ method: 'createorder', fields, idempotent: false, itemIndex });
	const result = (answer.result ?? {}) as IDataObject;
	return { success: true, orderId: result.bill_id ?? null, customerEmail: email, result };
}

/** The record this item writes to: the customer the invoice is for, by email. */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	return `email:${readContactEmail(this, itemIndex, 'Customer Email', this.getNodeParameter('customerEmail', itemIndex)).toLowerCase()}`;
}
