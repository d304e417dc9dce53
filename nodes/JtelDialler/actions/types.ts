import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../shared/itemLoop';
import type { JtelConnection } from '../transport';

/** One operation: its fields (shown for its resource and operation) and what it does for one input item. */
export interface JtelOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, connection: JtelConnection, itemIndex: number): Promise<ItemResult>;
}
