import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { invalidInput, vendorApiError } from '../../../shared/errors';
import type { PublitracClient } from '../../transport';
import type { CheckContext } from '../../../shared/checks';
import type { ItemResult } from '../../../shared/operations';
import { additionalFields, forOperation } from '../../../shared/descriptions';
import { readPublitracEmail, readWholeNumber } from '../checks';
import { asText, readText } from '../../../shared/checks';

const properties: INodeProperties[] = [
	{
		displayName: 'Endpoint URL',
		name: 'endpointUrl',
		type: 'string',
		default: '',
		placeholder: 'https://app.publitrac.com/api',
		description:
			"PUBLITRAC does not document this call's endpoint. Leave empty to use the credential's API URL, or enter the one PUBLITRAC gave you. Only the transaction, the account token and the email are sent: never the credential's API key, username or password.",
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
	additionalFields([
		{ displayName: 'Info', name: 'info', type: 'string', default: '' },
		{ displayName: 'Shipping', name: 'shipping', type: 'string', default: '', placeholder: 'air' },
		{ displayName: 'Tax', name: 'tax', type: 'number', default: 0 },
		{ displayName: 'Type', name: 'type', type: 'string', default: 'buying' },
	]),
];

/** A plain-text answer other than "200 OK": its own words are the error, with the HTTP status as the code. */
function plainTextError(node: INode, statusCode: number, body: string, itemIndex: number, secrets: string[]) {
	const words = body.replace(/\s+/g, ' ').trim().slice(0, 300);
	return vendorApiError(
		node,
		{
			code: statusCode,
			message: words === '' ? `PUBLITRAC answered the transaction with HTTP ${statusCode} and no text` : words,
			description: statusCode < 300 ? 'PUBLITRAC answered without the "200 OK" that confirms a transaction: it was not recorded.' : undefined,
			httpCode: statusCode,
			itemIndex,
		},
		secrets,
	);
}

function readAmount(context: CheckContext, itemIndex: number, field: string, value: unknown): string {
	const number = Number(asText(value).trim());
	if (asText(value).trim() === '' || !Number.isFinite(number)) throw invalidInput(context.getNode(), itemIndex, field, `must be a number, got "${asText(value)}"`);
	return String(number);
}

export { ANSWER_OUTPUT as output } from '../output';

export const description = forOperation('ecommerce', 'createTransaction', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const node = this.getNode();
	const email = readPublitracEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const token = readText(this, itemIndex, 'Account Token', this.getNodeParameter('accountToken', itemIndex)).trim();
	const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const items = (this.getNodeParameter('items.item', itemIndex, []) as IDataObject[]).map((entry, position) => ({
		id: asText(entry.id),
		name: asText(entry.name),
		sku: asText(entry.sku),
		category: asText(entry.category),
		price: readAmount(this, itemIndex, `Items > Item ${position + 1} > Price`, entry.price),
		quantity: readWholeNumber(this, itemIndex, `Items > Item ${position + 1} > Quantity`, entry.quantity, 1),
	}));
	const transaction = {
		id: readText(this, itemIndex, 'Transaction ID', this.getNodeParameter('transactionId', itemIndex)).trim(),
		token,
		email,
		type: asText(given.type ?? 'buying') || 'buying',
		total: readAmount(this, itemIndex, 'Total', this.getNodeParameter('total', itemIndex)),
		tax: given.tax === undefined ? '0' : readAmount(this, itemIndex, 'Additional Fields > Tax', given.tax),
		shipping: asText(given.shipping),
		info: asText(given.info),
		currency: readText(this, itemIndex, 'Currency', this.getNodeParameter('currency', itemIndex)).trim().toUpperCase(),
		items,
	};
	const endpoint = asText(this.getNodeParameter('endpointUrl', itemIndex, '')).trim();
	if (endpoint && !/^https?:\/\/[^\s]+$/i.test(endpoint)) throw invalidInput(node, itemIndex, 'Endpoint URL', `"${endpoint}" is not an http(s) URL`);
	const { statusCode, body } = await publitrac.send({
		method: '',
		httpMethod: 'POST',
		url: endpoint || undefined,
		// Exactly what the document lists; the account's keys never go to a URL the user typed.
		params: { transaction: JSON.stringify(transaction), token, email },
		withAccountAuth: false,
		// The same transaction ID updates the transaction: safe to resend.
		idempotent: true,
		itemIndex,
	});
	// The document's answer is the plain text "200 OK"; other plain text is the error it says.
	if (/^\s*200 OK\s*$/i.test(body) && statusCode < 300) return { transactionId: transaction.id, email, status: '200', message: '200 OK' };
	if (!body.trim().startsWith('<')) throw plainTextError(node, statusCode, body, itemIndex, publitrac.secrets);
	const answer = publitrac.readAnswer('transaction', statusCode, body, itemIndex);
	if (answer.failed || statusCode >= 300) throw publitrac.answerError('transaction', answer, itemIndex);
	return { transactionId: transaction.id, email, status: answer.status, message: answer.message };
}
