// The queue's view of the collection. A session's "what next" and "how many left" come
// from one incremental QueueIndex per scope, told about each change this session saves, so
// a keypress costs a few heap operations instead of a pass over 100,000 cards. Anything the
// index was not told about (an undo, an exam, a repair, another study day, new settings or
// decks) shows as a version it does not know, and the index is built again.
import { dayStart, studyDay } from '../core/clock.js';
import { customInput } from '../core/custom-study.js';
import { hasDeckLimits } from '../core/deck-limits.js';
import type { Card, LogRecord, Memory } from '../core/model.js';
import type { Scope } from '../core/ports.js';
import { isHidden, type Progress } from '../core/progress.js';
import {
  type Counts,
  counts,
  countsWithin,
  nextCard,
  type QueueInput,
  type Today,
} from '../core/queue.js';
import { QueueIndex } from '../core/queue-index.js';
import type { Scheduler } from '../core/scheduler.js';
import type { Settings } from '../core/settings.js';
import { type DeckIndex, scopeKey } from './deck-index.js';
import { DeckDayTally } from './deck-limits-today.js';

export interface QueueEnv {
  progress: () => Progress;
  /** Goes up with every change to progress. */
  version: () => number;
  settings: () => Settings;
  scheduler: () => Scheduler;
  /**
   * The records that name a study day (or every record: those of other days are left out).
   * Read only for per-deck limits, which need each deck's counts of the day: once per
   * session and study day, answers after that are counted as they are saved.
   */
  dayRecords?: (day: number) => readonly LogRecord[];
}

interface Indexed {
  index: QueueIndex;
  /** Keys hidden on the index's study day, kept current alongside it. */
  hidden: Set<string>;
  /** The progress version the index reflects. */
  version: number;
  decks: number;
  settings: Settings;
}

/** Scopes whose index is kept: a session studies one, the home screen may start another. */
const KEPT_SCOPES = 4;

export class QueueView {
  private indexes = new Map<string, Indexed>();
  /** Each deck's counts of the day, when some deck has its own limits. */
  private readonly tally: DeckDayTally | null;

  constructor(
    private readonly decks: DeckIndex,
    private readonly env: QueueEnv,
  ) {
    const dayRecords = env.dayRecords;
    this.tally = dayRecords ? new DeckDayTally(decks, { ...env, dayRecords }) : null;
  }

  /** Forget every index (settings or decks changed). */
  reset(): void {
    this.indexes = new Map();
  }

  today(now: number): Today {
    const day = studyDay(now, this.env.settings().dayStartsAt);
    const d = this.env.progress().days[day];
    const today: Today = { newDone: d?.newCards ?? 0, reviewsDone: d?.reviewCards ?? 0 };
    if (this.tally && hasDeckLimits(this.env.settings().deckLimits))
      today.byDeck = this.tally.get(day);
    return today;
  }

  /** The input of a full pass over the scope: for the home screen, `status` and day's end. */
  input(scope: Scope, now: number, today = this.today(now)): QueueInput {
    const settings = this.env.settings();
    const p = this.env.progress();
    const day = studyDay(now, settings.dayStartsAt);
    const hidden = hiddenOn(p, day);
    return {
      cards: this.decks.cards(scope),
      memory: (key) => p.cards[key],
      now,
      settings,
      today,
      hidden: (key) => hidden.size > 0 && hidden.has(key),
      introduced: (key) => p.marks[key]?.introduced !== undefined,
      retrievability: this.recallAtDayStart(day),
    };
  }

  counts(scope: Scope, now: number): Counts {
    if (!indexed(scope)) return counts(this.scanInput(scope, now));
    return this.indexFor(scope, now).counts(this.today(now));
  }

  /** The next card, leaving out `skip` (cards left for now in this session). */
  next(scope: Scope, now: number, sinceNew: number, skip?: ReadonlySet<string>): Card | null {
    if (!indexed(scope)) {
      const input = this.scanInput(scope, now);
      const hidden = input.hidden;
      if (skip?.size) input.hidden = (key) => skip.has(key) || hidden?.(key) === true;
      return nextCard(input, sinceNew);
    }
    return this.indexFor(scope, now).plan(now, this.today(now), sinceNew, skip).next;
  }

