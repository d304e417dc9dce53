// `npm run test:e2e` (scripts/e2e.sh): the packed package in the real n8n versions of scripts/n8n-versions.sh.
// One file, run in band: every n8n command takes seconds of CPU and the machine may have 2 cores.
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }] },
	moduleFileExtensions: ['ts', 'js', 'json'],
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
};
