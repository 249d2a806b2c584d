// One key table: every binding with its keys, the screens it applies to and a description.
// The help overlay and footers render from it; components match actions, never raw keys.
import type { Key } from 'ink';

export type Screen = 'home' | 'flash' | 'choice' | 'typed' | 'answer' | 'summary';

export type Action =
  | 'help'
  | 'quit'
  | 'up'
  | 'down'
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
  | 'continue';

export interface Binding {
  action: Action;
  keys: string[];
  label: string;
  /** Two words at most, for footers. */
  short: string;
  description: string;
  screens: Screen[];
}

export const BINDINGS: readonly Binding[] = [
  {
    action: 'help',
    keys: ['?'],
    label: '?',
    short: 'help',
    description: 'show or hide this help',
    screens: ['home', 'flash', 'choice', 'answer', 'summary'],
  },
  {
    action: 'quit',
    keys: ['q'],
    label: 'q',
    short: 'quit',
    description: 'back / quit (progress is saved)',
    screens: ['home', 'flash', 'choice', 'answer', 'summary'],
  },
  {
    action: 'up',
    keys: ['up', 'k'],
    label: '↑/k',
    short: 'up',
    description: 'move up',
    screens: ['home', 'choice'],
  },
  {
    action: 'down',
    keys: ['down', 'j'],
    label: '↓/j',
    short: 'down',
    description: 'move down',
    screens: ['home', 'choice'],
  },
  {
    action: 'open',
    keys: ['enter'],
    label: 'Enter',
    short: 'study',
    description: 'study the selected deck',
    screens: ['home'],
  },
  {
    action: 'studyAll',
    keys: ['a'],
    label: 'a',
    short: 'study all',
    description: 'study all decks',
    screens: ['home'],
  },
  {
    action: 'reveal',
    keys: ['space', 'enter'],
    label: 'Space/Enter',
    short: 'show answer',
    description: 'show the answer',
    screens: ['flash'],
  },
  {
    action: 'choose',
    keys: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
    label: 'a-h',
    short: 'choose',
    description: 'choose an answer (toggles in multi-select)',
    screens: ['choice'],
  },
  {
    action: 'toggle',
    keys: ['space'],
    label: 'Space',
    short: 'toggle',
    description: 'select the choice under the cursor',
    screens: ['choice'],
  },
  {
    action: 'submit',
    keys: ['enter'],
    label: 'Enter',
    short: 'submit',
    description: 'submit the answer',
    screens: ['choice', 'typed'],
  },
  {
    action: 'leaveTyped',
    keys: ['escape'],
    label: 'Esc',
    short: 'leave',
    description: 'leave the session (while typing)',
    screens: ['typed'],
  },
  {
    action: 'accept',
    keys: ['enter', 'space'],
    label: 'Enter',
    short: 'accept',
    description: 'accept the suggested grade',
    screens: ['answer'],
  },
  {
    action: 'again',
    keys: ['1'],
    label: '1',
    short: 'Again',
    description: 'grade Again: forgotten',
    screens: ['answer'],
  },
  {
    action: 'hard',
    keys: ['2'],
    label: '2',
    short: 'Hard',
    description: 'grade Hard: recalled with difficulty, or guessed',
    screens: ['answer'],
  },
  {
    action: 'good',
    keys: ['3'],
    label: '3',
    short: 'Good',
    description: 'grade Good: recalled',
    screens: ['answer'],
  },
  {
    action: 'easy',
    keys: ['4'],
    label: '4',
    short: 'Easy',
    description: 'grade Easy: recalled at once',
    screens: ['answer'],
  },
  {
    action: 'continue',
    keys: ['enter', 'space'],
    label: 'Enter',
    short: 'continue',
    description: 'back to the deck list',
    screens: ['summary'],
  },
];

export const GLOBAL_KEYS = [{ label: 'Ctrl+C', description: 'quit at once (progress is saved)' }];

function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.backspace || key.delete) return 'backspace';
  if (input === ' ') return 'space';
  return input;
}

/** The action bound to this key on this screen, and for `choose` which letter it was. */
export function actionFor(
  screen: Screen,
  input: string,
  key: Key,
): { action: Action; index: number } | null {
  if (key.ctrl || key.meta) return null;
  const name = keyName(input, key);
  for (const b of BINDINGS) {
    if (!b.screens.includes(screen)) continue;
    const index = b.keys.indexOf(name);
    if (index >= 0) return { action: b.action, index };
  }
  return null;
}

export function bindingsFor(screen: Screen): Binding[] {
  return BINDINGS.filter((b) => b.screens.includes(screen));
}

export function hint(screen: Screen, actions: Action[]): string {
  return actions
    .map((a) => BINDINGS.find((b) => b.action === a && b.screens.includes(screen)))
    .filter((b): b is Binding => !!b)
    .map((b) => `${b.label} ${b.short}`)
    .join(' · ');
}
