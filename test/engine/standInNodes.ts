/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeData } from 'n8n-workflow';

/**
 * Stand-ins for the two n8n-nodes-base nodes our workflows start with, since nodes-base is
 * not installed for the in-process tests. Each passes on the items it is given.
 */
class ManualTriggerStandIn implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Stand-in: emits the test items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData().map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
	}
}

class NoOpStandIn implements INodeType {
	description = {
		displayName: 'No Operation',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'Stand-in: passes items on',
		defaults: { name: 'No Operation' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export function standInNodeTypes(): INodeTypeData {
	return {
		'n8n-nodes-base.manualTrigger': { type: new ManualTriggerStandIn(), sourcePath: __filename },
		'n8n-nodes-base.noOp': { type: new NoOpStandIn(), sourcePath: __filename },
	};
}
