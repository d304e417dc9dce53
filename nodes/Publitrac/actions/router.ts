import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { openSession } from '../transport';
import { addEmailCampaign } from './campaign/addEmailCampaign.operation';
import { executeCampaign } from './campaign/executeCampaign.operation';
import { getCampaigns } from './campaign/getCampaigns.operation';
import type { PublitracOperation } from './common';
import { createTransaction } from './ecommerce/createTransaction.operation';
import { addClickLinkHistory, addFillFormHistory, addWebVisitHistory } from './history/history.operations';
import { addLead } from './lead/addLead.operation';
import { deleteLead } from './lead/deleteLead.operation';
import { getLead } from './lead/getLead.operation';
import { getLeadByExternalId } from './lead/getLeadByExternalId.operation';
import { getLeadByTokenId } from './lead/getLeadByTokenId.operation';
import { getLeads } from './lead/getLeads.operation';
import { removeLeadFromList } from './lead/removeLeadFromList.operation';
import { syncLead } from './lead/syncLead.operation';
import { updateLead } from './lead/updateLead.operation';
import { addLeadsToList } from './list/addLeadsToList.operation';
import { getList } from './list/getList.operation';
import { getOpportunities } from './opportunity/getOpportunities.operation';
import { syncOpportunity } from './opportunity/syncOpportunity.operation';
import { getView } from './view/getView.operation';

/** Resource → operation (the API method's name) → its module. */
export const OPERATIONS: Record<string, Record<string, PublitracOperation>> = {
	lead: { getLeads, getLead, getLeadByExternalId, getLeadByTokenId, syncLead, addLead, updateLead, deleteLead, removeLeadFromList },
	list: { getList, addLeadsToList },
	view: { getView },
	history: { addWebVisitHistory, addClickLinkHistory, addFillFormHistory },
	campaign: { getCampaigns, executeCampaign, addEmailCampaign },
	opportunity: { getOpportunities, syncOpportunity },
	ecommerce: { createTransaction },
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = OPERATIONS[resource]?.[operation];
	if (!handler) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	const session = await openSession.call(this);
	return [await handler.execute.call(this, session)];
}
