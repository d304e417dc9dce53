import { sleep } from 'n8n-workflow';

/** The trailing window a vendor counts calls in. */
const WINDOW_MS = 1000;

/**
 * Spaces calls evenly so that no one-second window holds more than `perSecond` calls.
 * Slots are handed out in order, so concurrent callers (items, or executions sharing a
 * credential) queue behind each other instead of bursting.
 */
export class CallSpacer {
	private nextSlotAt = 0;

	/** When recent calls finished (their answer came back), for the window guard of `acquire`. */
	private finishedAt: number[] = [];

	private inFlight = 0;

	private readonly intervalMs: number;

	/** 2% headroom absorbs timer and network jitter between us and the server's own window. */
	constructor(readonly perSecond: number, headroom = 1.02) {
		this.intervalMs = (1000 / perSecond) * headroom;
	}

	private async waitForSlot(): Promise<void> {
		const now = Date.now();
		const slot = Math.max(now, this.nextSlotAt);
		this.nextSlotAt = slot + this.intervalMs;
		if (slot > now) await sleep(slot - now);
	}

	/**
	 * `waitForSlot`, plus a guard that holds whatever the network does: a call only starts once fewer than
	 * `perSecond` calls are in flight or finished within the last second. A call reaches the server before its
	 * answer comes back, so a call finished more than a second ago cannot share the server's trailing second
	 * with this one, however late it arrived there. Call the returned function when the answer is in.
	 */
	async acquire(): Promise<() => void> {
		await this.waitForSlot();
		// Waiting here keeps the slot: a held call goes as soon as the window has room, without queueing again.
		for (;;) {
			const now = Date.now();
			// 2 ms of margin for clocks that count whole milliseconds.
			this.finishedAt = this.finishedAt.filter((finished) => finished > now - WINDOW_MS - 2);
			if (this.finishedAt.length + this.inFlight < this.perSecond) break;
			const oldest = this.finishedAt.length ? Math.min(...this.finishedAt) : undefined;
			await sleep(oldest !== undefined ? Math.max(1, oldest + WINDOW_MS + 3 - now) : 5);
		}
		this.inFlight++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.finishedAt.push(Date.now());
		};
	}
}

const spacers = new Map<string, CallSpacer>();

/** One spacer per key (vendor + credential), shared by every item and execution in this process. */
export function getCallSpacer(key: string, perSecond: number): CallSpacer {
	let spacer = spacers.get(key);
	if (!spacer || spacer.perSecond !== perSecond) {
		spacer = new CallSpacer(perSecond);
		spacers.set(key, spacer);
	}
	return spacer;
}
