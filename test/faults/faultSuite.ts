import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../engine/runner';
import type { Fault, RecordedRequest } from '../servers/vendorServer';
import type { FaultCall, FaultTarget } from './vendors';
import { FAULT_TIMEOUT_SECONDS, SIDE_BY_SIDE_TIMEOUT_SECONDS } from './vendors';

export const ITEM_COUNT = 20;

let runCounter = 0;

/** How the vendor server misbehaves for one run: faults queued before the 20 items start. */
export interface FaultScenario {
	name: string;
	faults: (target: FaultTarget, timeoutSeconds: number) => Array<{ fault: Fault; times: number }>;
	/** Whether every item must still come out as a result (reads: the fault is transient and retried). */
	readsAllSucceed: boolean;
	/** Whether even a call that is not safe to repeat is resent (a 429 says the call was refused unprocessed). */
	writesResent?: boolean;
	/** Whether every item must fail (the fault lasts the whole run). */
	allFail?: boolean;
}

const FOREVER = 500;

export const SCENARIOS: FaultScenario[] = [
	{ name: '429 with Retry-After', faults: () => [{ fault: { kind: 'rateLimited', retryAfterSeconds: 1 }, times: 1 }], readsAllSucceed: true, writesResent: true },
	{ name: '503 twice, then OK', faults: () => [{ fault: { kind: 'status', status: 503, body: 'Service Unavailable' }, times: 2 }], readsAllSucceed: true },
	{ name: 'a socket reset', faults: () => [{ fault: { kind: 'reset' }, times: 1 }], readsAllSucceed: true },
	{
		name: 'a hang past the timeout',
		faults: (_target, timeoutSeconds) => [{ fault: { kind: 'delay', ms: timeoutSeconds * 1000 * 2.5 }, times: 1 }],
		readsAllSucceed: true,
	},
	{ name: 'a truncated body', faults: () => [{ fault: { kind: 'truncated', body: '{"customer":{"id":"1' }, times: 1 }], readsAllSucceed: true },
	{ name: 'an HTML 502 page', faults: () => [{ fault: { kind: 'html', status: 502 }, times: 1 }], readsAllSucceed: true },
	{
		name: 'a vendor error body under HTTP 200',
		faults: (target) => {
			const { body, headers } = target.errorUnderOk();
			return [{ fault: { kind: 'status', status: 200, body, headers }, times: FOREVER }];
		},
		readsAllSucceed: false,
		allFail: true,
	},
	{
		name: 'retries exhausted (503 on every try)',
		faults: () => [{ fault: { kind: 'status', status: 503, body: 'Service Unavailable' }, times: FOREVER }],
		readsAllSucceed: false,
		allFail: true,
	},
];

export interface FaultRunOutcome {
	results: INodeExecutionData[];
	errors: INodeExecutionData[];
	nodeError?: Error;
	elapsedMs: number;
}

/** Every form a secret can be leaked in. */
export function secretForms(secrets: string[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		const uri = encodeURIComponent(secret);
		forms.add(secret);
		forms.add(uri);
		forms.add(uri.replace(/%20/g, '+'));
		forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
		forms.add(uri.replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+'));
		forms.add(Buffer.from(secret).toString('base64'));
	}
	return [...forms];
}

/** Checks that no form of any secret appears anywhere in what the run left behind. */
export function expectNoSecret(target: FaultTarget, value: unknown): void {
	const text = JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Error ? { ...inner, message: inner.message, stack: inner.stack } : inner));
	for (const form of secretForms(target.secrets)) {
		if (text.includes(form)) throw new Error(`a secret leaked in the form ${JSON.stringify(form)}`);
	}
}

