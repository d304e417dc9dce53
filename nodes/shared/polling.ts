import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { instantOfDateField } from './wallClock';

/** The polling triggers' backfill option: what happened since a date is emitted on the first poll only. */
export function startFromOption(records: string): INodeProperties {
	return {
		displayName: 'Start From',
		name: 'startFrom',
		type: 'dateTime',
		default: '',
		description: `Backfill: on the first poll after activation, also emit the ${records} since this date and time (in the workflow's time zone). Empty: only what happens after activation.`,
	};
}

/** The Start From option as an instant (ms), read in the workflow's zone; undefined when not set. */
export function readStartFrom(context: IPollFunctions, options: IDataObject): number | undefined {
	if (!options.startFrom) return undefined;
	// The picker's date has no zone: it is the workflow's time zone, not the server process's.
	const instant = instantOfDateField(options.startFrom, context.getTimezone());
	if (instant === undefined) throw new NodeOperationError(context.getNode(), `Start From: "${String(options.startFrom)}" is not a date`);
	return instant;
}
