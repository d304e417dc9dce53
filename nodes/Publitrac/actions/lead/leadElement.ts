import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFields, emailField } from '../../../shared/descriptions';
import { customFieldsCollection, readCustomFields } from '../fields';
import { readPublitracDate, readPublitracEmail, readWholeNumber, readZeroOrOne } from '../checks';
import { asText } from '../../../shared/checks';
import { LEAD_FIELDS, leadFieldProperties } from './leadFields';

/** The fields of a `<lead>`: its email, the native fields (Additional Fields) and the custom ones. */
export function leadElementFields(emailDescription: string): INodeProperties[] {
	return [emailField(emailDescription), additionalFields(leadFieldProperties()), customFieldsCollection];
}

/** The `<lead>` element from the item's fields, every value checked against its type before anything is sent. */
export function buildLeadElement(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const email = readPublitracEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const lead: IDataObject = {};
	for (const { name, displayName, kind } of LEAD_FIELDS) {
		const value = given[name];
		if (value === undefined) continue;
		const field = `Additional Fields > ${displayName}`;
		if (kind === 'flag') lead[name] = readZeroOrOne(this, itemIndex, field, value);
		else if (kind === 'integer') lead[name] = readWholeNumber(this, itemIndex, field, value);
		else if (kind === 'date') lead[name] = asText(value) === '' ? '' : readPublitracDate(this, itemIndex, field, value, false);
		else lead[name] = asText(value);
	}
	lead.email = email;
	const customFields = readCustomFields.call(this, itemIndex);
	if (customFields) lead.customFields = customFields;
	return lead;
}
