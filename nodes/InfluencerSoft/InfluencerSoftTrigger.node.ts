import { timingSafeEqual } from 'node:crypto';

import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { informationCallout } from '../shared/descriptions';
import { normalizeOrderCallback, orderEvent } from './orderCallback';
import { decodePhpForm, nestFlatForm } from './phpForm';

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses a call without starting the workflow (plain Node response calls, which Express keeps). */
function answerNow(context: IWebhookFunctions, statusCode: number, message: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(statusCode, { 'content-type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}

export class InfluencerSoftTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InfluencerSoft Trigger',
		name: 'influencerSoftTrigger',
		icon: { light: 'file:influencersoft.svg', dark: 'file:influencersoft.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Orders: " + [].concat($parameter["events"]).join(", ")}}',
		description: 'Starts the workflow when InfluencerSoft reports an order: invoice created, paid, cancelled or refunded',
		defaults: { name: 'InfluencerSoft Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }],
		properties: [
			informationCallout(
				'influencerSoftSetupCallout',
				'Paste this node’s webhook URL into the product’s “URL for API notifications about the created invoice” and/or “about the paid invoice” fields in InfluencerSoft. With a Secret Token set, add ?token=YOUR_TOKEN to the URL there.',
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['created', 'paid', 'cancelled', 'moneyback'],
				options: [
					{ name: 'Invoice Created', value: 'created', description: 'A new order (status new_order, not paid yet)' },
					{ name: 'Invoice Paid', value: 'paid', description: 'A payment arrived (the callback carries paid / last_payment_sum)' },
					{ name: 'Order Cancelled', value: 'cancelled', description: 'Status cancel_order' },
					{ name: 'Money Back', value: 'moneyback', description: 'The payment was refunded (status moneyback)' },
				],
				description: 'Which callbacks start the workflow; the others are acknowledged and ignored',
			},
			{
				displayName: 'Secret Token',
				name: 'secretToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'InfluencerSoft does not sign its callbacks. If set, only requests whose URL carries ?token= with this value start the workflow; others get HTTP 401.',
			},
		],
	};

	// InfluencerSoft has no API to register callback URLs: the user pastes the URL into the product's
	// settings (see the notice), so there is nothing to create, check or delete on its side.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = this.getNodeParameter('secretToken', '') as string;
		if (secret !== '') {
			const given = this.getQueryData() as IDataObject;
			const token = typeof given.token === 'string' ? given.token : '';
			if (!sameSecret(token, secret)) {
				return answerNow(this, 401, 'Invalid or missing token');
			}
		}

		// The raw body keeps PHP's nesting exactly (n8n's parser stops at 1000 fields); the parsed body is the fallback.
		const request = this.getRequestObject() as unknown as { rawBody?: Buffer; headers: Record<string, string | undefined> };
		const contentType = String(request.headers['content-type'] ?? '');
		const parsedBody = this.getBodyData();
		const callback: IDataObject =
			request.rawBody && request.rawBody.length > 0 && contentType.includes('application/x-www-form-urlencoded')
				? (decodePhpForm(request.rawBody.toString('utf8')) as IDataObject)
				: contentType.includes('application/json')
					? parsedBody
					: (nestFlatForm(parsedBody) as IDataObject);

		if (callback.id === undefined || String(callback.id).trim() === '') {
			return answerNow(this, 400, 'Not an InfluencerSoft order callback: the order id is missing');
		}

		const wanted = this.getNodeParameter('events', []) as string[];
		if (!wanted.includes(orderEvent(callback))) {
			return { webhookResponse: { message: 'Event ignored' } };
		}
		return { workflowData: [this.helpers.returnJsonArray([normalizeOrderCallback(callback)])] };
	}
}
