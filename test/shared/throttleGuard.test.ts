/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { CallSpacer } from '../../nodes/shared/throttle';

describe('CallSpacer.acquire: the window guard', () => {
	it('starts no call until fewer than perSecond calls finished or are in flight within the last second', async () => {
		const spacer = new CallSpacer(3);
		const started: number[] = [];
		const finished: number[] = [];
		const call = async (answerAfterMs: number) => {
			const release = await spacer.acquire();
			started.push(Date.now());
			await new Promise((resolveAnswer) => setTimeout(resolveAnswer, answerAfterMs));
			finished.push(Date.now());
			release();
		};
		// Three calls fill the window: the fourth starts only once the earliest answer is more than a second old,
		// however late those calls may have reached the server.
		await Promise.all([call(400), call(10), call(10), call(10)]);
		expect(started).toHaveLength(4);
		const firstAnswer = Math.min(...finished.slice(0, 3));
		expect(started[3] - firstAnswer).toBeGreaterThanOrEqual(1000);
		// Spacing alone would have started it 3 intervals (about 1 s) after the first start.
		expect(started[3] - started[0]).toBeGreaterThanOrEqual(1010);
	});

	it('leaves a steady stream of fast calls at the spacing rate', async () => {
		const spacer = new CallSpacer(50);
		const started = Date.now();
		for (let index = 0; index < 60; index++) (await spacer.acquire())();
		const elapsed = Date.now() - started;
		// 59 intervals of 1/50 s with 2% headroom, and no extra wait from the guard.
		expect(elapsed).toBeGreaterThanOrEqual(1180);
		expect(elapsed).toBeLessThan(1500);
	});
});