/** Runs one call for 20 items under one scenario and checks the rules that hold whatever the vendor did. */
export async function runFaultScenario(
	target: FaultTarget,
	call: FaultCall,
	scenario: FaultScenario,
	continueOnFail: boolean,
): Promise<FaultRunOutcome> {
	target.server.reset();
	runCounter++;
	const runNumber = runCounter;
	// Writes to different records go out side by side: the server answers none (and serves no fault) until as many
	// as the node overlaps wait at once, so every fault meets writes in flight beside it. The first of them waits for
	// the last to arrive, which a busy machine can stretch past a second: those runs wait longer for an answer.
	const sideBySide = !call.idempotent && call.itemsInFlight > 1;
	const timeoutSeconds = sideBySide ? SIDE_BY_SIDE_TIMEOUT_SECONDS : FAULT_TIMEOUT_SECONDS;
	for (const { fault, times } of scenario.faults(target, timeoutSeconds)) target.server.injectFault(fault, times);
	// Requests of this run only: one from an earlier run, arriving late on a busy machine, is not a resend.
	const itemOf = (request: RecordedRequest) => {
		const marked = call.isCall(request) ? markedItem(request) : undefined;
		return marked?.run === runNumber ? String(marked.item) : undefined;
	};
	const held = sideBySide ? target.server.holdAnswers({ key: itemOf, until: call.itemsInFlight }) : undefined;
	const startedAt = Date.now();
	const run = await runNode({
		type: target.type,
		typeVersion: call.typeVersion,
		parameters: call.parameters,
		credentials: { [target.credentialType]: { ...target.credentials, timeoutSeconds } as ICredentialDataDecryptedObject },
		// `run` keeps each run's records apart on the server (an email created by an earlier run would be refused).
		input: Array.from({ length: ITEM_COUNT }, (_, i) => ({ i, run: runNumber })) as never,
		continueOnFail,
	});
	const elapsedMs = Date.now() - startedAt;
	if (held) {
		expect(held.openedBy).toBe('count');
		expect(held.mostAtOnceForOneKey).toBe(1);
	}
	const errors = run.items.filter((item) => 'error' in item.json && Object.keys(item.json).every((key) => ['error', 'details', 'message'].includes(key)));
	const results = run.items.filter((item) => !errors.includes(item));

	// Nothing leaks, whatever came back.
	expectNoSecret(target, { items: run.items, nodeError: run.nodeError, run: run.run });

	// Every input item gives results or exactly one error item, never nothing; a thrown error without Continue On Fail.
	const pairedIndexes = (items: INodeExecutionData[]) =>
		items.map((item) => (item.pairedItem as { item: number } | undefined)?.item).filter((index): index is number => index !== undefined);
	if (continueOnFail) {
		expect(run.nodeError).toBeUndefined();
		const errorIndexes = pairedIndexes(errors);
		const resultIndexes = new Set(pairedIndexes(results));
		expect(new Set(errorIndexes).size).toBe(errorIndexes.length);
		expect(errorIndexes.filter((index) => resultIndexes.has(index))).toEqual([]);
		expect(resultIndexes.size + errorIndexes.length).toBe(ITEM_COUNT);
		for (const error of errors) expect(String(error.json.error)).not.toBe('');
	} else if (run.nodeError) {
		expect(['NodeApiError', 'NodeOperationError']).toContain(run.nodeError.name);
		expect(run.nodeError.message).not.toBe('');
		expect(errors).toEqual([]);
	} else {
		expect(new Set(pairedIndexes(results)).size).toBe(ITEM_COUNT);
	}

	// A call that is not safe to repeat reaches the server at most once per item (a 429 refusal does not count).
	if (!call.idempotent) {
		const calls = target.server.requests.filter((request) => request.answeredStatus !== 429);
		for (let index = 0; index < ITEM_COUNT; index++) {
			const sent = calls.filter((request) => itemOf(request) === String(index)).length;
			if (sent > 1) throw new Error(`${call.label}: item ${index} was sent ${sent} times`);
		}
	}
	return { results, errors, nodeError: run.nodeError, elapsedMs };
}

/** The item and the run a write request carries (`faultitem<i>x<run>`, see vendors.ts), if any. */
function markedItem(request: RecordedRequest): { item: number; run: number } | undefined {
	const match = /faultitem(\d+)x(\d+)/.exec(readableBody(request.body));
	return match ? { item: Number(match[1]), run: Number(match[2]) } : undefined;
}

/** A request body with form or URL encoding undone, where it decodes. */
function readableBody(body: string): string {
	try {
		return decodeURIComponent(body.replace(/\+/g, ' '));
	} catch {
		return body;
	}
}

/** The whole suite for one vendor: its main read and main write, every scenario, Continue On Fail on and off. */
export function describeFaultSuite(vendor: string, start: () => Promise<FaultTarget>): void {
	describe(`${vendor}: no silent loss under faults (20 items)`, () => {
		let target: FaultTarget;
		beforeAll(async () => {
			target = await start();
		});
		afterAll(async () => await target.close());

		for (const which of ['read', 'write'] as const) {
			for (const scenario of SCENARIOS) {
				for (const continueOnFail of [true, false]) {
					it(`${which} × ${scenario.name}, Continue On Fail ${continueOnFail ? 'on' : 'off'}`, async () => {
						const call = target[which];
						const outcome = await runFaultScenario(target, call, scenario, continueOnFail);
						const retried = call.idempotent || scenario.writesResent === true;
						if (scenario.readsAllSucceed && retried) {
							// A transient fault on a call safe to repeat is retried: every item comes out as a result.
							expect(outcome.nodeError).toBeUndefined();
							expect(outcome.errors).toEqual([]);
						}
						if (scenario.readsAllSucceed && !retried && continueOnFail) {
							// Not repeated: only the items that met the fault fail, the others go through.
							expect(outcome.errors.length).toBeGreaterThan(0);
							expect(outcome.errors.length).toBeLessThanOrEqual(2);
						}
						if (scenario.allFail) {
							if (continueOnFail) expect(outcome.errors).toHaveLength(ITEM_COUNT);
							else expect(outcome.nodeError).toBeDefined();
						}
						if (scenario.name.startsWith('a vendor error body')) {
							const { message } = target.errorUnderOk();
							const messages = continueOnFail ? outcome.errors.map((error) => String(error.json.error)) : [String(outcome.nodeError?.message)];
							for (const text of messages) expect(text).toMatch(message);
						}
						if (scenario.name.startsWith('retries exhausted') && retried) {
							// Given up on after the first item's retry budget: the others fail at once, without a request.
							expect(target.server.requests.length).toBeLessThanOrEqual(5 * call.itemsInFlight);
							if (continueOnFail && call.itemsInFlight < ITEM_COUNT) {
								expect(String(outcome.errors[ITEM_COUNT - 1].json.details)).toMatch(/^Not sent: .* was given up on for the rest of this run/);
							}
						}
					});
				}
			}
		}
	});
}
