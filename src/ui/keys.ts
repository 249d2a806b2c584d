// One key table: every binding with its keys, the screens it applies to and a description.
// The help overlay and footers render from it; components match actions, never raw keys.
import type { Keypress } from './keypress/split-keys.js';
import { type BROWSER_ACTIONS, BROWSER_KEYS, BROWSER_SCREENS } from './keys-browser.js';
import { type STATS_ACTIONS, STATS_KEYS, STATS_SCREENS } from './keys-stats.js';

export const SCREENS = [
  'home',
  'flash',
  'choice',
  'typed',
  'answer',
  'summary',
  'settings',
  'exam',
  'examTyped',
  'overview',
  'confirm',
  'results',
  'resume',
  'stats',
  'help',
  'editSetting',
  'tooSmall',
  'leaveCard',
  'saveFailed',
  'examSetup',
  ...BROWSER_SCREENS,
  ...STATS_SCREENS,
] as const;

export type Screen = (typeof SCREENS)[number];

export type Action =
  | (typeof BROWSER_ACTIONS)[number]
  | (typeof STATS_ACTIONS)[number]
  | 'help'
  | 'customNew'
  | 'customAhead'
  | 'customFlagged'
  | 'customLeeches'
  | 'customAll'
  | 'customCram'
  | 'cancelCount'
  | 'eraseDigit'
  | 'quit'
  | 'up'
  | 'down'
  | 'scrollUp'
  | 'scrollDown'
  | 'pageUp'
  | 'pageDown'
  | 'close'
  | 'erase'
  | 'save'
  | 'cancel'
  | 'open'
  | 'studyAll'
  | 'reveal'
  | 'choose'
  | 'toggle'
  | 'submit'
  | 'leaveTyped'
  | 'accept'
  | 'again'
  | 'hard'
  | 'good'
  | 'easy'
  | 'continue'
  | 'undo'
  | 'info'
  | 'edit'
  | 'bury'
  | 'suspend'
  | 'flag'
  | 'settings'
  | 'change'
  | 'reset'
  | 'exam'
  | 'examNext'
  | 'examPrev'
  | 'examFlag'
  | 'examOverview'
  | 'examSubmit'
  | 'examBack'
  | 'yes'
  | 'no'
  | 'mistakes'
  | 'resumeExam'
  | 'discardExam'
  | 'retry'
  | 'startExam';

export interface Binding {
  action: Action;
  keys: string[];
  label: string;
  /** Two words at most, for footers. */
  short: string;
  description: string;
  screens: Screen[];
}

const CARD: Screen[] = ['flash', 'choice', 'answer'];
/** Screens whose content can be taller than the terminal (shown in a Viewport). */
const SCROLLING: Screen[] = [
  'home',
  'flash',
  'choice',
  'typed',
  'answer',
  'settings',
  'exam',
  'examTyped',
  'overview',
  'results',
  'help',
  'stats',
];
/** Where ↑/↓ and j/k scroll because no cursor takes them. */
const SCROLL_JK: Screen[] = ['flash', 'answer', 'exam', 'results', 'help', 'stats'];
/** While typing, letters are text: only the arrows scroll. */
const TYPING: Screen[] = ['typed', 'examTyped'];
/** Where letters are typed into a field. */
const TEXT: Screen[] = ['typed', 'examTyped', 'editSetting', 'examSetup'];

/** Choice letters in the exam, where `f` is the flag key. */
export const EXAM_LETTERS = 'abcdeghi';
/** An exam's screens, where q leaves the exam (saved, the clock stopped) rather than quits. */
const IN_EXAM: Screen[] = ['exam', 'overview'];
const ALL_BUT_TYPED: Screen[] = [
  'home',
  'flash',
  'choice',
  'answer',
  'summary',
  'settings',
  'exam',
  'overview',
  'results',
  'resume',
  'stats',
  'saveFailed',
  'examSetup',
];

function b(
  action: Action,
  keys: string[],
  label: string,
  short: string,
  description: string,
  screens: Screen[],
): Binding {
  return { action, keys, label, short, description, screens };
}

