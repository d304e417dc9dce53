import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { readOpportunities } from '../../transport';
import { readReturnAllAndLimit } from '../../../shared/checks';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { returnAllFields, simplifiedIfAsked } from '../fields';

const properties: INodeProperties[] = [...returnAllFields];

export const description = forOperation('opportunity', 'getOpportunities', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	return simplifiedIfAsked(this, itemIndex, await publitrac.list({ method: 'getOpportunities', read: readOpportunities, returnAll, limit, itemIndex }));
}
