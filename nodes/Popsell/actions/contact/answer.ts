import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { PopsellAnswer } from '../../response';
import { httpAnswer } from '../../response';

/** The "Respond to Popsell" switch both contact operations share. */
export function respondField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Respond to Popsell',
		name: 'respond',
		type: 'boolean',
		default: true,
		description:
			'Whether to send this answer to Popsell now, as n8n\'s Respond to Webhook node does (Popsell Trigger set to respond using the Popsell node). Off: only output it, for a trigger that answers when the last node finishes.',
		displayOptions: { show },
	};
}

/** Sends the answer through n8n's response hook, the way Respond to Webhook does. */
export async function answerPopsell(this: IExecuteFunctions, answer: PopsellAnswer, statusCode: number): Promise<void> {
	if (!this.getNodeParameter('respond', 0, true)) return;
	await this.sendResponse(httpAnswer(answer, statusCode));
}

/** The node's one output item: the answer itself, paired with every input item it was built from. */
export function answerItem(answer: PopsellAnswer, inputCount: number): INodeExecutionData {
	return { json: answer, pairedItem: Array.from({ length: inputCount }, (_unused, item) => ({ item })) };
}
