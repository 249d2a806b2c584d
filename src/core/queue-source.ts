// What the queue index reads about a scope: its cards, each card's memory and marks, the
// settings and the study day. The index asks again only for the cards it is told changed.
import type { Card, Memory } from './model.js';
import type { Settings } from './settings.js';

export interface IndexSource {
  /**
   * The scope's cards as DeckIndex lists them: deck by deck, each deck's cards in card order
   * (a deck may come more than once), so the cards of a sibling group sit together.
   */
  cards: readonly Card[];
  /** The current state of a card; read again for each card the index is told changed. */
  memory: (key: string) => Memory | undefined;
  /** Suspended, or buried for the study day being indexed. */
  hidden: (key: string) => boolean;
  /** New cards an exam moved up, served first. */
  introduced?: (key: string) => boolean;
  /** The card a key names: its deck and position find its place without a scan. */
  card: (key: string) => Card | null;
  settings: Settings;
  /** Any instant of the study day to index. */
  now: number;
  /**
   * Recall of an overdue review, or anything ordered like it: asked once per card when it
   * enters the overdue bucket, so it must not depend on the time of the asking (evaluate it
   * at the start of the study day).
   */
  retrievability?: (m: Memory) => number;
}
