/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// A clock the test drives: time moves only when every promise that can run has run and the next timer is due, so
// throttle logic is checked at exact milliseconds whatever the machine's load. Also a server that counts arrivals
// as PUBLITRAC does, and calls whose trip to the server and back takes what the test says.
import type { CallSpacer, SpacerClock } from '../../nodes/shared/throttle';

interface Timer {
	at: number;
	order: number;
	fire: () => void;
}

export class VirtualClock implements SpacerClock {
	private time = 0;

	private order = 0;

	private readonly timers: Timer[] = [];

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((fire) => this.timers.push({ at: this.time + Math.max(0, ms), order: this.order++, fire }));
	}

	/** The event loop busy for `ms`: time jumps, no timer fires in between (they all fire late). */
	block(ms: number): void {
		this.time += ms;
	}

	/** Lets every promise that can run, run (no real time passes that the code under test sees). */
	private async settle(): Promise<void> {
		for (let turn = 0; turn < 3; turn++) await new Promise((next) => setImmediate(next));
	}

	/** Runs `work` to its end, firing the timers in time order (same time: in the order they were set). */
	async run<T>(work: Promise<T>): Promise<T> {
		let finished = false;
		const watched = work.finally(() => (finished = true));
		for (;;) {
			await this.settle();
			if (finished) return await watched;
			if (this.timers.length === 0) throw new Error(`nothing left to run at ${this.time} ms, and the work is not done`);
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const timer = this.timers.shift() as Timer;
			this.time = Math.max(this.time, timer.at);
			timer.fire();
		}
	}
}

/** A server that refuses (429) any call above `limit` accepted arrivals in the trailing second, as PUBLITRAC does. */
export class ArrivalCounter {
	readonly arrivals: Array<{ at: number; refused: boolean; by: string }> = [];

	constructor(private readonly limit = Infinity) {}

	/** Records an arrival; true when it is refused. */
	arrive(at: number, by = ''): boolean {
		const acceptedInWindow = this.arrivals.filter((arrival) => !arrival.refused && arrival.at > at - 1000).length;
		const refused = acceptedInWindow >= this.limit;
		this.arrivals.push({ at, refused, by });
		return refused;
	}

	get refusals(): number {
		return this.arrivals.filter((arrival) => arrival.refused).length;
	}

	/** The most arrivals (accepted or not) within any one second. */
	busiestSecond(by?: string): number {
		const times = this.arrivals.filter((arrival) => by === undefined || arrival.by === by).map((arrival) => arrival.at);
		return busiest(times);
	}
}

/** The most of `times` within any window of `windowMs` (a time leaves the window `windowMs` after it). */
export function busiest(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let index = 0, start = 0; index < sorted.length; index++) {
		while (sorted[start] <= sorted[index] - windowMs) start++;
		most = Math.max(most, index - start + 1);
	}
	return most;
}

/** How one call travels: the time from its turn to its arrival (cold code, a busy machine, the network), and back. */
export interface Trip {
	toServerMs: number;
	backMs: number;
}

export interface CallLog {
	sentAt: number[];
	arrivedAt: number[];
	/** The most calls sent and not yet answered at once. */
	mostInFlight: number;
}

/**
 * `count` calls through `spacer`, all queued at once (as the item loop does), each travelling as `trip(index)`
 * says; a refused call waits the server's Retry-After (1 s) and goes again, as the transport does.
 */
export async function sendCalls(
	clock: VirtualClock,
	spacer: CallSpacer,
	server: ArrivalCounter,
	count: number,
	trip: (index: number, attempt: number) => Trip,
	by = '',
): Promise<CallLog> {
	const log: CallLog = { sentAt: [], arrivedAt: [], mostInFlight: 0 };
	let inFlight = 0;
	const one = async (index: number) => {
		for (let attempt = 1; ; attempt++) {
			const end = await spacer.acquire(30000);
			log.sentAt.push(clock.now());
			inFlight++;
			log.mostInFlight = Math.max(log.mostInFlight, inFlight);
			const { toServerMs, backMs } = trip(index, attempt);
			if (toServerMs > 0) await clock.sleep(toServerMs);
			log.arrivedAt.push(clock.now());
			const refused = server.arrive(clock.now(), by);
			if (backMs > 0) await clock.sleep(backMs);
			inFlight--;
			end(refused ? 'refused' : 'answered');
			if (!refused) return;
			await clock.sleep(1000);
		}
	};
	await Promise.all(Array.from({ length: count }, async (_, index) => await one(index)));
	return log;
}

/** A seeded pseudo-random sequence in [0, 1) (mulberry32): the same "random" lags on every run. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}
