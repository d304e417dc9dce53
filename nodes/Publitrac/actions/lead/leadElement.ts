import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { customFieldsCollection, customFieldsElement, emailField, optionalFields, publitracDate, readCustomFields, text, validEmail, wholeNumber, zeroOrOne } from '../common';
import { LEAD_FIELDS, leadFieldProperties } from './leadFields';
import { leadMapper, mappedLead } from './leadMapping';

/** The fields of a `<lead>`: its email, the native fields (Additional Fields) and the custom ones; version 2 maps them all. */
export function leadElementFields(emailDescription: string, operation: 'syncLead' | 'addLead' | 'updateLead'): INodeProperties[] {
	return [...version1Only([emailField(emailDescription), optionalFields(leadFieldProperties()), customFieldsCollection]), ...version2Only([leadMapper(operation)])];
}

/** The `<lead>` element from the item's fields, every value checked against its type before anything is sent. */
export function buildLeadElement(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const mapped = usesVersion2Fields(this) ? mappedLead(this, itemIndex) : undefined;
	const email = validEmail(node, itemIndex, 'Email', mapped ? mapped.email : this.getNodeParameter('email', itemIndex));
	const given = mapped?.fields ?? (this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const lead: IDataObject = {};
	for (const { name, displayName, kind } of LEAD_FIELDS) {
		const value = given[name];
		if (value === undefined) continue;
		const field = `${mapped ? 'Fields' : 'Additional Fields'} > ${displayName}`;
		if (kind === 'flag') lead[name] = zeroOrOne(node, itemIndex, field, value);
		else if (kind === 'integer') lead[name] = wholeNumber(node, itemIndex, field, value);
		else if (kind === 'date') lead[name] = text(value) === '' ? '' : publitracDate(node, itemIndex, field, value, false);
		else lead[name] = text(value);
	}
	lead.email = email;
	const customFields = mapped ? customFieldsElement(node, itemIndex, mapped.customFields) : readCustomFields.call(this, itemIndex);
	if (customFields) lead.customFields = customFields;
	return lead;
}
