// The PUBLITRAC throttle (CallSpacer) against a clock the test drives: exact send times and exact counts of what
// a server sees arrive in any second, however late the calls reach the wire. No wall time is measured here: the
// speed of real runs is `npm run bench`'s business (BENCHMARKS.md).
import { CallSpacer } from '../../nodes/shared/throttle';
import { ArrivalCounter, busiest, seededRandom, sendCalls, VirtualClock, type Trip } from './virtualClock';

const localTrip = (): Trip => ({ toServerMs: 0, backMs: 2 });

describe('CallSpacer on a quiet line', () => {
	it('sends at the rate, evenly: 20/s with 2% headroom is one call every 51 ms, 20 in a second and never 21', async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(20, clock);
		const server = new ArrivalCounter(20);
		const log = await clock.run(sendCalls(clock, spacer, server, 60, localTrip));
		expect(log.sentAt).toEqual(Array.from({ length: 60 }, (_, index) => index * 51));
		expect(server.busiestSecond()).toBe(20);
		expect(server.refusals).toBe(0);
		expect(spacer.stats).toMatchObject({ sent: 60, refused: 0, heldForArrivals: 0 });
	});

	it('does not wait for answers: at 500 ms a round trip, about rate × latency calls are in flight, still 20 a second', async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(20, clock);
		const server = new ArrivalCounter(20);
		const log = await clock.run(sendCalls(clock, spacer, server, 100, () => ({ toServerMs: 250, backMs: 250 })));
		expect(log.mostInFlight).toBe(10);
		expect(server.busiestSecond()).toBe(20);
		expect(server.refusals).toBe(0);
		// The round trips are all alike, so they are the network's: taken off the answer time (less 30 ms for its
		// jitter), each second costs 1000 + 30 ms at most, not 1000 + 500.
		expect(log.sentAt[99]).toBeLessThanOrEqual(Math.ceil((99 / 20) * 1030));
	});

	it('a spacer at 17.5 calls/s puts 17 calls in a second, never 18', async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(17.5, clock);
		const server = new ArrivalCounter();
		await clock.run(sendCalls(clock, spacer, server, 80, localTrip));
		expect(server.busiestSecond()).toBe(17);
	});
});

