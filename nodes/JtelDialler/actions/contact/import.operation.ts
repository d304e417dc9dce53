import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { JtelClient } from '../../transport';
import { recordsOf } from '../../transport';
import { forOperation } from '../../../shared/descriptions';
import { campaignLocator, simplifyField } from '../fields';
import { readCampaign, readDateTime, readPhoneNumber } from '../checks';
import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { mapperParameter } from '../../../shared/resourceMapper';
import { mappedContact } from './contactMapping';

export type FieldKind = 'string' | 'number' | 'dateTime' | 'phone';

/** Every optional contact field of the import call: node parameter name → jtel field name (as the API spells it). */
export const OPTIONAL_FIELDS: Array<{ name: string; api: string; displayName: string; kind: FieldKind; description?: string }> = [
	{ name: 'accountBank', api: 'AccountBank', displayName: 'Account Bank', kind: 'string' },
	{ name: 'accountBic', api: 'AccountBIC', displayName: 'Account BIC', kind: 'string' },
	{ name: 'accountIban', api: 'AccountIBAN', displayName: 'Account IBAN', kind: 'string' },
	{ name: 'accountNationalBankCode', api: 'AccountNationalBankCode', displayName: 'Account National Bank Code', kind: 'string' },
	{ name: 'accountNumber', api: 'AccountNumber', displayName: 'Account Number', kind: 'string' },
	{ name: 'accountOwner', api: 'AccountOwner', displayName: 'Account Owner', kind: 'string' },
	{ name: 'address', api: 'Address', displayName: 'Address', kind: 'string' },
	{ name: 'amount', api: 'Amount', displayName: 'Amount', kind: 'number' },
	{ name: 'dtBeginDate', api: 'dtBeginDate', displayName: 'Begin Date', kind: 'dateTime', description: 'From when the contact may be dialled. Sent as YYYY-MM-DDTHH:MM:SS; a value with a time zone is converted to the workflow\'s time zone.' },
	{ name: 'city', api: 'City', displayName: 'City', kind: 'string' },
	{ name: 'client', api: 'Client', displayName: 'Client', kind: 'string' },
	{ name: 'comment', api: 'Comment', displayName: 'Comment', kind: 'string' },
	{ name: 'company', api: 'Company', displayName: 'Company', kind: 'string' },
	{ name: 'country', api: 'Country', displayName: 'Country', kind: 'string' },
	{ name: 'email', api: 'Email', displayName: 'Email', kind: 'string' },
	{ name: 'dtEndDate', api: 'dtEndDate', displayName: 'End Date', kind: 'dateTime', description: 'Until when the contact may be dialled. Sent as YYYY-MM-DDTHH:MM:SS; a value with a time zone is converted to the workflow\'s time zone.' },
	{ name: 'externalSystemLink', api: 'ExternalSystemLink', displayName: 'External System Link', kind: 'string', description: 'A link to the contact in another system, shown to the agent' },
	{ name: 'faxNumber', api: 'FaxNumber', displayName: 'Fax Number', kind: 'string' },
	{ name: 'firstName', api: 'FirstName', displayName: 'First Name', kind: 'string' },
	{ name: 'followUpDateTime', api: 'FollowUpDateTime', displayName: 'Follow Up Date Time', kind: 'dateTime', description: 'When to call the contact back. Sent as YYYY-MM-DDTHH:MM:SS; a value with a time zone is converted to the workflow\'s time zone.' },
	{ name: 'followUpUsersUid', api: 'FollowUpUsersUID', displayName: 'Follow Up Users UID', kind: 'string', description: 'The agent (user UID) who should make the follow-up call' },
	{ name: 'manufacturer', api: 'Manufacturer', displayName: 'Manufacturer', kind: 'string' },
	{ name: 'model', api: 'Model', displayName: 'Model', kind: 'string' },
	{ name: 'phoneNumber2', api: 'PhoneNumber2', displayName: 'Phone Number 2', kind: 'phone' },
	{ name: 'phoneNumber3', api: 'PhoneNumber3', displayName: 'Phone Number 3', kind: 'phone' },
	{ name: 'phoneNumber4', api: 'PhoneNumber4', displayName: 'Phone Number 4', kind: 'phone' },
	{ name: 'phoneNumber5', api: 'PhoneNumber5', displayName: 'Phone Number 5', kind: 'phone' },
	{ name: 'phoneNumber6', api: 'PhoneNumber6', displayName: 'Phone Number 6', kind: 'phone' },
	{ name: 'postalCode', api: 'PostalCode', displayName: 'Postal Code', kind: 'string' },
	{ name: 'randomSortOrder', api: 'RandomSortOrder', displayName: 'Random Sort Order', kind: 'number', description: 'Sort key the dialler uses when the campaign dials in random order' },
	{ name: 'referenceNumber', api: 'ReferenceNumber', displayName: 'Reference Number', kind: 'string' },
	{ name: 'reservedUsersUid', api: 'ReservedUsersUID', displayName: 'Reserved Users UID', kind: 'string', description: 'The agent (user UID) the contact is reserved for' },
	{ name: 'salutation', api: 'Salutation', displayName: 'Salutation', kind: 'string' },
	{ name: 'service', api: 'Service', displayName: 'Service', kind: 'string' },
	{ name: 'tag', api: 'Tag', displayName: 'Tag', kind: 'string' },
	{ name: 'title', api: 'Title', displayName: 'Title', kind: 'string' },
	{ name: 'userData', api: 'UserData', displayName: 'User Data', kind: 'string', description: 'Your own key for the contact (e.g. a CRM ID). With Overwrite Duplicates on, a contact with the same User Data is updated instead of created.' },
	{ name: 'website', api: 'Website', displayName: 'Website', kind: 'string' },
];

