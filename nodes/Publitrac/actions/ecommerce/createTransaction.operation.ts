import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { PublitracSession } from '../../transport';
import { answerError, readAnswer, sendPublitracRequest } from '../../transport';
import type { ItemResult } from '../../../shared/itemLoop';
import { optionalFields, requiredText, forOperation, text, validEmail, wholeNumber } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Endpoint URL',
		name: 'endpointUrl',
		type: 'string',
		default: '',
		placeholder: 'https://app.publitrac.com/api',
		description:
			"PUBLITRAC does not document this call's endpoint. Leave empty to use the credential's API URL, or enter the one PUBLITRAC gave you.",
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: "The buyer's lead email" },
	{ displayName: 'Account Token', name: 'accountToken', type: 'string', typeOptions: { password: true }, required: true, default: '', description: 'Your PUBLITRAC account token' },
	{ displayName: 'Transaction ID', name: 'transactionId', type: 'string', required: true, default: '', description: 'Your ID for the transaction; the same ID updates it later' },
	{ displayName: 'Total', name: 'total', type: 'number', required: true, default: 0 },
	{ displayName: 'Currency', name: 'currency', type: 'string', required: true, default: 'EUR', placeholder: 'EUR' },
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{ displayName: 'Category', name: 'category', type: 'string', default: '' },
					{ displayName: 'ID', name: 'id', type: 'string', default: '' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Price', name: 'price', type: 'number', default: 0 },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1, numberPrecision: 0 }, default: 1 },
					{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
				],
			},
		],
	},
	optionalFields([
		{ displayName: 'API Method Name', name: 'apiMethod', type: 'string', default: '', description: 'Sent as the method parameter, if PUBLITRAC gave you one' },
		{ displayName: 'Info', name: 'info', type: 'string', default: '' },
		{ displayName: 'Shipping', name: 'shipping', type: 'string', default: '', placeholder: 'air' },
		{ displayName: 'Tax', name: 'tax', type: 'number', default: 0 },
		{ displayName: 'Type', name: 'type', type: 'string', default: 'buying' },
	]),
];

function amount(node: INode, itemIndex: number, field: string, value: unknown): string {
	const number = Number(text(value).trim());
	if (text(value).trim() === '' || !Number.isFinite(number)) throw invalidInput(node, itemIndex, field, `must be a number, got "${text(value)}"`);
	return String(number);
}

export const description = forOperation('ecommerce', 'createTransaction', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, session: PublitracSession): Promise<ItemResult> {
	const node = this.getNode();
	const email = validEmail(node, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const token = requiredText(node, itemIndex, 'Account Token', this.getNodeParameter('accountToken', itemIndex)).trim();
	const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const items = (this.getNodeParameter('items.item', itemIndex, []) as IDataObject[]).map((entry, position) => ({
		id: text(entry.id),
		name: text(entry.name),
		sku: text(entry.sku),
		category: text(entry.category),
		price: amount(node, itemIndex, `Items > Item ${position + 1} > Price`, entry.price),
		quantity: wholeNumber(node, itemIndex, `Items > Item ${position + 1} > Quantity`, entry.quantity, 1),
	}));
	const transaction = {
		id: requiredText(node, itemIndex, 'Transaction ID', this.getNodeParameter('transactionId', itemIndex)).trim(),
		token,
		email,
		type: text(given.type ?? 'buying') || 'buying',
		total: amount(node, itemIndex, 'Total', this.getNodeParameter('total', itemIndex)),
		tax: given.tax === undefined ? '0' : amount(node, itemIndex, 'Additional Fields > Tax', given.tax),
		shipping: text(given.shipping),
		info: text(given.info),
		currency: requiredText(node, itemIndex, 'Currency', this.getNodeParameter('currency', itemIndex)).trim().toUpperCase(),
		items,
	};
	const endpoint = text(this.getNodeParameter('endpointUrl', itemIndex, '')).trim();
	if (endpoint && !/^https?:\/\/[^\s]+$/i.test(endpoint)) throw invalidInput(node, itemIndex, 'Endpoint URL', `"${endpoint}" is not an http(s) URL`);
	const method = text(given.apiMethod).trim();
	const { statusCode, body } = await sendPublitracRequest.call(
		this,
		session,
		{
			method,
			httpMethod: 'POST',
			url: endpoint || undefined,
			params: { transaction: JSON.stringify(transaction), token, email },
			// The same transaction ID updates the transaction: safe to resend.
			idempotent: true,
		},
		itemIndex,
	);
	// The document's answer is the plain text "200 OK"; an XML answer is read like any other call.
	if (/^\s*200 OK\s*$/i.test(body) && statusCode < 300) return { transactionId: transaction.id, email, status: '200', message: '200 OK' };
	const answer = readAnswer.call(this, session, 'transaction', statusCode, body, itemIndex);
	if (answer.failed || statusCode >= 300) throw answerError.call(this, session, 'transaction', answer, itemIndex);
	return { transactionId: transaction.id, email, status: answer.status, message: answer.message };
}
