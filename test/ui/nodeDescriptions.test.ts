/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { INode, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadPackage, PACKAGE_NAME, REPO_ROOT } from '../engine/runner';

const REPOSITORY_URL = 'https://github.com/leadbridge/n8n-nodes-leadbridge';

/** The anchor GitHub gives a README heading: lower case, punctuation dropped, spaces to hyphens. */
function githubAnchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

const readmeHeadings = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
	.split('\n')
	.filter((line) => /^#{1,6} /.test(line))
	.map((line) => line.replace(/^#+ /, ''));

const codexFiles = readdirSync(join(REPO_ROOT, 'nodes'), { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.node.json'))
	.map((file) => ({ file, codex: JSON.parse(readFileSync(join(REPO_ROOT, 'nodes', file), 'utf8')) as Codex }));

interface Codex {
	node: string;
	resources: Record<string, Array<{ url: string }>>;
}

async function nodeTypeOf(codexNode: string): Promise<INodeType> {
	const pkg = await loadPackage();
	return pkg.nodeTypes.getByNameAndVersion(codexNode, 1) as INodeType;
}

describe('codex Docs links', () => {
	it('every node has a codex', async () => {
		const pkg = await loadPackage();
		expect(codexFiles.map(({ codex }) => codex.node).sort()).toEqual(pkg.nodeNames.map((name) => `${PACKAGE_NAME}.${name}`).sort());
	});

	it.each(codexFiles)('$file: every link is a heading of the README, and Docs opens the section named after the node', async ({ codex }) => {
		const links = Object.values(codex.resources).flat();
		expect(links.length).toBeGreaterThan(0);
		for (const { url } of links) {
			expect(url.startsWith(`${REPOSITORY_URL}#`)).toBe(true);
			expect(readmeHeadings.map(githubAnchor)).toContain(url.slice(url.indexOf('#') + 1));
		}
		const { displayName } = (await nodeTypeOf(codex.node)).description;
		expect(codex.resources.primaryDocumentation).toEqual([{ url: `${REPOSITORY_URL}#${githubAnchor(displayName)}` }]);
	});
});

/** How n8n's editor writes a node's subtitle on the canvas: the node type's subtitle expression, resolved for the node. */
function canvasSubtitle(nodeType: INodeType, parameters: Record<string, string>): unknown {
	const node: INode = { id: '1', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle as string, 'internal', {});
}

const actionNodes = ['publitrac', 'spread', 'influencerSoft', 'jtelDialler', 'popsell'];

describe('canvas subtitles', () => {
	it('say what was picked, in words', async () => {
		const publitrac = await nodeTypeOf(`${PACKAGE_NAME}.publitrac`);
		expect(canvasSubtitle(publitrac, { resource: 'lead', operation: 'getLeads' })).toBe('Search: Lead');
	});

	it.each(actionNodes)('%s: every operation of every resource reads "<Operation>: <Resource>"', async (name) => {
		const nodeType = await nodeTypeOf(`${PACKAGE_NAME}.${name}`);
		const properties = nodeType.description.properties;
		const resources = properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[];
		expect(resources.length).toBeGreaterThan(0);
		for (const resource of resources) {
			const selector = properties.find(
				(property: INodeProperties) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
			);
			const operations = selector?.options as INodePropertyOptions[];
			expect(operations.length).toBeGreaterThan(0);
			for (const operation of operations) {
				expect(canvasSubtitle(nodeType, { resource: String(resource.value), operation: String(operation.value) })).toBe(`${operation.name}: ${resource.name}`);
			}
		}
	});

	it.each(['publitracTrigger', 'spreadTrigger'])('%s: the subtitle is the name of the event picked', async (name) => {
		const nodeType = await nodeTypeOf(`${PACKAGE_NAME}.${name}`);
		const events = nodeType.description.properties.find((property) => property.name === 'event')?.options as INodePropertyOptions[];
		expect(events.length).toBeGreaterThan(1);
		for (const event of events) expect(canvasSubtitle(nodeType, { event: String(event.value) })).toBe(event.name);
	});
});

describe('field wording', () => {
	it('InfluencerSoft: the Remove Tags button does not say "Add Tag"', async () => {
		const properties = (await nodeTypeOf(`${PACKAGE_NAME}.influencerSoft`)).description.properties;
		const buttonOf = (field: string) => properties.find((property) => property.name === field)?.typeOptions?.multipleValueButtonText as string;
		expect(buttonOf('addTags')).toBe('Add Tag');
		expect(buttonOf('removeTags')).toBeDefined();
		expect(buttonOf('removeTags')).not.toBe('Add Tag');
	});

	it('informational notes use the neutral callout, not the warning-coloured notice', async () => {
		const pkg = await loadPackage();
		const types = await Promise.all(pkg.nodeNames.map((name) => nodeTypeOf(`${PACKAGE_NAME}.${name}`)));
		const properties = types.flatMap((nodeType) => nodeType.description.properties);
		expect(properties.filter((property) => property.type === 'notice').map((property) => property.name)).toEqual([]);
		expect(properties.filter((property) => property.type === 'callout').length).toBeGreaterThan(0);
	});
});
