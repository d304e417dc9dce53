/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { CallSpacer } from '../../nodes/shared/throttle';

const wait = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

/** The most of `times` within any one window of `windowMs`. */
function busiest(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let index = 0, start = 0; index < sorted.length; index++) {
		while (sorted[start] <= sorted[index] - windowMs) start++;
		most = Math.max(most, index - start + 1);
	}
	return most;
}

describe('CallSpacer: calls counted when sent', () => {
	it('sends at the rate however slow the answers are: the calls in flight follow rate × latency', async () => {
		const spacer = new CallSpacer(20);
		const sent: number[] = [];
		let inFlight = 0;
		let mostInFlight = 0;
		const call = async () => {
			await spacer.acquire();
			sent.push(Date.now());
			inFlight++;
			mostInFlight = Math.max(mostInFlight, inFlight);
			await wait(500);
			inFlight--;
		};
		await Promise.all(Array.from({ length: 30 }, call));
		// 29 intervals of 1/20 s (plus 3% headroom), not held back by the 500 ms answers.
		const spread = Math.max(...sent) - Math.min(...sent);
		expect(spread).toBeGreaterThanOrEqual(1450);
		expect(spread).toBeLessThan(1900);
		// About 20/s × 0.5 s in flight at once.
		expect(mostInFlight).toBeGreaterThanOrEqual(8);
		expect(mostInFlight).toBeLessThanOrEqual(12);
		expect(busiest(sent)).toBeLessThanOrEqual(20);
	});

	it('never lets more than the rate into a window, even after the event loop was blocked', async () => {
		const spacer = new CallSpacer(10);
		const sent: number[] = [];
		const calls = Array.from({ length: 25 }, async () => {
			await spacer.acquire();
			sent.push(Date.now());
		});
		// Block the loop for 600 ms once the first calls went: several send times pass at once.
		await wait(150);
		const blockedUntil = Date.now() + 600;
		while (Date.now() < blockedUntil) {
			// busy
		}
		await Promise.all(calls);
		expect(sent).toHaveLength(25);
		expect(busiest(sent)).toBeLessThanOrEqual(10);
	});
});

describe('CallSpacer: sharing a key with other processes', () => {
	it('a refusal while others use the key lowers the rate to the share accepted, which then grows back', async () => {
		const spacer = new CallSpacer(30);
		// 6 calls in half a second, then the server refuses one: the key's window is full of others' calls.
		const releases = [];
		for (let index = 0; index < 6; index++) releases.push(await spacer.acquire());
		releases[5](true);
		const slowedAt = Date.now();
		expect(spacer.stats.slowDowns).toBe(1);
		// 5 accepted in the second before, less 5%.
		const slowed = spacer.currentRate(slowedAt);
		expect(slowed).toBeGreaterThanOrEqual(4.5);
		expect(slowed).toBeLessThan(5.5);
		// More refusals from the same window say nothing new.
		(await spacer.acquire())(true);
		expect(spacer.stats.slowDowns).toBe(1);
		// It grows back: +1.5 calls/s after a second, more and more after.
		expect(spacer.currentRate(slowedAt + 1000)).toBeCloseTo(slowed + 1.5, 0);
		expect(spacer.currentRate(slowedAt + 8000)).toBe(30);
	});

	it('a refusal while this process alone filled the window (a late call) leaves the rate as it is', async () => {
		const spacer = new CallSpacer(20);
		let last: (refused?: boolean) => void = () => {};
		for (let index = 0; index < 21; index++) last = await spacer.acquire();
		last(true);
		expect(spacer.stats.refused).toBe(1);
		expect(spacer.stats.slowDowns).toBe(0);
		expect(spacer.currentRate()).toBe(20);
	});
});
