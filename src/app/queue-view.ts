// The queue's view of the collection: a scope's cards with their memories lined up beside
// them, today's answered siblings and the hidden cards, and the last queue pass, so a
// keypress does not look 100,000 keys up again. This session's own answers patch one slot.
import { dayStart, studyDay } from '../core/clock.js';
import type { Card, Memory } from '../core/model.js';
import type { Scope } from '../core/ports.js';
import { isHidden, type Progress } from '../core/progress.js';
import { answeredSiblings, plan, type QueueInput, type Today } from '../core/queue.js';
import type { Scheduler } from '../core/scheduler.js';
import type { Settings } from '../core/settings.js';
import { type DeckIndex, scopeKey } from './deck-index.js';

interface Rows {
  version: number;
  rows: (Memory | undefined)[];
  index: Map<string, number> | null;
  cards: Card[];
}

export interface QueueEnv {
  progress: () => Progress;
  /** Goes up with every change to progress. */
  version: () => number;
  settings: () => Settings;
  scheduler: () => Scheduler;
}

export class QueueView {
  private rows = new Map<string, Rows>();
  private answered: { day: number; version: number; decks: number; set: Set<string> } | null = null;
  private last: { key: string; at: number; since: number; result: ReturnType<typeof plan> } | null =
    null;
  private decksVersion = -1;

  constructor(
    private readonly decks: DeckIndex,
    private readonly env: QueueEnv,
  ) {}

  /** Forget everything cached (settings or decks changed). */
  reset(): void {
    this.rows = new Map();
    this.answered = null;
    this.last = null;
    this.decksVersion = this.decks.version;
  }

  today(now: number): Today {
    const d = this.env.progress().days[studyDay(now, this.env.settings().dayStartsAt)];
    return { newDone: d?.newCards ?? 0, reviewsDone: d?.reviewCards ?? 0 };
  }

  input(
    scope: Scope,
    now: number,
    today = this.today(now),
    skip?: ReadonlySet<string>,
  ): QueueInput {
    if (this.decksVersion !== this.decks.version) this.reset();
    const settings = this.env.settings();
    const p = this.env.progress();
    const day = studyDay(now, settings.dayStartsAt);
    // Few cards are marked: collect the hidden ones once instead of probing every key.
    const hidden = new Set<string>(skip);
    for (const [key, m] of Object.entries(p.marks)) if (isHidden(m, day)) hidden.add(key);
    const scheduler = this.env.scheduler();
    return {
      cards: this.decks.cards(scope),
      memory: (key) => p.cards[key],
      memories: this.memoriesFor(scope),
      answeredSiblings: this.answeredToday(day),
      now,
      settings,
      today,
      hidden: (key) => hidden.size > 0 && hidden.has(key),
      retrievability: (m) => scheduler.retrievability(m, now),
    };
  }

  /**
   * One pass over the cards answers both "what next" and "how many left". A screen asks both
   * within milliseconds, so a pass is reused while nothing changed and less than a second
   * passed: learning cards that fall due in that second simply come one second later.
   */
  plan(scope: Scope, now: number, sinceNew: number, skip?: ReadonlySet<string>) {
    const key = `${this.env.version()}|${this.decks.version}|${scopeKey(scope)}|${[...(skip ?? [])].join(',')}`;
    const p = this.last;
    if (p && p.key === key && p.since === sinceNew && now >= p.at && now - p.at < 1000)
      return p.result;
    const result = plan(this.input(scope, now, undefined, skip), sinceNew);
    this.last = { key, at: now, since: sinceNew, result };
    return result;
  }

  /** The sinceNew of the last pass: counts do not depend on it, so that pass can be reused. */
  get lastSinceNew(): number {
    return this.last?.since ?? 0;
  }

  private memoriesFor(scope: Scope): (Memory | undefined)[] {
    const key = scopeKey(scope);
    const hit = this.rows.get(key);
    const version = this.env.version();
    if (hit && hit.version === version) return hit.rows;
    const cards = this.decks.cards(scope);
    const all = this.env.progress().cards;
    const rows = cards.map((c) => all[c.key]);
    // The key -> slot index is built on the first patch: one-shot commands never need it.
    this.rows.set(key, { version, rows, index: hit?.index ?? null, cards });
    return rows;
  }

  /** After this session's own change to one card, bring the lined-up memories up to date. */
  patch(key: string, versionBefore: number, sibling: string | null): void {
    const version = this.env.version();
    const memory = this.env.progress().cards[key];
    for (const row of this.rows.values()) {
      if (row.version !== versionBefore) continue;
      row.index ??= new Map(row.cards.map((c, n) => [c.key, n]));
      const i = row.index.get(key);
      if (i !== undefined) row.rows[i] = memory;
      row.version = version;
    }
    const a = this.answered;
    if (a && a.version === versionBefore) {
      if (sibling !== null) a.set.add(sibling);
      a.version = version;
    }
  }

  /**
   * A full pass finds today's answered siblings once; after that each answer of this
   * session adds its own, so a keypress does not pay for a second pass over all cards.
   */
  private answeredToday(day: number): Set<string> {
    const a = this.answered;
    const version = this.env.version();
    if (a && a.day === day && a.version === version && a.decks === this.decks.version) return a.set;
    const start = dayStart(day, this.env.settings().dayStartsAt);
    const cards = this.env.progress().cards;
    const set = answeredSiblings(
      this.decks.cards({ decks: null, tag: null }),
      (k) => cards[k],
      start,
    );
    this.answered = { day, version, decks: this.decks.version, set };
    return set;
  }
}
