import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as buildErrorResponse from './contact/buildErrorResponse.operation';
import * as buildImportResponse from './contact/buildImportResponse.operation';
import * as computeToken from './utility/computeToken.operation';

const operations: Record<string, Record<string, (this: IExecuteFunctions) => Promise<INodeExecutionData[]>>> = {
	contact: { buildImportResponse: buildImportResponse.execute, buildErrorResponse: buildErrorResponse.execute },
	utility: { computeToken: computeToken.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return [await run.call(this)];
}
