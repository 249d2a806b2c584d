// The card browser's keys (b on home), kept apart so keys.ts stays small. Plain tuples:
// keys.ts turns them into bindings, and importing keys.ts here would make a cycle. The UI
// tests of the browser press every one of them.

export const BROWSER_SCREENS = ['browser', 'browserQuery', 'confirmForget'] as const;
export const BROWSER_ACTIONS = ['browse', 'query', 'sort', 'reverse', 'forget'] as const;

/** action, keys, label, short, description, screens: as keys.ts's b(). */
export type KeyEntry = [string, string[], string, string, string, string[]];

const LIST = ['browser'];

export const BROWSER_KEYS: readonly KeyEntry[] = [
  ['browse', ['b'], 'b', 'browse', 'browse and search all cards', ['home']],
  ['up', ['up', 'k'], '↑/k', 'up', 'move up', LIST],
  ['down', ['down', 'j'], '↓/j', 'down', 'move down', LIST],
  ['pageUp', ['pageup'], 'PgUp', 'page up', 'up one page', LIST],
  ['pageDown', ['pagedown'], 'PgDn', 'page down', 'down one page', LIST],
  ['query', ['/'], '/', 'search', 'edit the search (deck: tag: is: prop: words - or)', LIST],
  ['sort', ['s'], 's', 'sort', 'sort by the next column', LIST],
  ['reverse', ['r'], 'r', 'reverse', 'reverse the sort order', LIST],
  ['suspend', ['!'], '!', 'suspend', 'suspend or unsuspend the selected card', LIST],
  ['bury', ['-'], '-', 'bury', 'bury until tomorrow, or unbury', LIST],
  ['flag', ['*'], '*', 'flag', 'flag or unflag the selected card', LIST],
  ['forget', ['F'], 'F', 'forget', 'forget: reset to new, keeping its history (asks)', LIST],
  ['undo', ['u'], 'u', 'undo', 'undo the last suspend, bury, flag or forget here', LIST],
  ['edit', ['e'], 'e', 'edit', 'open the deck file at this card in $EDITOR', LIST],
  ['info', ['i'], 'i', 'info', 'card info: state, due, stability, difficulty, history', LIST],
  ['help', ['?'], '?', 'help', 'show or hide this help', LIST],
  ['quit', ['q', 'escape'], 'q/Esc', 'back', 'back to the deck list', LIST],
  ['save', ['enter'], 'Enter', 'search', 'search with what is typed', ['browserQuery']],
  ['cancel', ['escape'], 'Esc', 'cancel', 'keep the search as it was', ['browserQuery']],
  ['erase', ['backspace'], 'Backspace', 'erase', 'erase the last character', ['browserQuery']],
  ['yes', ['y'], 'y', 'forget', 'yes, reset the card to new', ['confirmForget']],
  ['no', ['n', 'escape'], 'n/Esc', 'keep', 'no, keep the card as it is', ['confirmForget']],
];
