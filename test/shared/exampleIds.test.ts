import { loadExamples, MAX_WORKFLOW_ID_LENGTH } from '../e2e/examples';

describe('example workflow ids', () => {
	// n8n saves a workflow's static data (a polling trigger's cursor) only when its id has at most 21 characters:
	// with a longer one, imported by the CLI, a trigger forgets what it has seen and repeats or misses items.
	it.each(loadExamples().map((example) => [example.name, String(example.workflow.id)] as const))('%s has an id n8n keeps static data for (%s)', (_name, id) => {
		expect(id.length).toBeLessThanOrEqual(MAX_WORKFLOW_ID_LENGTH);
	});
});
