import { InFlightLimit } from '../../nodes/shared/inFlightLimit';

/** Resolves the microtasks a woken waiter needs to run. */
const settle = async () => {
	for (let turn = 0; turn < 5; turn++) await Promise.resolve();
};

describe('InFlightLimit: calls out at once, halved by a 429, grown back by answers', () => {
	it('lets calls out up to its ceiling, then the next waits for a place, first come first served', async () => {
		const limit = new InFlightLimit(2);
		const first = await limit.acquire();
		await limit.acquire();
		const order: string[] = [];
		void limit.acquire().then(() => order.push('third'));
		void limit.acquire().then(() => order.push('fourth'));
		await settle();
		expect(order).toEqual([]);
		first();
		await settle();
		expect(order).toEqual(['third']);
	});

	it('a refusal halves what was out, once per round: calls sent before the slow-down do not halve it again', async () => {
		const limit = new InFlightLimit(8);
		const releases = await Promise.all(Array.from({ length: 8 }, async () => await limit.acquire()));
		releases[0](true);
		expect(limit.current).toBe(4);
		releases[1](true);
		releases[2](true);
		expect(limit.current).toBe(4);
		expect(limit.stats).toEqual({ refused: 3, slowDowns: 1 });
		// A call sent after the slow-down and refused halves it again.
		for (const release of releases.slice(3)) release();
		const later = await limit.acquire();
		later(true);
		expect(limit.current).toBeLessThan(4);
	});

	it('grows back by half a place per answered call, never above its ceiling', async () => {
		const limit = new InFlightLimit(4);
		const releases = await Promise.all(Array.from({ length: 4 }, async () => await limit.acquire()));
		releases[0](true);
		expect(limit.current).toBe(2);
		for (const release of releases.slice(1)) release();
		expect(limit.current).toBe(3);
		for (let call = 0; call < 10; call++) (await limit.acquire())();
		expect(limit.current).toBe(4);
	});

	it('never falls below one call', async () => {
		const limit = new InFlightLimit(1);
		(await limit.acquire())(true);
		(await limit.acquire())(true);
		expect(limit.current).toBe(1);
	});
});
