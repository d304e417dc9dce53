import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../shared/errors';
import type { FormFields } from '../../phpForm';
import type { InfluencerSoftClient } from '../../transport';
import { readContactEmail, readListEntries, readUtcOffset } from '../checks';
import { readCountryCode } from '../../../shared/checks';
import { additionalFields, forOperation, textField } from '../../../shared/descriptions';
import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { mapperParameter, readMappedFields } from '../../../shared/resourceMapper';

/** Additional field → the addupdatelead parameter it fills. */
const CONTACT_FIELDS: Record<string, string> = {
	firstName: 'lead_first_name',
	middleName: 'lead_middle_name',
	lastName: 'lead_last_name',
	phone: 'lead_phone',
	timeZone: 'lead_utc',
	description: 'lead_description',
	personalManager: 'lead_personal_manager',
	shippingAddress1: 'lead_shipping_address_1',
	shippingAddress2: 'lead_shipping_address_2',
	shippingCity: 'lead_shipping_city',
	shippingState: 'lead_shipping_state',
	shippingZip: 'lead_shipping_zip',
	shippingCountryCode: 'lead_shipping_country_code',
	billingAddress1: 'lead_billing_address_1',
	billingAddress2: 'lead_billing_address_2',
	billingCity: 'lead_billing_city',
	billingState: 'lead_billing_state',
	billingZip: 'lead_billing_zip',
	billingCountryCode: 'lead_billing_country_code',
	facebook: 'lead_facebook',
	instagram: 'lead_instagram',
	whatsapp: 'lead_whatsapp',
	telegram: 'lead_telegram',
	viber: 'lead_viber',
	vkontakte: 'lead_vkontakte',
	linkedIn: 'lead_in',
};

const groupPicker = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getGroups' },
	default: [],
	description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

/** The button adds one more line to the list, so it says what the line is for. */
const tagList = (displayName: string, name: string, description: string, buttonText: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: buttonText },
	default: [],
	description,
});

/** Version 1's contact fields (Additional Fields); version 2's mapper offers the same ones. */
export const contactFieldProperties: INodeProperties[] = [
	textField('Billing Address 1', 'billingAddress1', 'Billing address, shown in the contact card'),
	textField('Billing Address 2', 'billingAddress2', 'Second billing address line, for complex addresses'),
	textField('Billing City', 'billingCity', 'Billing city'),
	textField('Billing Country Code', 'billingCountryCode', 'Billing country as an ISO 3166-1 alpha-2 code (US, CA…); InfluencerSoft shows the country name', 'US'),
	textField('Billing State', 'billingState', 'Billing region or state'),
	textField('Billing Zip', 'billingZip', 'Billing zip or postal code'),
	textField('Description', 'description', 'Information about the customer, shown in the contact card'),
	textField('Facebook ID', 'facebook', 'The contact’s Facebook ID'),
	textField('First Name', 'firstName', 'The contact’s first name'),
	textField('Instagram ID', 'instagram', 'The contact’s Instagram ID'),
	textField('Last Name', 'lastName', 'The contact’s surname'),
	textField('LinkedIn ID', 'linkedIn', 'The contact’s LinkedIn ID'),
	textField('Middle Name', 'middleName', 'The contact’s middle name'),
	textField('Personal Manager ID', 'personalManager', 'ID of the employee managing the contact (from the employee’s edit link under /shops/access/)'),
	textField('Phone', 'phone', 'The contact’s phone number'),
	textField('Shipping Address 1', 'shippingAddress1', 'Delivery address, shown in the contact card'),
	textField('Shipping Address 2', 'shippingAddress2', 'Second delivery address line, for complex addresses'),
	textField('Shipping City', 'shippingCity', 'Delivery city'),
	textField('Shipping Country Code', 'shippingCountryCode', 'Delivery country as an ISO 3166-1 alpha-2 code (US, CA…)', 'US'),
	textField('Shipping State', 'shippingState', 'Delivery region or state'),
	textField('Shipping Zip', 'shippingZip', 'Delivery zip or postal code'),
	textField('Telegram ID', 'telegram', 'The contact’s Telegram ID'),
	textField('Time Zone', 'timeZone', 'The contact’s time zone as an offset in whole hours: "UTC + 03", "+03", "-01", "3" or "-1"', '+03'),
	textField('Viber ID', 'viber', 'The contact’s Viber ID'),
	textField('VKontakte ID', 'vkontakte', 'The contact’s VKontakte ID'),
	textField('WhatsApp ID', 'whatsapp', 'The contact’s WhatsApp ID'),
];

