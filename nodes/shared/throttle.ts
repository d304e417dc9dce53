import { sleep } from 'n8n-workflow';

/**
 * Spaces calls evenly so that no one-second window holds more than `perSecond` calls.
 * Slots are handed out in order, so concurrent callers (items, or executions sharing a
 * credential) queue behind each other instead of bursting.
 */
export class CallSpacer {
	private nextSlotAt = 0;

	private readonly intervalMs: number;

	/** 2% headroom absorbs timer and network jitter between us and the server's own window. */
	constructor(readonly perSecond: number, readonly headroom = 1.02) {
		this.intervalMs = (1000 / perSecond) * headroom;
	}

	async waitForSlot(): Promise<void> {
		const now = Date.now();
		const slot = Math.max(now, this.nextSlotAt);
		this.nextSlotAt = slot + this.intervalMs;
		if (slot > now) await sleep(slot - now);
	}
}

const spacers = new Map<string, CallSpacer>();

/** One spacer per key (vendor + credential), shared by every item and execution in this process. */
export function getCallSpacer(key: string, perSecond: number, headroom?: number): CallSpacer {
	let spacer = spacers.get(key);
	if (!spacer || spacer.perSecond !== perSecond || (headroom !== undefined && spacer.headroom !== headroom)) {
		spacer = new CallSpacer(perSecond, headroom);
		spacers.set(key, spacer);
	}
	return spacer;
}
