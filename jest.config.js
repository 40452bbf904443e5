/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// `.ts` before `.json`: `HighLevelCalendar.node` must resolve to the node, not its codex file.
	moduleFileExtensions: ['ts', 'js', 'json'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	testTimeout: 30000,
	// n8n-core's services (its Logger, reached through a node context's \`logger\`) can leave handles
	// that keep the process alive after the last test; every test awaits its own work, so the run
	// ends when the tests do rather than waiting on n8n's handles.
	forceExit: true,
	globalSetup: '<rootDir>/test/jest/globalSetup.js',
	globalTeardown: '<rootDir>/test/jest/globalTeardown.js',
};
