// The vitest config StrykerJS uses (`npm run mutate`): the main config, narrowed to the unit
// tests. UI tests render Ink and e2e tests drive the built CLI in tmux; neither imports the
// mutated sources directly, and both are too slow to run once per mutant.
import type { Plugin } from 'vitest/config';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The Stryker vitest runner forces `pool: 'threads'`. A worker thread gets its own copy of
 * the environment, and Node re-reads the time zone only when the process's real environment
 * changes, so the clock tests that set `process.env.TZ` would silently run in UTC (and the
 * DST test fails the dry run). Put the unit tests back in child processes, as `npm test`
 * runs them.
 */
const forksForTimeZones: Plugin = {
  name: 'hyperrecall:mutate-forks',
  configureVitest({ project }) {
    project.config.pool = 'forks';
  },
};

export default defineConfig({
  ...base,
  plugins: [forksForTimeZones],
  test: {
    ...base.test,
    include: ['tests/unit/**/*.test.ts'],
  },
});
