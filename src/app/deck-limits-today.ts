// Each deck's new cards and reviews of the study day, for per-deck limits. The snapshot
// keeps only the day's totals, so the counts are read from the log's records of the day
// once per session and study day; after that a change this session saves moves the day's
// totals in progress, and the card it was about names the deck that moved (an undo moves
// it back; an undo of another day's answer moves today's totals not at all).
import { type DeckToday, deckDayCounts, withDeckDelta } from '../core/deck-limits.js';
import type { LogRecord } from '../core/model.js';
import type { Progress } from '../core/progress.js';
import type { DeckIndex } from './deck-index.js';

export interface TallySource {
  progress: () => Progress;
  /** Goes up with every change to progress. */
  version: () => number;
  /** The records that name a study day (others are left out). */
  dayRecords: (day: number) => readonly LogRecord[];
}

interface Tally {
  day: number;
  /** The progress version and deck index version the counts reflect. */
  version: number;
  decks: number;
  byDeck: ReadonlyMap<string, DeckToday>;
  /** The day's totals in progress when `byDeck` was last brought up to date. */
  totals: DeckToday;
}

export class DeckDayTally {
  private tally: Tally | null = null;

  constructor(
    private readonly decks: DeckIndex,
    private readonly src: TallySource,
  ) {}

  /** Each deck's counts on `day`: read from the log unless kept current since. */
  get(day: number): ReadonlyMap<string, DeckToday> {
    const version = this.src.version();
    const t = this.tally;
    if (t && t.version === version && t.day === day && t.decks === this.decks.version)
      return t.byDeck;
    const totals = this.totals(day);
    // Nothing counted that day in all: no deck has anything either (a deck's count is its
    // answers less their undos, never below zero), so the log need not be read. So it is
    // on the first start of a day, and when a session crosses into the next.
    const none = totals.newDone === 0 && totals.reviewsDone === 0;
    const byDeck = none
      ? new Map<string, DeckToday>()
      : deckDayCounts(this.src.dayRecords(day), day, (key) => this.deckOf(key));
    this.tally = { day, version, decks: this.decks.version, byDeck, totals };
    return byDeck;
  }

  /** This session saved a change to card `key`, taking progress from `versionBefore`. */
  patch(key: string, versionBefore: number): void {
    const t = this.tally;
    if (t?.version !== versionBefore) return;
    const totals = this.totals(t.day);
    const delta: DeckToday = {
      newDone: totals.newDone - t.totals.newDone,
      reviewsDone: totals.reviewsDone - t.totals.reviewsDone,
    };
    if (delta.newDone !== 0 || delta.reviewsDone !== 0)
      t.byDeck = withDeckDelta(t.byDeck, this.deckOf(key), delta);
    t.totals = totals;
    t.version = this.src.version();
  }

  private totals(day: number): DeckToday {
    const d = this.src.progress().days[day];
    return { newDone: d?.newCards ?? 0, reviewsDone: d?.reviewCards ?? 0 };
  }

  private deckOf(key: string): string {
    return this.decks.card(key)?.deckId ?? key.split('/')[0]!;
  }
}
