// What the browser's actions write: suspend, bury and flag toggle; forget resets the card
// to new (a `forget` mark: the answers stay in the log).
import type { MarkKind } from '../model.js';
import type { CardRow } from './card-row.js';

export type BrowserAction = 'suspend' | 'bury' | 'flag' | 'forget';

export function actionMark(row: CardRow, action: BrowserAction): MarkKind {
  switch (action) {
    case 'suspend':
      return row.suspended ? 'unsuspend' : 'suspend';
    case 'bury':
      return row.buried ? 'unbury' : 'bury';
    case 'flag':
      return row.flagged ? 'unflag' : 'flag';
    case 'forget':
      return 'forget';
  }
}

/** The mark that takes `mark` back (the browser's `u`). */
export function undoMark(mark: MarkKind): MarkKind {
  const opposite: Partial<Record<MarkKind, MarkKind>> = {
    suspend: 'unsuspend',
    unsuspend: 'suspend',
    bury: 'unbury',
    unbury: 'bury',
    flag: 'unflag',
    unflag: 'flag',
    forget: 'unforget',
  };
  const undo = opposite[mark];
  if (!undo) throw new Error(`the browser does not write '${mark}'`);
  return undo;
}

/** The notice after an action: "suspended", "reset to new (its history is kept)". */
export const MARK_DONE: Partial<Record<MarkKind, string>> = {
  suspend: 'suspended',
  unsuspend: 'unsuspended',
  bury: 'buried until tomorrow',
  unbury: 'unburied',
  flag: 'flagged',
  unflag: 'unflagged',
  forget: 'reset to new; its answers stay in the history',
  unforget: 'forget undone: its schedule is back',
};
