import { sleep } from 'n8n-workflow';

/** The trailing window a vendor counts calls in. */
const WINDOW_MS = 1000;

/** Clocks count whole milliseconds: one more keeps two calls a full window apart at any finer resolution. */
const CLOCK_STEP_MS = 1;

/**
 * The spacing between sends is 2% above 1/rate: the arrival guard below holds the count exactly, the spacing only
 * keeps the guard from having to stop the calls in bursts.
 */
const HEADROOM = 1.02;

/**
 * A call's answer comes back after the call reached the server. Part of that round trip is the network; the rest is
 * this process's own delay (cold code, a busy event loop), which differs from call to call and can be on either side
 * of the arrival. Only the network's part may be taken off the answer time to bound the arrival. The network's round
 * trip shows as a floor where the round trips gather: while at least a quarter of the last ones lie within this margin of
 * the shortest, the shortest less the margin is taken off (an occasional slow call only comes back later). Round trips
 * spread wider (a fresh process, whose calls leave later and later or sooner and sooner) or shorter than the margin
 * (a local server) take nothing off: the bound is the answer time itself.
 */
const NETWORK_JITTER_MARGIN_MS = 30;

/**
 * Round trips looked at for the network's part: those that ended in the last two windows (every call the guard still
 * counts, and no older network), at most 100; and how many it takes before one is trusted.
 */
const ROUND_TRIP_WINDOW_MS = 2 * WINDOW_MS;
const ROUND_TRIP_SAMPLES = 100;
const MIN_ROUND_TRIP_SAMPLES = 10;

/**
 * A call still unanswered after its timeout has failed: it cannot reach the server later than that. The second
 * more covers the time the failure takes to come back.
 */
const LATE_FAILURE_MS = 1000;

/** Longest single pause of the pump: an answer coming back wakes it sooner. */
const MAX_PAUSE_MS = 250;

/**
 * A refused process that had at least this share of its rate accepted in the second before was alone on the key.
 * Below it, others are sending too.
 */
const ALONE_SHARE = 0.9;

/** Sharing a key, a refused process slows down to what the server accepted from it in the second before, less 3%... */
const SLOW_DOWN = 0.97;

/**
 * ...holds that rate while others may still be sending (the share they leave is what the server just showed), and
 * only after this long without a refusal grows back: slowly at first, faster with time (+1.5 calls/s after 1 s of
 * growth, +4 after 2 s, +12 after 4 s). A process left alone is back at full rate within seconds of the hold.
 */
const HOLD_MS = 5000;
const SPEED_UP_PER_SECOND = 1;

const MIN_RATE = 1;

/** How a call ended, as the caller saw it. */
export type CallOutcome = 'answered' | 'refused' | 'unanswered';

/** Ends a call: `refused` is an answer saying the rate limit was hit (a 429), `unanswered` a network failure. */
export type EndCall = (outcome: CallOutcome) => void;

/** Time as the spacer sees it: injected by tests, the system clock otherwise. */
export interface SpacerClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const systemClock: SpacerClock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

interface Waiter {
	wake: (call: Call) => void;
	maxLagMs: number;
}

interface Call {
	sentAt: number;
	/** Until its end is known, the call may reach the server as late as this. */
	lateBound: number;
	endedAt?: number;
	outcome?: CallOutcome;
}

