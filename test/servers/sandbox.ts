import type { VendorServer } from './vendorServer';

/**
 * What every vendor's local server offers to `npm start` and the real-n8n tests: a running sandbox seeded with
 * demo data, and the n8n credentials that point at it. Each test/servers/<vendor>.ts exports
 * `startSandbox(): Promise<Sandbox>`.
 */
export interface SandboxCredential {
	/** Stable id used by examples/*.json, e.g. "publitrac-sandbox". */
	id: string;
	/** Shown in the n8n editor, e.g. "PUBLITRAC sandbox". */
	name: string;
	/** The credential type name, e.g. "publitracApi". */
	type: string;
	/** Plain credential data, pointing at the sandbox's URL. */
	data: Record<string, unknown>;
}

export interface Sandbox {
	vendor: string;
	/** Base URL of the running server ('' when the vendor calls us instead, like Popsell). */
	url: string;
	credentials: SandboxCredential[];
	/** The running server, for tests that add records or look at what went over the wire. */
	server?: VendorServer;
	close(): Promise<void>;
}
