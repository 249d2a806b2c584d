// The card browser over a collection: the rows a query finds and the actions on one card.
// Shared by `hyperrecall cards` and the `b` screen (through BrowserPort). It takes the
// collection's parts it uses rather than the class, so collection.ts can build it.
import type { Card, CardMarks, MarkKind, Memory } from '../core/model.js';
import type { BrowserPort, BrowserUndo, CardInfo, Written } from '../core/ports.js';
import type { Forgotten } from '../core/records.js';
import type { Scheduler } from '../core/scheduler.js';
import { actionMark, undoMark } from '../core/search/actions.js';
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
  markCard(card: Card, mark: MarkKind, now: number, was?: Forgotten): Written<void>;
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

/** One browser action to take back: the mark that does it, and what a forget took. */
interface Taken {
  key: string;
  undo: MarkKind;
  was?: Forgotten;
}

/** Writes the mark that takes `t` back; a forgotten card answered since stays as it is. */
function takeBack(c: Browsable, t: Taken, now: number): Written<BrowserUndo> {
  const card = c.card(t.key);
  if (!card) return { ok: true, value: { kind: 'stale', key: t.key } };
  if (t.undo === 'unforget' && c.memory(t.key) !== null)
    return { ok: true, value: { kind: 'stale', key: t.key } };
  const r = c.markCard(card, t.undo, now, t.was);
  return r.ok ? { ok: true, value: { kind: 'undone', key: t.key, mark: t.undo } } : r;
}

export function browserPort(c: Browsable): BrowserPort {
  // This screen's actions, newest last: `u` takes them back one by one, as study's does.
  const taken: Taken[] = [];
  return {
    browse: (query, sort, now) => browseCollection(c, query, sort, now),
    card: (key) => c.card(key),
    act: (card, row, action, now) => {
      const mark = actionMark(row, action);
      const memory = c.memory(card.key);
      const introduced = c.marks(card.key).introduced;
      const r = c.markCard(card, mark, now);
      if (!r.ok) return r;
      const was: Forgotten | undefined =
        mark === 'forget' && memory
          ? { memory, ...(introduced === undefined ? {} : { introduced }) }
          : undefined;
      taken.push({ key: card.key, undo: undoMark(mark), ...(was ? { was } : {}) });
      return { ok: true, value: mark };
    },
    undo: (now) => {
      const last = taken.at(-1);
      if (!last) return { ok: true, value: { kind: 'none' } };
      const r = takeBack(c, last, now);
      // A failed write keeps the entry, so `u` can try again.
      if (r.ok) taken.pop();
      return r;
    },
    info: (card, now) => c.info(card, now),
    reloadDecks: () => c.reloadDecks(),
  };
}
