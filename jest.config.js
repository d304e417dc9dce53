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
	// No test leaves a handle open (checked file by file), and each worker exits within milliseconds of jest's
	// end message. On a loaded machine jest's own process can be busy for longer than its 500 ms grace timer
	// right then, and reported "A worker process has failed to exit gracefully" for workers already gone.
	workerGracefulExitTimeout: 5000,
};
