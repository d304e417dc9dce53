import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';



export { forOperation } from '../../shared/descriptions';

/** A multi-select value, which an expression may also give as "a, b" or a single ID. */
export function asStringList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

/** InfluencerSoft lists are not paged: the whole list comes in one answer, cut here to the limit. */
export function applyLimit(this: IExecuteFunctions, itemIndex: number, records: IDataObject[]): IDataObject[] {
	if (this.getNodeParameter('returnAll', itemIndex) as boolean) return records;
	return records.slice(0, this.getNodeParameter('limit', itemIndex) as number);
}

/** The contact email field most operations start with. */
export function emailField(description: string, name = 'email', displayName = 'Email'): INodeProperties {
	return { displayName, name, type: 'string', placeholder: 'name@email.com', required: true, default: '', description };
}

export function additionalFields(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

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
