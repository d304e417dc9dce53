import type { INodeProperties } from 'n8n-workflow';

export type LeadFieldKind = 'text' | 'flag' | 'integer' | 'date';

/** The lead's native fields, in the order of the document's syncLead example, with their types. */
export const LEAD_FIELDS: Array<{ name: string; displayName: string; kind: LeadFieldKind }> = [
	{ name: 'token', displayName: 'Token', kind: 'text' },
	{ name: 'crmLeadId', displayName: 'CRM Lead ID', kind: 'text' },
	{ name: 'firstName', displayName: 'First Name', kind: 'text' },
	{ name: 'lastName', displayName: 'Last Name', kind: 'text' },
	{ name: 'middleName', displayName: 'Middle Name', kind: 'text' },
	{ name: 'company', displayName: 'Company', kind: 'text' },
	{ name: 'phone', displayName: 'Phone', kind: 'text' },
	{ name: 'mailingAddress', displayName: 'Mailing Address', kind: 'text' },
	{ name: 'leadSource', displayName: 'Lead Source', kind: 'text' },
	{ name: 'originalSource', displayName: 'Original Source', kind: 'text' },
	{ name: 'originalSourceType', displayName: 'Original Source Type', kind: 'text' },
	{ name: 'keyword', displayName: 'Keyword', kind: 'text' },
	{ name: 'jobTitle', displayName: 'Job Title', kind: 'text' },
	{ name: 'dateOfBirth', displayName: 'Date of Birth', kind: 'date' },
	{ name: 'score', displayName: 'Score', kind: 'integer' },
	{ name: 'postalCode', displayName: 'Postal Code', kind: 'text' },
	{ name: 'country', displayName: 'Country', kind: 'text' },
	{ name: 'city', displayName: 'City', kind: 'text' },
	{ name: 'state', displayName: 'State', kind: 'text' },
	{ name: 'doNotCall', displayName: 'Do Not Call', kind: 'flag' },
	{ name: 'doNotCallReason', displayName: 'Do Not Call Reason', kind: 'text' },
	{ name: 'unsubscribed', displayName: 'Unsubscribed', kind: 'flag' },
	{ name: 'unsubscribeCause', displayName: 'Unsubscribe Cause', kind: 'text' },
	{ name: 'unsubscribeReason', displayName: 'Unsubscribe Reason', kind: 'text' },
	{ name: 'fax', displayName: 'Fax', kind: 'text' },
	{ name: 'mobile', displayName: 'Mobile', kind: 'text' },
	{ name: 'isCustomer', displayName: 'Is Customer', kind: 'flag' },
	{ name: 'isAnonymous', displayName: 'Is Anonymous', kind: 'flag' },
	{ name: 'emailInvalid', displayName: 'Email Invalid', kind: 'flag' },
	{ name: 'emailInvalidCause', displayName: 'Email Invalid Cause', kind: 'text' },
	{ name: 'notes', displayName: 'Notes', kind: 'text' },
	{ name: 'suspended', displayName: 'Suspended', kind: 'flag' },
	{ name: 'suspendedReason', displayName: 'Suspended Reason', kind: 'text' },
	{ name: 'blacklisted', displayName: 'Blacklisted', kind: 'flag' },
	{ name: 'blacklistedCause', displayName: 'Blacklisted Cause', kind: 'text' },
	{ name: 'customerId', displayName: 'Customer ID', kind: 'text' },
	{ name: 'website', displayName: 'Website', kind: 'text' },
	{ name: 'language', displayName: 'Language', kind: 'text' },
	{ name: 'nbrEmployees', displayName: 'Number of Employees', kind: 'integer' },
	{ name: 'revenue', displayName: 'Revenue', kind: 'integer' },
];

const FLAG_OPTIONS = [
	{ name: 'No (0)', value: '0' },
	{ name: 'Yes (1)', value: '1' },
];

/** One typed UI field per native lead field, for the Additional Fields collection. */
export function leadFieldProperties(): INodeProperties[] {
	return LEAD_FIELDS.map(({ name, displayName, kind }): INodeProperties => {
		switch (kind) {
			case 'flag':
				return { displayName, name, type: 'options', options: FLAG_OPTIONS, default: '0', description: 'Sent as 0 or 1' };
			case 'integer':
				return { displayName, name, type: 'number', typeOptions: { numberPrecision: 0 }, default: 0 };
			case 'date':
				return { displayName, name, type: 'dateTime', default: '', description: 'Sent as yyyy-mm-dd' };
			default:
				return { displayName, name, type: 'string', default: '' };
		}
	}).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Native lead fields as search options (getLeads conditions). */
export const LEAD_SEARCH_FIELD_OPTIONS = [
	{ name: 'Email', value: 'email' },
	...LEAD_FIELDS.filter(({ name }) => name !== 'token').map(({ name, displayName }) => ({ name: displayName, value: name })),
	{ name: 'ID', value: 'id' },
	{ name: 'Status', value: 'status' },
	{ name: 'Created Date', value: 'createdDate' },
	{ name: 'Last Updated', value: 'lastUpdated' },
	{ name: 'Custom Field…', value: '__custom' },
];
