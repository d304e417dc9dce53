import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { mapperField } from '../../shared/resourceMapper';
import { LEAD_FIELDS } from '../actions/lead/leadFields';
import type { LeadFieldKind } from '../actions/lead/leadFields';
import { customFieldMapperId } from '../actions/lead/leadMapping';
import { connect, readLeads } from '../transport';

const MAPPER_TYPE: Record<LeadFieldKind, FieldType> = { text: 'string', flag: 'boolean', integer: 'number', date: 'dateTime' };

/** What a read lead holds besides its native fields: not custom fields. */
const READ_ONLY_LEAD_FIELDS = new Set(['id', 'email', 'status', 'createdDate', 'lastUpdated']);

/**
 * Custom lead fields: PUBLITRAC has no method that lists them, and answers them as plain lead elements
 * (`<someCustomField>` beside `<firstName>`). So they are read from the leads of getLeads' first page (every lead,
 * `<queries/>`): any element that is not a native lead field is one.
 */
async function customLeadFields(context: ILoadOptionsFunctions): Promise<ResourceMapperField[]> {
	const publitrac = await connect(context);
	const answer = await publitrac.call({ method: 'getLeads', httpMethod: 'GET', query: { queries: '' }, params: { page: 1 }, idempotent: true });
	const native = new Set([...LEAD_FIELDS.map(({ name }) => name), ...READ_ONLY_LEAD_FIELDS]);
	const names = new Set<string>();
	for (const lead of readLeads(answer.response)) {
		for (const [name, value] of Object.entries(lead)) if (!native.has(name) && (value === null || typeof value !== 'object')) names.add(name);
	}
	return [...names].sort((a, b) => a.localeCompare(b)).map((name) => mapperField(customFieldMapperId(name), `${name} (custom field)`, 'string'));
}

function nativeLeadFields(): ResourceMapperField[] {
	return LEAD_FIELDS.map(({ name, displayName, kind }) => mapperField(name, displayName, MAPPER_TYPE[kind], { canMatch: name === 'token' || name === 'crmLeadId' }));
}

/** Sync Lead: found by e-mail (PUBLITRAC's default), by tracking token (useToken) or by CRM Lead ID (customUnicityKeys). */
export async function getSyncLeadFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return {
		fields: [mapperField('email', 'Email', 'string', { required: true, canMatch: true, defaultMatch: true }), ...nativeLeadFields(), ...(await customLeadFields(this))],
	};
}

/** Create Lead and Update Lead: the e-mail names the lead. */
export async function getLeadFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return {
		fields: [
			mapperField('email', 'Email', 'string', { required: true, canMatch: true, defaultMatch: true }),
			...nativeLeadFields().map((field) => ({ ...field, canBeUsedToMatch: false })),
			...(await customLeadFields(this)),
		],
	};
}