export const BINDINGS: readonly Binding[] = [
  b('help', ['?'], '?', 'help', 'show or hide this help', ALL_BUT_TYPED),
  b(
    'quit',
    ['q'],
    'q',
    'quit',
    'back / quit (progress is saved)',
    ALL_BUT_TYPED.filter((s) => !IN_EXAM.includes(s)),
  ),
  b('quit', ['q'], 'q', 'leave', 'leave the exam; it is saved, x resumes it', IN_EXAM),
  b('up', ['up', 'k'], '↑/k', 'up', 'move up', ['home', 'choice', 'settings', 'overview']),
  b('down', ['down', 'j'], '↓/j', 'down', 'move down', ['home', 'choice', 'settings', 'overview']),
  b('up', ['up'], '↑', 'field', 'the other field', ['examSetup']),
  b('down', ['down', 'tab'], '↓/Tab', 'field', 'the other field', ['examSetup']),
  b('scrollUp', ['up', 'k'], '↑/k', 'scroll', 'scroll up when there is more above', SCROLL_JK),
  b(
    'scrollDown',
    ['down', 'j'],
    '↓/j',
    'scroll',
    'scroll down when there is more below',
    SCROLL_JK,
  ),
  b('scrollUp', ['up'], '↑', 'scroll', 'scroll up when there is more above', TYPING),
  b('scrollDown', ['down'], '↓', 'scroll', 'scroll down when there is more below', TYPING),
  b('pageUp', ['pageup'], 'PgUp', 'page up', 'scroll up one page', SCROLLING),
  b('pageDown', ['pagedown'], 'PgDn', 'page down', 'scroll down one page', SCROLLING),
  b('close', ['escape', 'q', '?'], 'Esc/q/?', 'close', 'close this help (other keys too)', [
    'help',
  ]),
  b('open', ['enter'], 'Enter', 'study', 'study the selected deck', ['home']),
  b('studyAll', ['a'], 'a', 'study all', 'study all decks', ['home']),
  b('settings', [','], ',', 'settings', 'settings', ['home']),
  b('reveal', ['space', 'enter'], 'Space/Enter', 'show answer', 'show the answer', ['flash']),
  b(
    'choose',
    ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    'a-h',
    'choose',
    'choose an answer (toggles in multi-select)',
    ['choice'],
  ),
  b('toggle', ['space'], 'Space', 'toggle', 'select the choice under the cursor', ['choice']),
  b('submit', ['enter'], 'Enter', 'submit', 'submit the answer', ['choice', 'typed']),
  b('leaveTyped', ['escape'], 'Esc', 'leave', 'leave this card (asks first; it stays due)', [
    'typed',
  ]),
  b('yes', ['y'], 'y', 'leave', 'yes, leave this card for now', ['leaveCard']),
  b('no', ['n', 'escape'], 'n/Esc', 'keep typing', 'no, go back to the answer', ['leaveCard']),
  b('retry', ['r'], 'r', 'retry', 'try to save again (after freeing space, say)', ['saveFailed']),
  b('accept', ['enter', 'space'], 'Enter', 'accept', 'accept the suggested grade', ['answer']),
  b('again', ['1'], '1', 'Again', 'grade Again: forgotten', ['answer']),
  b('hard', ['2'], '2', 'Hard', 'grade Hard: recalled with effort, or guessed', ['answer']),
  b('good', ['3'], '3', 'Good', 'grade Good: recalled', ['answer']),
  b('easy', ['4'], '4', 'Easy', 'grade Easy: recalled at once', ['answer']),
  b('undo', ['u'], 'u', 'undo', 'undo the last answer, bury or suspend', [...CARD, 'summary']),
  b('info', ['i'], 'i', 'info', 'card info: state, due, stability, difficulty, history', CARD),
  b('edit', ['e'], 'e', 'edit', 'open the deck file at this card in $EDITOR', ['flash', 'answer']),
  b('bury', ['-'], '-', 'bury', 'bury: hide this card until tomorrow', CARD),
  b('suspend', ['!'], '!', 'suspend', 'suspend: hide this card until unsuspended', CARD),
  b('flag', ['*'], '*', 'flag', 'flag or unflag this card', CARD),
  b(
    'change',
    ['enter', 'space'],
    'Enter/Space',
    'change',
    'change the selected setting (a true/false one flips at once)',
    ['settings'],
  ),
  b('reset', ['r'], 'r', 'reset', 'reset the selected setting to its default', ['settings']),
  b('save', ['enter'], 'Enter', 'save', 'save the value typed', ['editSetting']),
  b('cancel', ['escape'], 'Esc', 'cancel', 'keep the setting as it was', ['editSetting']),
  b('erase', ['backspace'], 'Backspace', 'erase', 'erase the last character typed', TEXT),
  b('quit', ['q'], 'q', 'quit', 'quit (progress is saved)', ['tooSmall']),
  b('continue', ['enter', 'space'], 'Enter', 'continue', 'back to the deck list', ['summary']),
  // Custom study, offered on the summary as Anki's congratulations screen offers it.
  b('customNew', ['n'], 'n', 'more new', 'study N more new cards today (asks N)', ['summary']),
  b('customAhead', ['a'], 'a', 'ahead', 'review ahead: cards due in the next N days', ['summary']),
  b('customFlagged', ['f'], 'f', 'flagged', 'study the flagged cards, due or not', ['summary']),
  b('customLeeches', ['l'], 'l', 'leeches', 'study the leeches, due or not', ['summary']),
  b('customAll', ['e'], 'e', 'every card', 'study every card of these decks, due or not', [
    'summary',
  ]),
  b('customCram', ['c'], 'c', 'cram', 'cram these decks: every card, schedule unchanged', [
    'summary',
  ]),
  b('cancelCount', ['escape'], 'Esc', 'cancel', 'cancel the number being typed', ['summary']),
  b('eraseDigit', ['backspace'], 'Backspace', 'erase', 'erase the last digit typed', ['summary']),
  b('exam', ['x'], 'x', 'exam', 'mock exam over the selected deck (or all)', ['home']),
  // In an exam `f` flags, so the choice letters skip it.
  b(
    'choose',
    [...EXAM_LETTERS],
    'a-e,g-i',
    'choose',
    'choose an answer (toggles in multi-select)',
    ['exam'],
  ),
  b('examNext', ['enter', 'n'], 'Enter/n', 'next', 'next (Enter waits for a pick)', ['exam']),
  b('examNext', ['enter'], 'Enter', 'next', 'next question (keeps what you typed)', ['examTyped']),
  b('examPrev', ['p'], 'p', 'previous', 'previous question', ['exam']),
  b('examFlag', ['f'], 'f', 'flag', 'flag the question for review', ['exam', 'overview']),
  b('examOverview', ['o'], 'o', 'overview', 'overview: answered, unanswered, flagged', ['exam']),
  b('examOverview', ['escape'], 'Esc', 'overview', 'overview (while typing)', ['examTyped']),
  b('examSubmit', ['s'], 's', 'submit', 'submit the exam (asks to confirm)', ['exam', 'overview']),
  b('open', ['enter'], 'Enter', 'open', 'open the selected question', ['overview']),
  b('examBack', ['escape', 'o'], 'Esc/o', 'back', 'back to the question', ['overview']),
  b('yes', ['y'], 'y', 'submit', 'yes, submit now', ['confirm']),
  b('no', ['n', 'escape'], 'n/Esc', 'cancel', 'no, keep working', ['confirm']),
  b('mistakes', ['enter', 'n'], 'Enter/n', 'next', 'review the next mistake', ['results']),
  b('examPrev', ['p'], 'p', 'previous', 'previous mistake', ['results']),
  b('undo', ['u'], 'u', 'undo', 'take back what this exam did to the schedule', ['results']),
  b('startExam', ['enter'], 'Enter', 'start', 'start the exam with these numbers', ['examSetup']),
  b('cancel', ['escape'], 'Esc', 'cancel', 'no exam: back to the deck list', ['examSetup']),
  b('resumeExam', ['r'], 'r', 'resume', 'resume the unfinished exam', ['resume']),
  b('discardExam', ['d'], 'd', 'discard', 'discard it and start a new exam', ['resume']),
  ...[...STATS_KEYS, ...BROWSER_KEYS].map(([a, k, l, sh, d, sc]) =>
    b(a as Action, k, l, sh, d, sc as Screen[]),
  ),
];

export const GLOBAL_KEYS = [{ label: 'Ctrl+C', description: 'quit at once (progress is saved)' }];

/** The action bound to this key on this screen, and for `choose` which letter it was. */
export function actionFor(screen: Screen, key: Keypress): { action: Action; index: number } | null {
  if (key.ctrl || key.meta) return null;
  for (const b of BINDINGS) {
    if (!b.screens.includes(screen)) continue;
    const index = b.keys.indexOf(key.name);
    if (index >= 0) return { action: b.action, index };
  }
  return null;
}

export function hint(screen: Screen, actions: Action[]): string {
  return actions
    .map((a) => BINDINGS.find((b) => b.action === a && b.screens.includes(screen)))
    .filter((b): b is Binding => !!b)
    .map((b) => `${b.label} ${b.short}`)
    .join(' · ');
}