  /**
   * What the daily limits hold back in this scope: new cards and reviews available today
   * beyond them, once the limit is used up. While the day's limit still has room (a session
   * left early), nothing is held back yet, and the summary must not say the limit was reached.
   */
  beyond(scope: Scope, now: number): { new: number; due: number } {
    const s = this.env.settings();
    const open = { ...s, newPerDay: 9999, reviewsPerDay: 99999, deckLimits: {} };
    let within: Counts;
    let all: Counts;
    if (scope.custom) {
      const input = this.input(scope, now);
      within = counts(input);
      all = counts({ ...input, settings: open });
    } else {
      // The session's own index: what it holds before any limit is kept as it goes.
      const index = this.indexFor(scope, now);
      const today = this.today(now);
      within = index.counts(today);
      all = countsWithin(index.unlimited(), open, today);
    }
    return {
      new: within.new > 0 ? 0 : all.new,
      due: within.due > 0 ? 0 : all.due,
    };
  }

  /** The input of a full scan, through the scope's custom study if it has one. */
  private scanInput(scope: Scope, now: number): QueueInput {
    const input = this.input(scope, now);
    const marks = this.env.progress().marks;
    return scope.custom ? customInput(input, scope.custom, (key) => marks[key]) : input;
  }

  /**
   * This session saved a change to one card, taking progress from `versionBefore` to the
   * current version: indexes that were current move that card and stay current.
   */
  patch(key: string, versionBefore: number): void {
    const version = this.env.version();
    this.tally?.patch(key, versionBefore);
    const marks = this.env.progress().marks[key];
    for (const entry of this.indexes.values()) {
      if (entry.version !== versionBefore) continue;
      if (isHidden(marks, entry.index.day)) entry.hidden.add(key);
      else entry.hidden.delete(key);
      entry.index.update(key);
      entry.version = version;
    }
  }

  private indexFor(scope: Scope, now: number): QueueIndex {
    const key = scope.custom
      ? `${scopeKey(scope)}+${JSON.stringify(scope.custom)}`
      : scopeKey(scope);
    const settings = this.env.settings();
    const hit = this.indexes.get(key);
    if (
      hit &&
      hit.version === this.env.version() &&
      hit.decks === this.decks.version &&
      hit.settings === settings &&
      hit.index.covers(now)
    )
      return hit.index;
    const day = studyDay(now, settings.dayStartsAt);
    const hidden = hiddenOn(this.env.progress(), day);
    const index = this.build(scope, now, this.limitsOf(scope, settings, now), day, hidden);
    this.indexes.delete(key);
    this.indexes.set(key, {
      index,
      hidden,
      version: this.env.version(),
      decks: this.decks.version,
      settings,
    });
    if (this.indexes.size > KEPT_SCOPES) {
      const oldest = this.indexes.keys().next().value;
      if (oldest !== undefined) this.indexes.delete(oldest);
    }
    return index;
  }

  /** The settings a scope is served with: custom study may raise the limits. */
  private limitsOf(scope: Scope, settings: Settings, now: number): Settings {
    if (!scope.custom) return settings;
    // How custom study raises them is custom-study.ts's rule: ask it, with no cards.
    const today = { newDone: 0, reviewsDone: 0 };
    const probe: QueueInput = { cards: [], memory: () => undefined, now, settings, today };
    return customInput(probe, scope.custom, () => undefined).settings;
  }

  private build(
    scope: Scope,
    now: number,
    settings: Settings,
    day: number,
    hidden: ReadonlySet<string>,
  ): QueueIndex {
    const env = this.env;
    return new QueueIndex({
      cards: this.decks.cards(scope),
      memory: (key) => env.progress().cards[key],
      hidden: (key) => hidden.size > 0 && hidden.has(key),
      introduced: (key) => env.progress().marks[key]?.introduced !== undefined,
      card: (key) => this.decks.card(key),
      settings,
      now,
      retrievability: this.recallAtDayStart(day),
    });
  }

  /**
   * Overdue reviews are served least recalled first. Recall is taken at the start of the
   * study day, so each card's figure is computed once when it is bucketed and the order
   * does not drift during the day.
   */
  private recallAtDayStart(day: number): (m: Memory) => number {
    const scheduler = this.env.scheduler();
    const at = dayStart(day, this.env.settings().dayStartsAt);
    return (m) => scheduler.retrievability(m, at);
  }
}

/**
 * Keys hidden on a study day. Few cards are marked: collecting them once is cheaper than
 * probing the marks with 100,000 keys.
 */
function hiddenOn(p: Progress, day: number): Set<string> {
  const hidden = new Set<string>();
  for (const [key, m] of Object.entries(p.marks)) if (isHidden(m, day)) hidden.add(key);
  return hidden;
}

/**
 * Whether the scope's queue is served by an index. "More new cards" only raises the limits,
 * which an index takes as settings; the other kinds of custom study change which cards are
 * in and when they are due as time passes, and are served by the full scan.
 */
function indexed(scope: Scope): boolean {
  return !scope.custom || scope.custom.kind === 'more-new';
}