describe('CallSpacer when calls reach the wire late (counted as the server counts them: on arrival)', () => {
	it("a fresh process's first call 100 ms late, the next ones on time: no call goes while 20 may still arrive within its second", async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(20, clock);
		const server = new ArrivalCounter(20);
		// Call 0 reaches the server at 100 ms and is answered at 102 ms; the others arrive when sent, answered 2 ms later.
		const log = await clock.run(sendCalls(clock, spacer, server, 40, (index) => (index === 0 ? { toServerMs: 100, backMs: 2 } : localTrip())));
		expect(log.sentAt.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, index) => index * 51));
		// At 1020 ms (its spacing), call 20 would share a second with calls 0-19 (call 0 arrived at 100 ms). It waits
		// until a second after the earliest answer among them, call 1's at 53 ms: the server's window then holds
		// call 0 and calls 2-20, 20 calls.
		expect(log.sentAt[20]).toBe(53 + 1000 + 1);
		expect(spacer.stats.heldForArrivals).toBeGreaterThan(0);
		expect(server.busiestSecond()).toBe(20);
		expect(server.refusals).toBe(0);
	});

	it.each([1, 2, 3])('a fresh n8n process on a busy machine (seed %i): calls leave up to 1.4 s late, less and less, answered 5 ms after they arrive: never more than 35 in a second', async (seed) => {
		// What real n8n 2.41 showed on its first execution at load 15: the first calls took 0.7-1.3 s to come back, the
		// next ones less and less, nearly all of it before they reached the server. Those long round trips are not the
		// network's: nothing of them may be taken off the answer times.
		const clock = new VirtualClock();
		const spacer = new CallSpacer(35, clock);
		const server = new ArrivalCounter(35);
		const random = seededRandom(seed);
		const trips = Array.from({ length: 300 }, (_, index) => ({ toServerMs: Math.max(0, 1200 - 12 * index) + Math.floor(random() * 200), backMs: 5 }));
		await clock.run(sendCalls(clock, spacer, server, 300, (index) => trips[index]));
		expect(server.busiestSecond()).toBeLessThanOrEqual(35);
		expect(server.refusals).toBe(0);
	});

	it('the same start without the guard would overfill the window (what the server saw before)', () => {
		// Sends at 51 ms steps, the first arriving 100 ms late: 21 arrivals within a second.
		const arrivals = Array.from({ length: 21 }, (_, index) => (index === 0 ? 100 : index * 51));
		expect(busiest(arrivals)).toBe(21);
	});

	it.each([1, 2, 3, 4, 5])('lag of 0-300 ms on the way out and 0-300 ms back, drawn at random (seed %i): never more than 35 arrivals in a second, 0 × 429', async (seed) => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(35, clock);
		const server = new ArrivalCounter(35);
		const random = seededRandom(seed);
		const trips = Array.from({ length: 300 }, () => ({ toServerMs: Math.floor(random() * 300), backMs: Math.floor(random() * 300) }));
		const log = await clock.run(sendCalls(clock, spacer, server, 300, (index) => trips[index]));
		expect(log.arrivedAt).toHaveLength(300);
		expect(server.busiestSecond()).toBeLessThanOrEqual(35);
		expect(server.refusals).toBe(0);
	});

	it.each([1, 2, 3])('bursts of lag, as under CPU load (seed %i): calls held up to 400 ms then released together, never more than 35 in a second', async (seed) => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(35, clock);
		const server = new ArrivalCounter(35);
		const random = seededRandom(seed);
		// A busy machine delays calls in runs: a stretch of calls that leave late, then a stretch on time.
		const trips = Array.from({ length: 300 }, (_, index) => {
			const busyStretch = Math.floor(index / 20) % 2 === 0;
			return { toServerMs: busyStretch ? Math.floor(400 - (index % 20) * 20 * random()) : 1, backMs: 1 + Math.floor(random() * 5) };
		});
		await clock.run(sendCalls(clock, spacer, server, 300, (index) => trips[index]));
		expect(server.busiestSecond()).toBeLessThanOrEqual(35);
		expect(server.refusals).toBe(0);
	});

	it('the event loop blocked for 600 ms: the send times that passed meanwhile do not go out together beyond the rate', async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(10, clock);
		const server = new ArrivalCounter(10);
		const calls = sendCalls(clock, spacer, server, 25, localTrip);
		const blocked = (async () => {
			await clock.sleep(150);
			clock.block(600);
		})();
		const log = await clock.run(Promise.all([calls, blocked]).then(([sent]) => sent));
		expect(log.sentAt).toHaveLength(25);
		expect(busiest(log.sentAt)).toBeLessThanOrEqual(10);
		expect(server.busiestSecond()).toBeLessThanOrEqual(10);
	});

	it('a call whose end never comes takes a place until a window after its timeout (+1 s), then frees it', async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(2, clock);
		await clock.run(spacer.acquire(3000));
		const sent: number[] = [];
		const others = (async () => {
			for (let index = 0; index < 7; index++) {
				const end = await spacer.acquire(3000);
				sent.push(clock.now());
				end('answered');
			}
		})();
		await clock.run(others);
		// The lost call (sent at 0) may arrive until 4000 ms: until 5001 ms the other calls share one place a window,
		// one call every 1001 ms; then the spacing at 2/s (510 ms) is back.
		expect(sent).toEqual([510, 1511, 2512, 3513, 4514, 5024, 5534]);
	});

	it('a failure without an answer bounds the arrival by when it failed', async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(1, clock);
		const first = await clock.run(spacer.acquire(30000));
		await clock.run(clock.sleep(700));
		first('unanswered');
		await clock.run(spacer.acquire(30000));
		expect(clock.now()).toBe(700 + 1001);
	});
});

