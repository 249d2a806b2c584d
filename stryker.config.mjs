// Mutation testing: `npm run mutate` (see TESTING.md). Not part of `npm test` or CI: a full
// run takes minutes on two cores, and the score is a measurement, not a gate.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  mutate: ['src/core/**/*.ts', 'src/store/**/*.ts'],
  // Each mutant runs only the tests that executed its code in the dry run.
  coverageAnalysis: 'perTest',
  // One worker per core of the 2-core machine; `npm run mutate -- --concurrency 1` leaves a
  // core free for others.
  concurrency: 2,
  // Generous: a mutant that only looks slow because the machine is busy must not be scored
  // as a timeout. Real infinite loops are cut short by Stryker's hit counter anyway.
  timeoutMS: 15000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 10,
  // Reruns test only mutants whose source or covering tests changed; `--force` redoes all.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The sandbox copy needs the sources, the unit tests and what they read; leaving out the
  // UI and e2e tests also keeps a copy of a busy checkout from catching half-written files.
  ignorePatterns: ['dist', 'coverage', 'reports', '.stryker-tmp', 'docs', 'tests/ui', 'tests/e2e'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // No thresholds.break: a low score is reported, never a failed command.
  thresholds: { high: 85, low: 80, break: null },
};
