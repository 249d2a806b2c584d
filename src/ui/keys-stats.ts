// The Stats screen's keys (t on home), kept apart so keys.ts stays small. Plain tuples, as
// keys-browser.ts has them: keys.ts turns them into bindings.
import type { KeyEntry } from './keys-browser.js';

export const STATS_ACTIONS = ['stats', 'forecastYear', 'optimize'] as const;

export const STATS_KEYS: readonly KeyEntry[] = [
  ['stats', ['t'], 't', 'stats', 'statistics and exam history', ['home']],
  ['forecastYear', ['y'], 'y', 'year', 'the forecast over a year, or 30 days', ['stats']],
  ['optimize', ['o'], 'o', 'optimize', 'fit FSRS parameters to your answers', ['stats']],
];
