/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	setupFiles: ['<rootDir>/test/engine/setupEnv.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }] },
	moduleFileExtensions: ['ts', 'js', 'json'],
	testTimeout: 60000,
	maxWorkers: 2,
	// No test leaves a handle open (checked file by file), and at jest's end message a worker holds nothing but its
	// stdout and stderr. It then exits within milliseconds, but on a loaded 2-core machine it was seen to take 642 ms
	// to get there, past jest's default 500 ms, which jest reports as "A worker process has failed to exit gracefully".
	workerGracefulExitTimeout: 5000,
};
