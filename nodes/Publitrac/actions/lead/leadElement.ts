import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFields, emailField } from '../../../shared/descriptions';
import { customFieldsCollection, readCustomFields } from '../fields';
import { customFieldsElement, readPublitracDate, readPublitracEmail, readWholeNumber, readZeroOrOne } from '../checks';
import { asText } from '../../../shared/checks';
import { usesVersion2Fields, version1Only, version2Only } from '../../../shared/nodeVersions';
import { LEAD_FIELDS, leadFieldProperties } from './leadFields';
import { leadMapper, mappedLead } from './leadMapping';

/** The fields of a `<lead>`: its email, the native fields (Additional Fields) and the custom ones; version 2 maps them all. */
export function leadElementFields(emailDescription: string, operation: 'syncLead' | 'addLead' | 'updateLead'): INodeProperties[] {
	return [...version1Only([emailField(emailDescription), additionalFields(leadFieldProperties()), customFieldsCollection]), ...version2Only([leadMapper(operation)])];
}

/** The `<lead>` element from the item's fields, every value checked against its type before anything is sent. */
export function buildLeadElement(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const mapped = usesVersion2Fields(this) ? mappedLead(this, itemIndex) : undefined;
	const email = readPublitracEmail(this, itemIndex, 'Email', mapped ? mapped.email : this.getNodeParameter('email', itemIndex));
	const given = mapped?.fields ?? (this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const lead: IDataObject = {};
	for (const { name, displayName, kind } of LEAD_FIELDS) {
		const value = given[name];
		if (value === undefined) continue;
		const field = `${mapped ? 'Fields' : 'Additional Fields'} > ${displayName}`;
		if (kind === 'flag') lead[name] = readZeroOrOne(this, itemIndex, field, value);
		else if (kind === 'integer') lead[name] = readWholeNumber(this, itemIndex, field, value);
		else if (kind === 'date') lead[name] = asText(value) === '' ? '' : readPublitracDate(this, itemIndex, field, value, false);
		else lead[name] = asText(value);
	}
	lead.email = email;
	const customFields = mapped ? customFieldsElement(this, itemIndex, mapped.customFields) : readCustomFields.call(this, itemIndex);
	if (customFields) lead.customFields = customFields;
	return lead;
}