const PHONE_FIELDS = ['PhoneNumber1', 'PhoneNumber2', 'PhoneNumber3', 'PhoneNumber4', 'PhoneNumber5', 'PhoneNumber6'];

const fields: INodeProperties[] = [
	{
		...campaignLocator,
		description: 'The dialler campaign to import into: from the list or by ID (sent as DiallerCampaignsID), or by name (sent as DiallerCampaignsName)',
	},
	...version1Only([{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'The contact\'s (last) name',
	},
	{
		displayName: 'Phone Number 1',
		name: 'phoneNumber1',
		type: 'string',
		default: '',
		placeholder: '+49 89 1234567',
		description: 'At least one of Phone Number 1 to 6 is required by jtel (the others are under Additional Fields)',
	}]),
	...version2Only([
		mapperParameter({
			method: 'getImportFields',
			mode: 'add',
			record: 'contact',
			description: 'The contact\'s fields, named as jtel names them. Name and at least one of Phone Number 1 to 6 are required.',
		}),
	]),
	{
		displayName: 'Overwrite Duplicates',
		name: 'overwriteDuplicates',
		type: 'boolean',
		default: false,
		description: 'Whether to update the existing contact whose User Data matches instead of creating a new one. When off, jtel always creates a new contact; such an import is never retried once it may have reached jtel.',
	},
	...version1Only([{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: OPTIONAL_FIELDS.map(({ name, displayName, kind, description }): INodeProperties => ({
			displayName,
			name,
			type: kind === 'phone' ? 'string' : kind,
			default: kind === 'number' ? 0 : '',
			...(description ? { description } : {}),
		})),
	}]),
];