/**
 * Hands out send times so that no one-second window at the server holds more than `perSecond` calls, counted as
 * the server counts them: when they arrive. When a call leaves this process, and so when it arrives, varies (the
 * first calls of a process run cold code, a busy machine delays them), but a call always arrives after it was
 * handed its turn and before its answer (or failure) comes back. So a call is only sent once fewer than the rate's
 * calls may still arrive within a window of it: each earlier call counts until a window has passed since its
 * answer, or since the latest it could arrive while it has none. However late the calls reach the wire, no window
 * is overfilled. On a quiet machine the answers come back soon, or all alike, and the guard rarely holds a call.
 *
 * Calls are not held for their answers: the calls in flight follow the rate times the latency, up to answers a
 * second long (a call counts until its answer, so slower answers hold the rate to its calls per answer time).
 * Callers queue in order, so items and executions sharing a credential take turns.
 *
 * Processes do not see each other's calls (n8n queue-mode workers each hold their own spacer), so the spacer also
 * listens to the server. A refusal (429) while this process sent less than its rate in the second before means
 * others use the key too: it slows down to the share the server accepted from it, holds it while the refusals go on,
 * then grows back. A refusal while it alone filled the window changes nothing: the call is resent.
 */
export class CallSpacer {
	/** Waiters, in arrival order; the pump wakes the first, with its call record, when its send time comes. */
	private readonly queue: Waiter[] = [];

	private pumping = false;

	/** Wakes a pausing pump when an answer comes back (a call may then no longer count). */
	private wakePump?: () => void;

	/** Calls that may still count: sent in the last two windows, or not yet known to have arrived a window ago. */
	private readonly calls: Call[] = [];

	/** The latest round trips of answered calls (when each ended, how long it took), for the network's part of them. */
	private readonly roundTrips: Array<{ endedAt: number; ms: number }> = [];

	/** The earliest send time of the next call, on an even timeline (a timer firing late does not shift it). */
	private nextSendAt = -Infinity;

	/** When the last slow-down happened, and the rate it set. */
	private slowedAt = -Infinity;

	private slowedTo: number;

	/** Calls sent, refusals (429) seen, how many of those lowered the rate, and sends held back for arrivals. */
	readonly stats = { sent: 0, refused: 0, slowDowns: 0, heldForArrivals: 0 };

	constructor(
		readonly perSecond: number,
		private readonly clock: SpacerClock = systemClock,
	) {
		this.slowedTo = perSecond;
	}

	/** Calls per second allowed now: the ceiling, or less for a while after a refusal. */
	currentRate(now = this.clock.now()): number {
		const seconds = Math.max(0, now - this.slowedAt - HOLD_MS) / 1000;
		const regained = SPEED_UP_PER_SECOND * (seconds + (seconds * seconds) / 2);
		return Math.min(this.perSecond, this.slowedTo + regained);
	}

	/** Calls allowed in one window: the rate, rounded down (17.5 a second never puts 18 in one second). */
	private callsPerWindow(now: number): number {
		return Math.max(1, Math.floor(this.currentRate(now) + 1e-9));
	}

	/**
	 * Waits for this call's turn and counts it as sent. `maxLagMs` is the longest the call can take to reach the
	 * server (its timeout). Call the returned function once the call ended, whatever the end.
	 */
	async acquire(maxLagMs: number): Promise<EndCall> {
		const call = await new Promise<Call>((wake) => {
			this.queue.push({ wake, maxLagMs });
			if (!this.pumping) void this.pump();
		});
		let ended = false;
		return (outcome) => {
			if (ended) return;
			ended = true;
			this.ended(call, outcome);
		};
	}

	/** What may be taken off an answer's time to bound its arrival: the network's share of the round trip. */
	private networkShare(now: number): number {
		while (this.roundTrips.length && this.roundTrips[0].endedAt <= now - ROUND_TRIP_WINDOW_MS) this.roundTrips.shift();
		if (this.roundTrips.length < MIN_ROUND_TRIP_SAMPLES) return 0;
		const sorted = this.roundTrips.map((roundTrip) => roundTrip.ms).sort((a, b) => a - b);
		const shortest = sorted[0];
		if (sorted[Math.floor(sorted.length / 4)] - shortest > NETWORK_JITTER_MARGIN_MS) return 0;
		return Math.max(0, shortest - NETWORK_JITTER_MARGIN_MS);
	}

