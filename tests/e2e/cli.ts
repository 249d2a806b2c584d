// The built CLI and the environment end-to-end tests run it in.
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');

/** A data directory of its own, the fixture deck only, a fixed clock and time zone. */
export function cliEnv(home: string, now = '2026-03-02T10:00:00Z'): Record<string, string> {
  return {
    HYPERRECALL_HOME: home,
    HYPERRECALL_BUILTIN_DECKS: join(ROOT, 'tests/fixtures/decks'),
    HYPERRECALL_NOW: now,
    HYPERRECALL_DEVICE: 'e2e',
    TZ: 'UTC',
  };
}