export { JTEL_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('contact', 'import', [...fields, simplifyField]);

/** Builds the import body, refusing bad input before anything is sent. */
export function buildImportBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = context.getNode();
	const body: IDataObject = {};
	const campaign = readCampaign(context, itemIndex);
	if (campaign.byName) body.DiallerCampaignsName = campaign.name;
	else body.DiallerCampaignsID = campaign.id;

	// Version 2 maps every field by its jtel name; version 1 has Name, Phone Number 1 and Additional Fields.
	const mapped = usesVersion2Fields(context) ? mappedContact(context, itemIndex) : undefined;
	const name = String((mapped ? mapped.name : context.getNodeParameter('name', itemIndex, '')) ?? '').trim();
	if (name === '') throw invalidInput(node, itemIndex, 'Name', 'is empty', 'jtel requires the contact\'s name.');
	body.Name = name;

	const phoneNumber1 = String((mapped ? mapped.phoneNumber1 : context.getNodeParameter('phoneNumber1', itemIndex, '')) ?? '');
	if (phoneNumber1.trim() !== '') body.PhoneNumber1 = readPhoneNumber(context, itemIndex, 'Phone Number 1', phoneNumber1);

	const additional = mapped ?? (context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	for (const field of OPTIONAL_FIELDS) {
		const value = additional[field.name];
		if (value === undefined || value === null || value === '') continue;
		switch (field.kind) {
			case 'dateTime':
				body[field.api] = readDateTime(context, itemIndex, field.displayName, value);
				break;
			case 'phone':
				body[field.api] = readPhoneNumber(context, itemIndex, field.displayName, value);
				break;
			case 'number': {
				const number = Number(value);
				if (!Number.isFinite(number)) throw invalidInput(node, itemIndex, field.displayName, `"${String(value)}" is not a number`);
				body[field.api] = number;
				break;
			}
			default:
				body[field.api] = String(value);
		}
	}

	if (!PHONE_FIELDS.some((key) => body[key] !== undefined)) {
		throw invalidInput(node, itemIndex, 'Phone Number 1', 'no phone number given', 'jtel needs at least one of Phone Number 1 to 6 (Phone Number 2 to 6 are under Additional Fields).');
	}
	if (typeof body.dtBeginDate === 'string' && typeof body.dtEndDate === 'string' && body.dtEndDate < body.dtBeginDate) {
		throw invalidInput(node, itemIndex, 'End Date', `${body.dtEndDate} is before Begin Date ${body.dtBeginDate}`);
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, jtel: JtelClient) {
	const body = buildImportBody(this, itemIndex);
	const overwriteDuplicates = this.getNodeParameter('overwriteDuplicates', itemIndex, false) as boolean;
	// Sending it twice is harmless only when jtel matches the second one to the first on UserData.
	const idempotent = overwriteDuplicates && typeof body.UserData === 'string' && body.UserData.trim() !== '';
	const response = await jtel.call({ method: 'POST', path: '/dialler/contacts/import', qs: { overwriteDuplicates }, body, idempotent, itemIndex });
	const records = recordsOf(response);
	// Never drop the item: without a record, the answer itself says what jtel did.
	if (records.length === 0) return response;
	return records;
}

/**
 * The record this item writes to: the contact its User Data names (the key jtel matches duplicates on), or, without
 * one, its first phone number (imports of one number stay in input order).
 */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	// Version 2's mapped contact comes in version 1's names (name, phoneNumber1, the Additional Fields' names).
	const mapped = usesVersion2Fields(this) ? mappedContact(this, itemIndex) : undefined;
	const additional = mapped ?? (this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const userData = String(additional.userData ?? '').trim();
	if (userData !== '') return `userData:${userData}`;
	const phoneNumber1 = String((mapped ? mapped.phoneNumber1 : this.getNodeParameter('phoneNumber1', itemIndex, '')) ?? '');
	if (phoneNumber1.trim() !== '') return `phone:${readPhoneNumber(this, itemIndex, 'Phone Number 1', phoneNumber1).replace(/[^\d+]/g, '')}`;
	const other = ['phoneNumber2', 'phoneNumber3', 'phoneNumber4', 'phoneNumber5', 'phoneNumber6'].find((name) => String(additional[name] ?? '').trim() !== '');
	if (other === undefined) {
		throw invalidInput(this.getNode(), itemIndex, 'Phone Number 1', 'no phone number given', 'jtel needs at least one of Phone Number 1 to 6 (Phone Number 2 to 6 are under Additional Fields).');
	}
	return `phone:${readPhoneNumber(this, itemIndex, other, additional[other]).replace(/[^\d+]/g, '')}`;
}
