// A jest environment for tests that must run in an n8n whose process is in Paris (UTC+1/+2), as many are:
// a date converted through `Date` there shifts to the day before. Chosen per file with the docblock
// `@jest-environment ./test/engine/parisEnvironment.js`. Plain JS: jest loads environments untransformed.
// TZ is set on the worker's real process (a test file only sees a copy of process.env), and restored after.
const { TestEnvironment } = require('jest-environment-node');

class ParisEnvironment extends TestEnvironment {
	async setup() {
		this.previousTimeZone = process.env.TZ;
		process.env.TZ = 'Europe/Paris';
		await super.setup();
	}

	async teardown() {
		if (this.previousTimeZone === undefined) delete process.env.TZ;
		else process.env.TZ = this.previousTimeZone;
		await super.teardown();
	}
}

module.exports = ParisEnvironment;
