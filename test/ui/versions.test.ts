import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../engine/runner';

/**
 * What the editor shows for each resource and operation in version 1 and in version 2, computed by n8n's own
 * display rules (NodeHelpers.displayParameter, `@version` included): a field hidden or shown by a wrong
 * displayOptions fails here, without a browser.
 */
async function nodeTypeOf(name: string, version: number): Promise<INodeType> {
	const pkg = await loadPackage();
	return pkg.nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${name}`, version) as INodeType;
}

function visibleFields(nodeType: INodeType, version: number, resource: string, operation: string): INodeProperties[] {
	const values = { resource, operation, scope: 'group' };
	return nodeType.description.properties.filter((property) => NodeHelpers.displayParameter(values, property, { typeVersion: version }, nodeType.description));
}

function operationsOf(nodeType: INodeType): Array<[string, string]> {
	const properties = nodeType.description.properties;
	const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	return resources.flatMap((resource) => {
		const selector = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value));
		return ((selector?.options ?? []) as INodePropertyOptions[]).map((operation): [string, string] => [String(resource.value), String(operation.value)]);
	});
}

/** The version 2 UI the issue asks for: the field mapper on every write that takes a record's fields, a picker on every record picked. */
const VERSION_2: Record<string, { mappers: string[]; pickers: Record<string, string> }> = {
	publitrac: {
		mappers: ['lead:syncLead', 'lead:addLead', 'lead:updateLead'],
		pickers: {
			'list:getList': 'listName',
			'list:addLeadsToList': 'listName',
			'lead:removeLeadFromList': 'listName',
			'view:getView': 'viewName',
			'history:addFillFormHistory': 'formName',
			'campaign:executeCampaign': 'campaigns',
		},
	},
	spread: {
		mappers: ['customer:create', 'customer:update', 'customer:createOrUpdate', 'order:create', 'order:update'],
		pickers: { 'customer:get': 'customer', 'customer:update': 'customer', 'customer:delete': 'customer', 'order:get': 'order' },
	},
	influencerSoft: {
		mappers: ['contact:addOrUpdate'],
		pickers: { 'contact:removeFromGroup': 'group', 'group:countSubscribers': 'group', 'product:delete': 'product' },
	},
	jtelDialler: {
		mappers: ['contact:import'],
		pickers: { 'contact:import': 'campaign', 'campaign:get': 'campaign', 'contact:get': 'contactId', 'contact:delete': 'contactId' },
	},
};

describe.each(Object.keys(VERSION_2))('%s: versions 1 and 2', (name) => {
	it('is version 2 for new nodes and still loads version 1', async () => {
		const nodeType = await nodeTypeOf(name, 2);
		expect(nodeType.description.version).toEqual([1, 2]);
		expect(nodeType.description.defaultVersion).toBe(2);
		expect(await nodeTypeOf(name, 1)).toBe(nodeType);
	});

	it('version 2 shows the mapper and the pickers where the issue asks, and every method they call exists', async () => {
		const nodeType = await nodeTypeOf(name, 2);
		const { mappers, pickers } = VERSION_2[name];
		for (const [resource, operation] of operationsOf(nodeType)) {
			const key = `${resource}:${operation}`;
			const shown = visibleFields(nodeType, 2, resource, operation);
			const names = shown.map((property) => property.name);
			// No two fields of one operation share a name (a v1 field left visible beside its v2 twin).
			expect([key, names.filter((field, index) => names.indexOf(field) !== index)]).toEqual([key, []]);
			const mapper = shown.find((property) => property.type === 'resourceMapper');
			expect([key, Boolean(mapper)]).toEqual([key, mappers.includes(key)]);
			if (mapper) {
				const method = mapper.typeOptions?.resourceMapper?.resourceMapperMethod as string;
				expect(nodeType.methods?.resourceMapping?.[method]).toBeInstanceOf(Function);
				// The version 1 field sets are gone once the mapper maps the record.
				expect([key, names.filter((field) => ['additionalFields', 'updateFields', 'customFields'].includes(field))]).toEqual([key, []]);
			}
			const picker = pickers[key];
			if (picker) {
				const locator = shown.find((property) => property.name === picker);
				expect([key, locator?.type]).toEqual([key, 'resourceLocator']);
				for (const mode of locator?.modes ?? []) {
					const method = mode.typeOptions?.searchListMethod;
					if (method) expect(nodeType.methods?.listSearch?.[method]).toBeInstanceOf(Function);
				}
			}
		}
	});

	it('version 1 shows no mapper and no new picker: its workflows keep their fields', async () => {
		const nodeType = await nodeTypeOf(name, 1);
		for (const [resource, operation] of operationsOf(nodeType)) {
			const shown = visibleFields(nodeType, 1, resource, operation);
			expect(shown.filter((property) => property.type === 'resourceMapper')).toEqual([]);
			// jtel's campaign picker predates version 2.
			const pickers = shown.filter((property) => property.type === 'resourceLocator').map((property) => property.name);
			expect(pickers.filter((picker) => picker !== 'campaign' || name !== 'jtelDialler')).toEqual([]);
			const names = shown.map((property) => property.name);
			expect(names.filter((field, index) => names.indexOf(field) !== index)).toEqual([]);
		}
	});
});
