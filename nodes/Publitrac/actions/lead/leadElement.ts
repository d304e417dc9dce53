import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customFieldsCollection, emailField, optionalFields, publitracDate, readCustomFields, text, validEmail, wholeNumber, zeroOrOne } from '../common';
import { LEAD_FIELDS, leadFieldProperties } from './leadFields';

/** The fields of a `<lead>`: its email, the native fields (Additional Fields) and the custom ones. */
export function leadElementFields(emailDescription: string): INodeProperties[] {
	return [emailField(emailDescription), optionalFields(leadFieldProperties()), customFieldsCollection];
}

/** The `<lead>` element from the item's fields, every value checked against its type before anything is sent. */
export function buildLeadElement(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const email = validEmail(node, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
	const given = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const lead: IDataObject = {};
	for (const { name, displayName, kind } of LEAD_FIELDS) {
		const value = given[name];
		if (value === undefined) continue;
		const field = `Additional Fields > ${displayName}`;
		if (kind === 'flag') lead[name] = zeroOrOne(node, itemIndex, field, value);
		else if (kind === 'integer') lead[name] = wholeNumber(node, itemIndex, field, value);
		else if (kind === 'date') lead[name] = text(value) === '' ? '' : publitracDate(node, itemIndex, field, value, false);
		else lead[name] = text(value);
	}
	lead.email = email;
	const customFields = readCustomFields.call(this, itemIndex);
	if (customFields) lead.customFields = customFields;
	return lead;
}
