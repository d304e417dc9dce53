import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemLoop';
import { getJtelConnection } from '../transport';
import { operations as campaignOperations } from './campaign/Campaign.resource';
import { operations as contactOperations } from './contact/Contact.resource';
import type { JtelOperation } from './types';

const resources: Record<string, Record<string, JtelOperation>> = {
	contact: contactOperations,
	campaign: campaignOperations,
};

/** Resource + operation → the operation's execute, once per input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported`);
	const connection = await getJtelConnection.call(this);
	const output = await runForEachItem.call(this, async (itemIndex) => await operation.execute.call(this, connection, itemIndex), connection.client.secrets);
	return [output];
}
