// `npm run bench`: every benchmark, one after the other, each printing its numbers.
import '../../test/engine/setupEnv';

import { fail, print } from './print';
import { benchThrottle } from './throttle';

async function main() {
	const throttle = await benchThrottle();
	print(
		`throttle: ${throttle.calls} calls in ${throttle.wallMs} ms, observed ${throttle.observedRate} calls/s against a 35/s limit, 429s: ${throttle.rateLimited429} (${throttle.withinTarget ? 'within 33-35/s' : 'OUT OF TARGET'})`,
	);
}

main().catch(fail);
