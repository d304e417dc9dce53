import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { readOpportunities } from '../../transport';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { pagingOptions, readPaged, returnAllFields } from '../fields';

const properties: INodeProperties[] = [...returnAllFields, pagingOptions];

export { OPPORTUNITY_OUTPUT as output } from '../output';

export const description = forOperation('opportunity', 'getOpportunities', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	return await readPaged(this, itemIndex, publitrac, { method: 'getOpportunities', read: readOpportunities });
}
