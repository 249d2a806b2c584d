// The card browser over a collection: the rows a query finds and the actions on one card.
// Shared by `hyperrecall cards` and the `b` screen (through BrowserPort). It takes the
// collection's parts it uses rather than the class, so collection.ts can build it.
import type { Card, CardMarks, MarkKind, Memory } from '../core/model.js';
import type { BrowserPort, CardInfo, Written } from '../core/ports.js';
import type { Scheduler } from '../core/scheduler.js';
import { actionMark } from '../core/search/actions.js';
import { type Browsed, browse } from '../core/search/browse.js';
import type { Column } from '../core/search/columns.js';
import type { Settings } from '../core/settings.js';

export interface BrowserSort {
  column: Column;
  desc: boolean;
}

export const DEFAULT_SORT: BrowserSort = { column: 'due', desc: false };

/** What the browser needs of a collection. */
export interface Browsable {
  cards(scope: { decks: null; tag: null }): Card[];
  card(key: string): Card | null;
  memory(key: string): Memory | null;
  marks(key: string): CardMarks;
  settings(): Settings;
  scheduler: Scheduler;
  markCard(card: Card, mark: MarkKind, now: number): Written<void>;
  info(card: Card, now: number): CardInfo;
  reloadDecks(): Promise<string[]>;
}

export function browseCollection(
  c: Browsable,
  query: string,
  sort: BrowserSort,
  now: number,
): Browsed {
  return browse(
    {
      cards: c.cards({ decks: null, tag: null }),
      memory: (key) => c.memory(key),
      marks: (key) => c.marks(key),
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

export function browserPort(c: Browsable): BrowserPort {
  return {
    browse: (query, sort, now) => browseCollection(c, query, sort, now),
    card: (key) => c.card(key),
    act: (card, row, action, now) => {
      const mark = actionMark(row, action);
      const r = c.markCard(card, mark, now);
      return r.ok ? { ok: true, value: mark } : r;
    },
    info: (card, now) => c.info(card, now),
    reloadDecks: () => c.reloadDecks(),
  };
}
