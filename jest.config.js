/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // The console runs in the browser (test/console drives it in Chromium); jest does not cover it.
  collectCoverageFrom: ['src/**/*.ts', '!src/console/**', 'nodes/**/*.ts', 'credentials/**/*.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: {
    './src/domain/': { lines: 90 },
  },
  testTimeout: 60000,
};
