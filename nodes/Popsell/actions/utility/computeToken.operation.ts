import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import { redactValue } from '../../../shared/redaction';
import type { ItemResult } from '../../../shared/operations';
import { formatPopsellDate, parseWallClock } from '../../dates';
import { computePopsellToken, staticKeyProblem } from '../../token';
import type { PopsellClient } from '../../transport';

const show = { resource: ['utility'], operation: ['computeToken'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		required: true,
		description: 'The sales rep\'s ID Popsell would send',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Last Update',
				name: 'date',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2015-12-05 10:12:54',
				description: 'Added to the query string as date, the way Popsell sends it',
			},
		],
	},
];

/** The token Popsell would send for a customer ID, and the query string of such a call. */
export async function execute(this: IExecuteFunctions, itemIndex: number, popsell: PopsellClient): Promise<ItemResult> {
	const secret = await popsell.tokenSecret();
	const rawCustomerId = this.getNodeParameter('customerId', itemIndex, '') as unknown;
	const customerId = rawCustomerId === undefined || rawCustomerId === null ? '' : String(rawCustomerId);
	if (customerId.trim() === '') throw invalidInput(this.getNode(), itemIndex, 'Customer ID', 'empty');
	const problem = staticKeyProblem(secret.staticKey);
	if (problem) throw invalidInput(this.getNode(), itemIndex, 'Popsell credential', problem);
	const dateText = String((this.getNodeParameter('additionalFields', itemIndex, {}) as { date?: string }).date ?? '').trim();
	const clock = dateText === '' ? undefined : parseWallClock(dateText);
	if (dateText !== '' && !clock) throw invalidInput(this.getNode(), itemIndex, 'Last Update', `"${dateText}" is not YYYY-MM-DD HH:MM:SS`);
	const token = computePopsellToken(secret, customerId);
	const query = new URLSearchParams({ id: customerId, token, ...(clock ? { date: formatPopsellDate(clock) } : {}) });
	// The key was read during this item, after the loop set its masking up: mask this output here.
	return redactValue({ customerId, token, queryString: query.toString() }, popsell.secrets);
}
