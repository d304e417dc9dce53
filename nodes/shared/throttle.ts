import { sleep } from 'n8n-workflow';

/** The trailing window a vendor counts calls in. */
const WINDOW_MS = 1000;

/** 3% headroom (30 ms a window) absorbs timer and network jitter between our send and the server's window. */
const HEADROOM = 1.03;

/**
 * A refused process that had at least this share of its rate accepted in the second before was alone on the key:
 * its call reached the server late (jitter). Below it, others are sending too.
 */
const ALONE_SHARE = 0.9;

/** Sharing a key, a refused process slows down to what the server accepted from it in the second before, less 5%... */
const SLOW_DOWN = 0.95;

/**
 * ...and grows back, slowly at first and faster with time, up to the ceiling: +1.5 calls/s after 1 s, +4 after
 * 2 s, +12 after 4 s. While others share the key, refusals come back within a second or two and keep the steps
 * small; once they are done, this process is back at full rate within seconds.
 */
const SPEED_UP_PER_SECOND = 1;

const MIN_RATE = 1;

interface SentCall {
	sentAt: number;
	refused: boolean;
}

/**
 * Hands out send times so that no one-second window holds more than `perSecond` calls, counted when they are sent
 * (not when their answer comes back): the number in flight then follows the rate times the latency, and a slow
 * server does not slow the sync. Callers queue in order, so items and executions sharing a credential take turns.
 *
 * Processes do not see each other's calls (n8n queue-mode workers each hold their own spacer), so the spacer also
 * listens to the server. A refusal (429) while this process sent less than its rate in the second before means
 * others use the key too: it slows down to the share the server accepted from it, at most once per window, then
 * grows back. Processes that together send too much so each settle near their share instead of retrying into each
 * other, and a process left alone is soon back at full rate. A refusal while it alone filled the window is jitter:
 * the call is resent, the rate stays.
 */
export class CallSpacer {
	/** Waiters, in arrival order; the pump wakes the first, with its send record, when its send time comes. */
	private readonly queue: Array<(call: SentCall) => void> = [];

	private pumping = false;

	/** The calls sent in the last two windows, oldest first, and whether the server refused them. */
	private readonly recent: SentCall[] = [];

	/** The earliest send time of the next call, on an even timeline (a timer firing late does not shift it). */
	private nextSendAt = -Infinity;

	/** When the last slow-down happened, and the rate it set. */
	private slowedAt = -Infinity;

	private slowedTo: number;

	/** Calls sent, refusals (429) seen, and how many of those lowered the rate. */
	readonly stats = { sent: 0, refused: 0, slowDowns: 0 };

	constructor(readonly perSecond: number) {
		this.slowedTo = perSecond;
	}

	/** Calls per second allowed now: the ceiling, or less for a while after a refusal. */
	currentRate(now = Date.now()): number {
		const seconds = Math.max(0, now - this.slowedAt) / 1000;
		const regained = SPEED_UP_PER_SECOND * (seconds + (seconds * seconds) / 2);
		return Math.min(this.perSecond, this.slowedTo + regained);
	}

	/**
	 * Waits for this call's turn and counts it as sent. Call the returned function with `true` when the server
	 * refused the call because of its rate limit (a 429).
	 */
	async acquire(): Promise<(refusedByLimit?: boolean) => void> {
		const call = await new Promise<SentCall>((wake) => {
			this.queue.push(wake);
			if (!this.pumping) void this.pump();
		});
		return (refusedByLimit = false) => {
			if (refusedByLimit) this.refused(call);
		};
	}

	/** How long the next call must still wait: spacing at the current rate, and never more than the rate in a window. */
	private waitBeforeNextSend(now: number): number {
		const rate = this.currentRate(now);
		const spacing = this.nextSendAt - now;
		const windowMs = WINDOW_MS * HEADROOM;
		while (this.recent.length && this.recent[0].sentAt <= now - 2 * WINDOW_MS) this.recent.shift();
		// The window guard matters when the event loop was busy and several send times have passed at once.
		const inWindow = this.recent.filter((call) => call.sentAt > now - windowMs);
		const windowFull = inWindow.length >= Math.ceil(rate) ? inWindow[0].sentAt + windowMs - now + 1 : 0;
		return Math.max(spacing, windowFull, 0);
	}

	/** Wakes the waiters one by one; each send time is decided when it comes, so a slow-down applies at once. */
	private async pump(): Promise<void> {
		this.pumping = true;
		try {
			while (this.queue.length) {
				const wait = this.waitBeforeNextSend(Date.now());
				if (wait > 0) {
					await sleep(Math.ceil(wait));
					continue;
				}
				const now = Date.now();
				const interval = (1000 / this.currentRate(now)) * HEADROOM;
				// Late by less than half an interval: keep the timeline (the window guard still holds the count).
				this.nextSendAt = Math.max(this.nextSendAt, now - interval / 2) + interval;
				const call = { sentAt: now, refused: false };
				this.recent.push(call);
				this.stats.sent++;
				(this.queue.shift() as (sent: SentCall) => void)(call);
			}
		} finally {
			this.pumping = false;
		}
	}

	private refused(call: SentCall): void {
		call.refused = true;
		this.stats.refused++;
		// A refusal of a call sent within a window of the last slow-down says nothing new: that window was
		// still filled at the old rate.
		if (call.sentAt < this.slowedAt + WINDOW_MS) return;
		const now = Date.now();
		const rate = this.currentRate(now);
		const acceptedBefore = this.recent.filter((sent) => sent.sentAt > call.sentAt - WINDOW_MS && sent.sentAt <= call.sentAt && !sent.refused).length;
		// This process alone filled the window: a call that reached the server late (jitter), not someone else
		// sending. It is resent; the rate stays.
		if (acceptedBefore >= rate * ALONE_SHARE) return;
		this.slowedTo = Math.max(MIN_RATE, Math.min(rate, acceptedBefore) * SLOW_DOWN);
		this.slowedAt = now;
		this.stats.slowDowns++;
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