export { INFLUENCERSOFT_OUTPUT as output } from '../output';

export const description: INodeProperties[] = forOperation('contact', 'addOrUpdate', [
	...version2Only([
		mapperParameter({
			method: 'getContactFields',
			mode: 'upsert',
			record: 'contact',
			description: 'The contact, found by its email (InfluencerSoft allows a contact without email: leave it empty to create one)',
		}),
	]),
	...version1Only([{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'The contact’s email, which identifies the contact. InfluencerSoft allows a contact without email: leave empty to create one.',
	}]),
	groupPicker(
		'Add to Group Names or IDs',
		'addToLists',
		'Groups (lists) to add the contact to. Adding to a group can send its confirmation email, so when groups are given (or no email) the call is never sent twice: if the connection drops after it may have reached InfluencerSoft, the item fails with an error asking you to check the contact instead',
	),
	groupPicker('Remove From Group Names or IDs', 'removeFromLists', 'Groups (lists) to remove the contact from'),
	tagList('Add Tags', 'addTags', 'Tags to add to the contact', 'Add Tag'),
	tagList('Remove Tags', 'removeTags', 'Tags to remove from the contact', 'Add Tag to Remove'),
	...version1Only([additionalFields(contactFieldProperties)]),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, influencerSoft: InfluencerSoftClient): Promise<IDataObject> {
	const node = this.getNode();
	// Version 2 maps the email and the contact fields; version 1 has an Email field and Additional Fields.
	const mapped = usesVersion2Fields(this) ? readMappedFields(this, itemIndex) : undefined;
	const rawEmail = String((mapped ? mapped.email : this.getNodeParameter('email', itemIndex, '')) ?? '').trim();
	const email = rawEmail === '' ? undefined : readContactEmail(this, itemIndex, 'Email', rawEmail);
	const additional = mapped ?? (this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const lists = (name: string, label: string) => readListEntries(this, itemIndex, label, this.getNodeParameter(name, itemIndex, []));

	const fields: FormFields = {};
	if (email !== undefined) fields.lead_email = email;
	const joined = (name: string, label: string, apiName: string) => {
		const entries = lists(name, label);
		if (entries.length > 0) fields[apiName] = entries.join(',');
	};
	joined('addToLists', 'Add to Group Names or IDs', 'add_to_lists');
	joined('removeFromLists', 'Remove From Group Names or IDs', 'remove_from_lists');
	joined('addTags', 'Add Tags', 'add_tags');
	joined('removeTags', 'Remove Tags', 'remove_tags');

	for (const [name, apiName] of Object.entries(CONTACT_FIELDS)) {
		const raw = additional[name];
		if (raw === undefined || raw === null || String(raw).trim() === '') continue;
		let value = String(raw).trim();
		if (name === 'timeZone') value = readUtcOffset(this, itemIndex, 'Time Zone', value);
		if (name === 'shippingCountryCode') value = readCountryCode(this, itemIndex, 'Shipping Country Code', value);
		if (name === 'billingCountryCode') value = readCountryCode(this, itemIndex, 'Billing Country Code', value);
		fields[apiName] = value;
	}
	if (Object.keys(fields).length === 0) {
		throw invalidInput(node, itemIndex, 'Email', 'nothing to send', 'Give an email, a group, a tag or at least one additional field.');
	}

	// Resending is harmless only when the email names the contact and no group would send its confirmation email again.
	const idempotent = email !== undefined && fields.add_to_lists === undefined;
	const answer = await influencerSoft.call({ method: 'addupdatelead', fields, idempotent, itemIndex });
	return { success: true, message: answer.errorText, ...(email !== undefined ? { email } : {}), result: answer.result as IDataObject };
}

/**
 * The record this item writes to: the contact, by email. Contacts without an email are each a new contact; they
 * still go one after another, as the vendor cannot tell them apart.
 */
export function recordKey(this: IExecuteFunctions, itemIndex: number): string {
	const email = usesVersion2Fields(this) ? readMappedFields(this, itemIndex).email : this.getNodeParameter('email', itemIndex, '');
	const rawEmail = String(email ?? '').trim();
	return rawEmail === '' ? 'no email' : `email:${readContactEmail(this, itemIndex, 'Email', rawEmail).toLowerCase()}`;
}
