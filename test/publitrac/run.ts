import type { INodeParameters } from 'n8n-workflow';

import { nodeType, runNode } from '../engine/runner';
import type { PublitracServer } from '../servers/publitrac';

export const PUBLITRAC = nodeType('publitrac');

/** The email of the document's addEmailCampaign example. */
export const JANUARY_PROMOTION = {
	campaignName: 'Promotion January 2014',
	fromName: 'PUBLITRAC',
	fromEmail: 'no-reply@publipage.com',
	subject: 'January Promotion',
};

export interface PublitracRun {
	resource: string;
	operation: string;
	parameters?: INodeParameters;
	input?: Array<Record<string, unknown>>;
	continueOnFail?: boolean;
	continueOnErrorOutput?: boolean;
	credentials?: Record<string, string>;
}

/** Start → PUBLITRAC node, through n8n's engine, against the given local server. */
export async function runPublitrac(server: PublitracServer, run: PublitracRun) {
	const result = await runNode({
		type: PUBLITRAC,
		parameters: { resource: run.resource, operation: run.operation, ...run.parameters },
		credentials: { publitracApi: run.credentials ?? server.credentials() },
		input: (run.input ?? [{}]) as never,
		continueOnFail: run.continueOnFail,
		continueOnErrorOutput: run.continueOnErrorOutput,
	});
	return { ...result, json: result.items.map((item) => item.json) };
}