describe('CallSpacer sharing a key with other processes (two spacers, one server)', () => {
	it('a refusal while others use the key lowers the rate to the share accepted, holds it 5 s, then grows back', async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(30, clock);
		// 7 calls in 204 ms, then the server refuses the sixth: the key's window is full of others' calls.
		const ends = [];
		for (let index = 0; index < 7; index++) ends.push(await clock.run(spacer.acquire(30000)));
		for (const end of ends.slice(0, 5)) end('answered');
		ends[5]('refused');
		const slowedAt = clock.now();
		expect(spacer.stats.slowDowns).toBe(1);
		// 5 accepted in the second before, less 3%.
		expect(spacer.currentRate(slowedAt)).toBeCloseTo(4.85, 5);
		expect(spacer.currentRate(slowedAt + 5000)).toBeCloseTo(4.85, 5);
		// More refusals of calls sent in the same window say nothing new.
		ends[6]('refused');
		expect(spacer.stats.slowDowns).toBe(1);
		// After the hold it grows back: +1.5 calls/s after a second, more and more after.
		expect(spacer.currentRate(slowedAt + 6000)).toBeCloseTo(4.85 + 1.5, 5);
		expect(spacer.currentRate(slowedAt + 13000)).toBe(30);
	});

	it('a refusal while this process alone filled the window leaves the rate as it is', async () => {
		const clock = new VirtualClock();
		const spacer = new CallSpacer(20, clock);
		const ends = [];
		for (let index = 0; index < 20; index++) ends.push(await clock.run(spacer.acquire(30000)));
		for (const end of ends.slice(0, 19)) end('answered');
		ends[19]('refused');
		expect(spacer.stats).toMatchObject({ refused: 1, slowDowns: 0 });
		expect(spacer.currentRate()).toBe(20);
	});

	it('two processes at 35 on one key of 35: every call accepted in the end, each settles near half, few refusals', async () => {
		const clock = new VirtualClock();
		const server = new ArrivalCounter(35);
		const workers = ['w0', 'w1'].map((name) => ({ name, spacer: new CallSpacer(35, clock) }));
		const logs = await clock.run(Promise.all(workers.map(async ({ name, spacer }) => await sendCalls(clock, spacer, server, 300, () => ({ toServerMs: 1, backMs: 1 }), name))));
		const accepted = server.arrivals.filter((arrival) => !arrival.refused);
		expect(accepted).toHaveLength(600);
		expect(busiest(accepted.map((arrival) => arrival.at))).toBeLessThanOrEqual(35);
		expect(logs.map((log) => log.arrivedAt.length - 300).reduce((a, b) => a + b)).toBe(server.refusals);
		// Each refusal is a call sent again a second later; the hold keeps them to a few per process.
		expect(server.refusals).toBeLessThanOrEqual(15);
		const lastArrival = Math.max(...server.arrivals.map((arrival) => arrival.at));
		expect(lastArrival).toBeLessThanOrEqual(1.1 * (600 / 35) * 1000);
	});

	it.each([1, 2, 3])('two processes with Calls per Second 17 each (35 / 2 rounded down), random lags (seed %i): 0 × 429', async (seed) => {
		const clock = new VirtualClock();
		const server = new ArrivalCounter(35);
		const random = seededRandom(seed);
		const trip = () => ({ toServerMs: Math.floor(random() * 200), backMs: Math.floor(random() * 200) });
		await clock.run(Promise.all(['w0', 'w1'].map(async (name) => await sendCalls(clock, new CallSpacer(17, clock), server, 150, trip, name))));
		expect(server.refusals).toBe(0);
		expect(server.busiestSecond('w0')).toBeLessThanOrEqual(17);
		expect(server.busiestSecond('w1')).toBeLessThanOrEqual(17);
	});
});
