import type { INodeProperties } from 'n8n-workflow';

/** One contact group, from the drop-down or an expression. */
export function groupField(description: string): INodeProperties {
	return {
		displayName: 'Group Name or ID',
		name: 'group',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		required: true,
		default: '',
		description: `${description}Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}
