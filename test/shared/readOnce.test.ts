import type { IExecuteFunctions } from 'n8n-workflow';

import { parametersReadOnce } from '../../nodes/shared/readOnce';

/** A context that evaluates each read afresh (a new object each time, as n8n's deep copies are) and counts them. */
function countingContext() {
	const reads: string[] = [];
	const context = {
		getNodeParameter: (name: string, itemIndex: number) => {
			reads.push(`${name}#${itemIndex}`);
			return { name, itemIndex, evaluation: reads.length };
		},
		getNode: () => ({ name: 'Under Test' }),
	} as unknown as IExecuteFunctions;
	return { context, reads };
}

describe('parametersReadOnce: what recordKey read is handed to execute, once', () => {
	it('the same read in execute gets recordKey\'s value without evaluating again; a second read evaluates', () => {
		const { context, reads } = countingContext();
		const { forKey, forItem } = parametersReadOnce(context);
		const keyed = forKey.getNodeParameter('columns.value', 3);
		expect(forItem.getNodeParameter('columns.value', 3)).toBe(keyed);
		expect(reads).toEqual(['columns.value#3']);
		expect(forItem.getNodeParameter('columns.value', 3)).toEqual({ name: 'columns.value', itemIndex: 3, evaluation: 2 });
		expect(reads).toHaveLength(2);
	});

	it('other items, other parameters and other arguments are evaluated as usual; the rest of the context is the same', () => {
		const { context, reads } = countingContext();
		const { forKey, forItem } = parametersReadOnce(context);
		forKey.getNodeParameter('email', 0);
		forItem.getNodeParameter('email', 1);
		forItem.getNodeParameter('name', 0);
		forItem.getNodeParameter('email', 0, '');
		expect(reads).toEqual(['email#0', 'email#1', 'name#0', 'email#0']);
		expect(forItem.getNode()).toEqual({ name: 'Under Test' });
	});
});
