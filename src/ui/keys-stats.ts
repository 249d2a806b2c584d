// The Stats screen's keys (t on home), kept apart so keys.ts stays small. Plain tuples, as
// keys-browser.ts has them: keys.ts turns them into bindings, after every other binding, so
// each screen's bindings keep their order in help.
import type { KeyEntry } from './keys-browser.js';

/** The scope picker (s): every deck, one deck or one objective. */
export const STATS_SCREENS = ['statsScope'] as const;
export const STATS_ACTIONS = [
  'stats',
  'forecastYear',
  'optimize',
  'scope',
  'studyHardest',
] as const;

const PICKER = ['statsScope'];

export const STATS_KEYS: readonly KeyEntry[] = [
  ['stats', ['t'], 't', 'stats', 'statistics and exam history', ['home']],
  ['forecastYear', ['y'], 'y', 'year', 'the forecast over a year, or 30 days', ['stats']],
  ['optimize', ['o'], 'o', 'optimize', 'fit FSRS parameters to your answers', ['stats']],
  ['scope', ['s'], 's', 'scope', 'statistics of every deck, one deck or one objective', ['stats']],
  [
    'studyHardest',
    ['h'],
    'h',
    'study hardest',
    'study the hardest cards listed here, due or not (schedules them as usual)',
    ['stats'],
  ],
  ['up', ['up', 'k'], '↑/k', 'up', 'move up', PICKER],
  ['down', ['down', 'j'], '↓/j', 'down', 'move down', PICKER],
  ['open', ['enter'], 'Enter', 'show', 'show the statistics of the selected scope', PICKER],
  ['quit', ['escape', 'q'], 'Esc/q', 'cancel', 'keep the scope as it was', PICKER],
  ['help', ['?'], '?', 'help', 'show or hide this help', PICKER],
];
