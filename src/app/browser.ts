// The card browser over a collection: the rows a query finds and the actions on one card.
// Shared by `hyperrecall cards` and the `b` screen.
import type { Card, MarkKind } from '../core/model.js';
import type { Written } from '../core/ports.js';
import { type Browsed, browse } from '../core/search/browse.js';
import type { CardRow } from '../core/search/card-row.js';
import type { Column } from '../core/search/columns.js';
import type { Collection } from './collection.js';

export interface BrowserSort {
  column: Column;
  desc: boolean;
}

export const DEFAULT_SORT: BrowserSort = { column: 'due', desc: false };

export function browseCollection(
  c: Collection,
  query: string,
  sort: BrowserSort,
  now: number,
): Browsed {
  return browse(
    {
      cards: c.cards({ decks: null, tag: null }),
      memory: (key) => c.memory(key),
      marks: (key) => c.store.progress.marks[key],
    },
    query,
    sort,
    {
      now,
      dayStartsAt: c.settings().dayStartsAt,
      recall: (m, at) => c.scheduler.retrievability(m, at),
    },
  );
}

export type BrowserAction = 'suspend' | 'bury' | 'flag' | 'forget';

/** The mark an action writes: each toggles, except forget. */
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

export const MARK_DONE: Partial<Record<MarkKind, string>> = {
  suspend: 'suspended',
  unsuspend: 'unsuspended',
  bury: 'buried until tomorrow',
  unbury: 'unburied',
  flag: 'flagged',
  unflag: 'unflagged',
  forget: 'reset to new (its history is kept)',
};

export function applyAction(
  c: Collection,
  card: Card,
  row: CardRow,
  action: BrowserAction,
  now: number,
): Written<MarkKind> {
  const mark = actionMark(row, action);
  const r = c.markCard(card, mark, now);
  return r.ok ? { ok: true, value: mark } : r;
}
