/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// `.ts` before `.json`: `HighLevelCalendar.node` must resolve to the node, not its codex file.
	moduleFileExtensions: ['ts', 'js', 'json'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	testTimeout: 30000,
	globalSetup: '<rootDir>/test/jest/globalSetup.js',
	globalTeardown: '<rootDir>/test/jest/globalTeardown.js',
};
