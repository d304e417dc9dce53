/**
 * How many calls of an overlapped run may be out at once, listening to the vendor the way the PUBLITRAC throttle
 * does (throttle.ts): a refusal (429) slows the run down, answers let it grow back. Vendors without a documented rate
 * limit still refuse when they are overloaded, and a 429 is the vendor asking for fewer calls, not an error.
 *
 * A refusal halves what was out when the refused call went out, at most once per round of calls (calls sent before
 * the last slow-down say nothing new); each answered call then adds half a place back, so the limit grows by half
 * each round of answers until it is back at its ceiling. Calls waiting for their retry hold no place.
 */
export class InFlightLimit {
	private limit: number;

	/** Calls out now, calls sent so far, and the count when the last slow-down happened. */
	private out = 0;

	private sent = 0;

	private slowedAtCall = 0;

	/** Calls waiting for a place, in arrival order. */
	private readonly waiting: Array<() => void> = [];

	/** Refusals seen, and how many of them lowered the limit. */
	readonly stats = { refused: 0, slowDowns: 0 };

	constructor(readonly ceiling: number) {
		this.limit = Math.max(1, ceiling);
	}

	/** Calls that may be out now. */
	get current(): number {
		return Math.max(1, Math.floor(this.limit));
	}

	/**
	 * Waits for a place and takes it. Call the returned function once the call is answered or failed, with `true`
	 * when the vendor refused it (a 429).
	 */
	async acquire(): Promise<(refused?: boolean) => void> {
		// A waiting call is woken with its place already taken (wakeWaiting), so no later arrival can take it first.
		if (this.out >= this.current || this.waiting.length > 0) await new Promise<void>((take) => this.waiting.push(take));
		else this.out++;
		const call = ++this.sent;
		let released = false;
		return (refused = false) => {
			if (released) return;
			released = true;
			this.out--;
			if (refused) this.refused(call);
			else if (this.limit < this.ceiling) this.limit = Math.min(this.ceiling, this.limit + 0.5);
			this.wakeWaiting();
		};
	}

	private refused(call: number): void {
		this.stats.refused++;
		if (call <= this.slowedAtCall) return;
		// `out` no longer counts the refused call itself.
		this.limit = Math.max(1, Math.min(this.limit, this.out + 1) / 2);
		this.slowedAtCall = this.sent;
		this.stats.slowDowns++;
	}

	private wakeWaiting(): void {
		while (this.waiting.length > 0 && this.out < this.current) {
			this.out++;
			(this.waiting.shift() as () => void)();
		}
	}
}
