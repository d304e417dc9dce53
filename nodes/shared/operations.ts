import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchPlan } from './batchLoop';
import type { InFlightLimit } from './inFlightLimit';
import type { ItemLoopOptions } from './itemLoop';
import type { OutputShape } from './typedOutput';

/** What an operation gives for one input item: records, ready items, or nothing. */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[] | undefined;

/** What every vendor's `connect(context)` returns: its client, with the secrets every output is masked of. */
export interface ConnectedClient {
	readonly secrets: string[];
	/** Calls out at once in a run of the item loop (the router sets it): a vendor's 429s lower it. */
	inFlight?: InFlightLimit;
}

/** Most operations: one input item in, its results out (the shared item loop pairs, masks and catches). */
export interface ItemOperation<Client> {
	description: INodeProperties[];
	/** The types of the records it outputs: the router then offers Simplify and applies it (nodes/shared/typedOutput.ts). */
	output?: OutputShape;
	execute(this: IExecuteFunctions, itemIndex: number, client: Client): Promise<ItemResult>;
	/**
	 * A write's record (an e-mail, a record ID, a phone number…): items naming the same one run one after another, in
	 * input order, the others overlap (a table line with `loop: keyedWrite()`). Read and checked from the item's
	 * parameters before any request, so bad input fails there.
	 */
	recordKey?(this: IExecuteFunctions, itemIndex: number, client: Client): string;
}

/** Calls that carry many items at once (PUBLITRAC list and campaign calls): a plan the shared batch loop runs. */
export interface BatchOperation<Client> {
	description: INodeProperties[];
	/** The types of the answers it outputs, as for ItemOperation. */
	output?: OutputShape;
	plan(this: IExecuteFunctions, client: Client): BatchPlan<unknown>;
}

/**
 * One answer built from the whole input (Popsell's reply to its trigger's call): runs once, and pairs its output
 * with every input item itself.
 */
export interface WholeInputOperation<Client> {
	description: INodeProperties[];
	executeOnce(this: IExecuteFunctions, client: Client): Promise<INodeExecutionData[]>;
}

export type Operation<Client> = ItemOperation<Client> | BatchOperation<Client> | WholeInputOperation<Client>;

/** One line of a vendor's table: the operation's selector entry and its module. */
export interface OperationEntry<Client> {
	name: string;
	action: string;
	description: string;
	module: Operation<Client>;
	/** How the item loop runs this operation (e.g. items in flight at once, for calls safe to overlap). */
	loop?: ItemLoopOptions;
}

export interface ResourceEntry<Client> {
	name: string;
	/** The operation selected when the resource is picked (the first one when unset). */
	defaultOperation?: string;
	operations: Record<string, OperationEntry<Client>>;
}

/** A vendor's node in one table: the selectors, the subtitle and the routing all come from it. */
export interface VendorTable<Client extends ConnectedClient> {
	defaultResource: string;
	/** Reads the credential once per execution and returns the vendor's client. */
	connect(context: IExecuteFunctions): Promise<Client>;
	resources: Record<string, ResourceEntry<Client>>;
}
