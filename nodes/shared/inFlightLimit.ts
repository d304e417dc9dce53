/**
 * How many items an overlapped loop keeps under way, listening to the vendor the way the PUBLITRAC throttle does
 * (throttle.ts): a refusal (429) slows it down, answers let it grow back. Vendors without a documented rate limit
 * still refuse when they are overloaded, and a 429 is the vendor asking for fewer calls, not an error.
 *
 * A refusal halves what was under way when the refused call went out, at most once per round of calls (calls sent
 * before the last slow-down say nothing new); each answered call then adds half a slot back, so the limit grows by
 * half each round of answers until it is back at its ceiling.
 */
export class InFlightLimit {
	private limit: number;

	/** Calls sent so far, and the count when the last slow-down happened. */
	private sent = 0;

	private slowedAtCall = 0;

	/** Items under way (sent, waiting for an answer or a retry), as the loop reports them. */
	private underWay = 0;

	/** Refusals seen, and how many of them lowered the limit. */
	readonly stats = { refused: 0, slowDowns: 0 };

	constructor(readonly ceiling: number) {
		this.limit = Math.max(1, ceiling);
	}

	/** Items that may be under way now. */
	get current(): number {
		return Math.max(1, Math.floor(this.limit));
	}

	/** The loop starts an item. */
	started(): void {
		this.underWay++;
	}

	/** The loop is done with an item. */
	finished(): void {
		this.underWay--;
	}

	/** A call goes out: its number, to hand back with `refused`. */
	sending(): number {
		return ++this.sent;
	}

	/** The vendor refused call number `call` (429): halve what was under way, unless that round was already halved. */
	refused(call: number): void {
		this.stats.refused++;
		if (call <= this.slowedAtCall) return;
		this.limit = Math.max(1, Math.min(this.limit, this.underWay) / 2);
		this.slowedAtCall = this.sent;
		this.stats.slowDowns++;
	}

	/** The vendor answered a call (anything but a refusal): grow back towards the ceiling. */
	answered(): void {
		if (this.limit < this.ceiling) this.limit = Math.min(this.ceiling, this.limit + 0.5);
	}
}
