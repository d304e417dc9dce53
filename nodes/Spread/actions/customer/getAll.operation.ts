import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { ItemResult } from '../../../shared/operations';
import type { SpreadClient } from '../../transport';
import { forOperation, optionsCollection, returnAllAndLimitFields } from '../../../shared/descriptions';
import { dateFilterFields, dateFilterQuery, SHOW_CUSTOM_FIELDS_OPTION, sortByName } from '../fields';
import { SIMPLIFY_FIELD } from './customerFields';
import { readCountryCode, readEmail, readReturnAllAndLimit } from '../../../shared/checks';

/** Text filters: UI name → query parameter, as the API names them. */
const TEXT_FILTERS: Array<[name: string, displayName: string, param: string, description: string]> = [
	['firstName', 'First Name', 'firstName', 'Only customers with this first name'],
	['lastName', 'Last Name', 'lastName', 'Only customers with this last name'],
	['zipCode', 'Zip Code', 'zipcode', 'Only customers with this zip code'],
	['city', 'City', 'city', 'Only customers in this city'],
	['phone', 'Phone', 'phoneNumber', 'Only customers with this landline number'],
	['mobile', 'Mobile', 'mobilePhoneNumber', 'Only customers with this mobile number'],
	['externalId', 'External ID', 'externalId', 'Only the customer with this external ID'],
];

const FILTER_FIELDS: INodeProperties[] = [
	...dateFilterFields(),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Only the customer with this email' },
	...TEXT_FILTERS.map(([name, displayName, , filterDescription]): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: '',
		description: filterDescription,
	})),
	{ displayName: 'Country', name: 'country', type: 'string', placeholder: 'FR', default: '', description: 'Only customers in this country (ISO 3166-1 alpha-2 code, e.g. FR)' },
	{
		displayName: 'Customer IDs',
		name: 'ids',
		type: 'string',
		default: '',
		placeholder: '123456,123457',
		description: 'Comma-separated SPREAD IDs; combines with the other filters',
	},
];

export { CUSTOMER_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('customer', 'getAll', [
	...returnAllAndLimitFields(),
	SIMPLIFY_FIELD,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: sortByName(FILTER_FIELDS),
	},
	optionsCollection([
		{
			displayName: 'Case Insensitive',
			name: 'caseInsensitive',
			type: 'boolean',
			default: true,
			description: 'Whether text filters ignore upper and lower case',
		},
		SHOW_CUSTOM_FIELDS_OPTION,
	]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, spread: SpreadClient): Promise<ItemResult> {
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = customerFilterQuery(this, itemIndex, filters);
	if (options.caseInsensitive === true) qs.caseInsensitive = 1;
	if (options.showCustomFields === true) qs.showCustomFields = 1;
	const customers = await spread.list({ path: '/customers', key: 'customers', qs, returnAll, limit, itemIndex });
	return customers;
}

function customerFilterQuery(context: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs = dateFilterQuery(context, itemIndex, filters);
	if (filters.email) qs.email = readEmail(context, itemIndex, 'Filters > Email', filters.email);
	for (const [name, , param] of TEXT_FILTERS) {
		const value = filters[name];
		if (value !== undefined && value !== '') qs[param] = String(value);
	}
	if (filters.country) qs.country = readCountryCode(context, itemIndex, 'Filters > Country', filters.country);
	if (filters.ids) {
		const ids = String(filters.ids)
			.split(',')
			.map((id) => id.trim())
			.filter((id) => id !== '');
		const bad = ids.find((id) => !/^\d+$/.test(id));
		if (bad !== undefined) throw invalidInput(context.getNode(), itemIndex, 'Filters > Customer IDs', `"${bad}" is not a SPREAD ID`);
		if (ids.length > 0) qs.ids = ids.join(',');
	}
	return qs;
}
