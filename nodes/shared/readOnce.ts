import type { IExecuteFunctions } from 'n8n-workflow';

type ParameterReader = (...args: unknown[]) => unknown;

/**
 * The contexts a keyed write's `recordKey` and `execute` run with, so that an item's parameters are evaluated once:
 * what `recordKey` reads (an e-mail, or a mapper's every column, expressions and all) is kept and handed to the same
 * read in `execute`, once; any other read evaluates as usual. `recordKey` only reads what it is given, so handing the
 * same value on is safe. Kept values wait at most until their item runs (queued items are read a little ahead).
 */
export function parametersReadOnce(context: IExecuteFunctions): { forKey: IExecuteFunctions; forItem: IExecuteFunctions } {
	const read = context.getNodeParameter.bind(context) as ParameterReader;
	const kept = new Map<string, unknown>();
	const keyOf = (args: unknown[]) => JSON.stringify(args);
	const forKey = Object.create(context) as IExecuteFunctions;
	forKey.getNodeParameter = ((...args: unknown[]) => {
		const value = read(...args);
		kept.set(keyOf(args), value);
		return value;
	}) as IExecuteFunctions['getNodeParameter'];
	const forItem = Object.create(context) as IExecuteFunctions;
	forItem.getNodeParameter = ((...args: unknown[]) => {
		const key = keyOf(args);
		if (!kept.has(key)) return read(...args);
		const value = kept.get(key);
		kept.delete(key);
		return value;
	}) as IExecuteFunctions['getNodeParameter'];
	return { forKey, forItem };
}