	/** The latest a call may have reached (or may still reach) the server. */
	private latestArrival(call: Call, networkShare: number): number {
		if (call.endedAt === undefined) return call.lateBound;
		// A failure has no answer to take the way back off.
		if (call.outcome === 'unanswered') return call.endedAt;
		return Math.max(call.sentAt, call.endedAt - networkShare);
	}

	/** How long the next call must still wait: spacing at the current rate, and never more than the rate in a window. */
	waitBeforeNextSend(now: number): number {
		const spacing = this.nextSendAt - now;
		while (this.calls.length && this.calls[0].sentAt <= now - 2 * WINDOW_MS && this.latestArrival(this.calls[0], 0) <= now - 2 * WINDOW_MS) {
			this.calls.shift();
		}
		const networkShare = this.networkShare(now);
		// A call arriving after `now` shares a window with every call that may arrive later than a window before it.
		const stillCounted = this.calls
			.map((call) => this.latestArrival(call, networkShare))
			.filter((latest) => latest > now - WINDOW_MS - CLOCK_STEP_MS)
			.sort((a, b) => a - b);
		const allowed = this.callsPerWindow(now);
		const windowFull = stillCounted.length >= allowed ? stillCounted[stillCounted.length - allowed] + WINDOW_MS + CLOCK_STEP_MS - now : 0;
		return Math.max(spacing, windowFull, 0);
	}

	/** Wakes the waiters one by one; each send time is decided when it comes, so a slow-down applies at once. */
	private async pump(): Promise<void> {
		this.pumping = true;
		try {
			while (this.queue.length) {
				const now = this.clock.now();
				const wait = this.waitBeforeNextSend(now);
				// Clocks count whole milliseconds: less than one is no wait.
				if (wait >= 1) {
					if (wait > this.nextSendAt - now) this.stats.heldForArrivals++;
					await this.pause(wait);
					continue;
				}
				const interval = (1000 / this.currentRate(now)) * HEADROOM;
				// Late by less than half an interval (a timer firing late): keep the timeline, so the rate holds on
				// average. Later than that, the line was idle or held: start again from now.
				this.nextSendAt = (now - this.nextSendAt > interval / 2 ? now : this.nextSendAt) + interval;
				const waiter = this.queue.shift() as Waiter;
				const call: Call = { sentAt: now, lateBound: now + waiter.maxLagMs + LATE_FAILURE_MS };
				this.calls.push(call);
				this.stats.sent++;
				waiter.wake(call);
			}
		} finally {
			this.pumping = false;
		}
	}

	/** Sleeps until the wait is over, or an answer comes back, whichever is first. */
	private async pause(ms: number): Promise<void> {
		const answered = new Promise<void>((wake) => (this.wakePump = wake));
		await Promise.race([this.clock.sleep(Math.min(Math.ceil(ms), MAX_PAUSE_MS)), answered]);
		this.wakePump = undefined;
	}

	private ended(call: Call, outcome: CallOutcome): void {
		const now = this.clock.now();
		call.endedAt = now;
		call.outcome = outcome;
		if (outcome !== 'unanswered') {
			this.roundTrips.push({ endedAt: now, ms: now - call.sentAt });
			if (this.roundTrips.length > ROUND_TRIP_SAMPLES) this.roundTrips.shift();
		}
		if (outcome === 'refused') this.refused(call, now);
		this.wakePump?.();
	}

	private refused(call: Call, now: number): void {
		this.stats.refused++;
		// A refusal of a call sent within a window of the last slow-down says nothing new: that window was
		// still filled at the old rate.
		if (call.sentAt < this.slowedAt + WINDOW_MS) return;
		const rate = this.currentRate(now);
		const acceptedBefore = this.calls.filter(
			(sent) => sent.sentAt > call.sentAt - WINDOW_MS && sent.sentAt <= call.sentAt && sent.outcome !== 'refused',
		).length;
		// This process alone filled the window: the refusal is not about others sending. It is resent; the rate stays.
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
