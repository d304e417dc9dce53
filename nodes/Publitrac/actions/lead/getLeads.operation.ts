import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PublitracClient } from '../../transport';
import { readLeads } from '../../transport';
import { asText } from '../../../shared/checks';
import type { ItemResult } from '../../../shared/operations';
import { forOperation } from '../../../shared/descriptions';
import { pagingOptions, readPaged, returnAllFields, simplifyField } from '../fields';
import { assertXmlSafe, readElementName } from '../checks';
import { LEAD_SEARCH_FIELD_OPTIONS } from './leadFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'Leads matching every condition are returned; with no condition, every lead is',
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{ displayName: 'Field', name: 'field', type: 'options', options: LEAD_SEARCH_FIELD_OPTIONS, default: 'email' },
					{
						displayName: 'Custom Field Name',
						name: 'customField',
						type: 'string',
						default: '',
						placeholder: 'carColor',
						displayOptions: { show: { field: ['__custom'] } },
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Equals (=)', value: '=', description: 'Not in the document: PUBLITRAC may refuse it' },
							{ name: 'Greater Than (>)', value: '>', description: 'Not in the document: PUBLITRAC may refuse it' },
							{ name: 'Less Than (<)', value: '<', description: 'Not in the document: PUBLITRAC may refuse it' },
							{ name: 'Like', value: 'like', description: 'Documented by PUBLITRAC; % matches any text' },
							{ name: 'Not Equal (!=)', value: '!=', description: 'Not in the document: PUBLITRAC may refuse it' },
						],
						default: 'like',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'johnsmith@%' },
				],
			},
		],
	},
	...returnAllFields,
	pagingOptions,
	simplifyField,
];

export { LEAD_OUTPUT as output } from '../output';

export const description = forOperation('lead', 'getLeads', properties);

interface Condition {
	field?: string;
	customField?: string;
	operator?: string;
	value?: unknown;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, publitrac: PublitracClient): Promise<ItemResult> {
	const conditions = (this.getNodeParameter('conditions.condition', itemIndex, []) as Condition[]).map((condition) => ({
		field:
			condition.field === '__custom'
				? readElementName(this, itemIndex, 'Conditions > Custom Field Name', condition.customField)
				: readElementName(this, itemIndex, 'Conditions > Field', condition.field),
		operator: asText(condition.operator || 'like'),
		value: asText(condition.value),
	}));
	// An empty <queries/> returns every lead.
	const query: IDataObject = { queries: conditions.length ? { query: conditions } : '' };
	assertXmlSafe(this, itemIndex, query);
	return await readPaged(this, itemIndex, publitrac, { method: 'getLeads', query, read: readLeads });
}
