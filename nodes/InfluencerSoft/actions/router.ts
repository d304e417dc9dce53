import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from '../../shared/itemLoop';
import { getAccount } from '../transport';
import type { OperationModule } from './common';
import * as contactAddOrUpdate from './contact/addOrUpdate.operation';
import * as contactAddToGroup from './contact/addToGroup.operation';
import * as contactGetGroupStatuses from './contact/getGroupStatuses.operation';
import * as contactRemoveFromGroup from './contact/removeFromGroup.operation';
import * as groupCountSubscribers from './group/countSubscribers.operation';
import * as groupGetAll from './group/getAll.operation';
import * as orderCreate from './order/create.operation';
import * as orderDelete from './order/delete.operation';
import * as orderUpdateStatus from './order/updateStatus.operation';
import * as partnerGetStats from './partner/getStats.operation';
import * as productDelete from './product/delete.operation';
import * as productGetAll from './product/getAll.operation';

export const operations: Record<string, Record<string, OperationModule>> = {
	contact: {
		addOrUpdate: contactAddOrUpdate,
		getGroupStatuses: contactGetGroupStatuses,
		addToGroup: contactAddToGroup,
		removeFromGroup: contactRemoveFromGroup,
	},
	group: { getAll: groupGetAll, countSubscribers: groupCountSubscribers },
	order: { create: orderCreate, updateStatus: orderUpdateStatus, delete: orderDelete },
	partner: { getStats: partnerGetStats },
	product: { getAll: productGetAll, delete: productDelete },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operations[resource]?.[operation];
	if (!module) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	const account = await getAccount.call(this);
	const output = await runForEachItem.call(this, async (itemIndex) => await module.execute.call(this, itemIndex, account), account.client.secrets);
	return [output];
}
