// Decks plus progress: answers the questions the commands and screens ask, and records
// answers and marks in the store. Implements the UI's StudyPort.

import { deckCards } from '../../core/cards.js';
import { dayStart, nextDayStart, studyDay } from '../../core/clock.js';
import type {
  Card,
  CardMarks,
  Deck,
  Grade,
  LogRecord,
  MarkKind,
  Memory,
  MemoryPhase,
  ReviewRecord,
} from '../../core/model.js';
import type {
  AnswerInput,
  AnswerOutcome,
  CardInfo,
  DayEnd,
  DeckRow,
  HomeData,
  Scope,
  StudyPort,
} from '../../core/ports.js';
import { isHidden, streak } from '../../core/progress.js';
import {
  answeredSiblings,
  type Counts,
  counts,
  countsByDeck,
  nextDueAfter,
  plan,
  type QueueInput,
  type Today,
} from '../../core/queue.js';
import { newMemory, type Outcome, Scheduler } from '../../core/scheduler.js';
import {
  parseSetting,
  resolveSettings,
  type SettingKey,
  type Settings,
} from '../../core/settings.js';
import { computeStats, type Stats } from '../../core/stats.js';
import type { LoadResult } from '../../decks/load.js';
import type { Store } from '../../store/store.js';
import { randomHex } from './ids.js';

export interface StatusJson {
  due: number;
  new: number;
  learning: number;
  overdue: number;
  reviewedToday: number;
  streak: number;
  decks: { id: string; title: string; cards: number; new: number; learning: number; due: number }[];
}

/** What `u` can take back in this session. */
type UndoEntry =
  | { kind: 'answer'; review: ReviewRecord }
  | { kind: 'mark'; key: string; undo: MarkKind };

const LEECH_REPEAT_DIVISOR = 2;

export class Collection implements StudyPort {
  private current!: Settings;
  scheduler!: Scheduler;
  decks: Deck[] = [];
  private cardsByDeck = new Map<string, Card[]>();
  private cardsByKey = new Map<string, Card>();
  private undoStack: UndoEntry[] = [];
  private decksVersion = 0;
  /** Siblings answered today over all decks, kept up to date as this session answers. */
  private answeredToday: { day: number; version: number; decks: number; set: Set<string> } | null =
    null;
  private scopeCards = new Map<string, Card[]>();
  /**
   * Memories lined up with a scope's cards, so a queue pass reads an array instead of
   * looking 100,000 keys up in the store; this session's own answers patch one slot.
   */
  private memoryRows = new Map<
    string,
    {
      version: number;
      rows: (Memory | undefined)[];
      index: Map<string, number> | null;
      cards: Card[];
    }
  >();
  /** The last queue pass: next() and counts() for one card share it. */
  private lastPlan: {
    key: string;
    at: number;
    since: number;
    result: ReturnType<typeof plan>;
  } | null = null;
  private readonly memory = (key: string): Memory | undefined => this.store.progress.cards[key];

  constructor(
    private loaded: LoadResult,
    private readonly store: Store,
    private readonly device: string,
    private readonly reload: () => Promise<LoadResult>,
  ) {
    this.applySettings();
    this.index(loaded);
    // Across a restart, the last answer can still be taken back.
    const last = store.progress.lastAnswer;
    if (last) this.undoStack.push({ kind: 'answer', review: last });
  }

  private applySettings(): void {
    this.lastPlan = null;
    this.current = resolveSettings(this.store.settings);
    this.scheduler = new Scheduler(this.current);
  }

  private index(loaded: LoadResult): void {
    this.loaded = loaded;
    this.decksVersion++;
    this.scopeCards = new Map();
    this.memoryRows = new Map();
    this.decks = loaded.decks.map((d) => d.deck);
    this.cardsByDeck = new Map();
    this.cardsByKey = new Map();
    for (const { deck } of loaded.decks) {
      const cards = deckCards(deck);
      this.cardsByDeck.set(deck.id, cards);
      for (const c of cards) this.cardsByKey.set(c.key, c);
    }
  }

  settings(): Settings {
    return this.current;
  }

  stats(now: number): Stats {
    return computeStats(this.store.progress, now, this.current, (key) => this.cardsByKey.has(key));
  }

  setSetting(key: SettingKey, raw: string): string | null {
    const parsed = parseSetting(key, raw);
    if (!parsed.ok) return parsed.message;
    this.store.setSettings({ ...this.store.settings, [parsed.field]: parsed.value });
    this.applySettings();
    return null;
  }

  cards(scope: Scope): Card[] {
    const key = `${scope.decks?.join(',') ?? '*'}#${scope.tag ?? ''}`;
    const hit = this.scopeCards.get(key);
    if (hit) return hit;
    const ids = scope.decks ?? this.decks.map((d) => d.id);
    const all = ids.flatMap((id) => this.cardsByDeck.get(id) ?? []);
    const cards = scope.tag ? all.filter((c) => c.tags.includes(scope.tag!)) : all;
    this.scopeCards.set(key, cards);
    return cards;
  }

  /**
   * One pass over the cards answers both "what next" and "how many left". A screen asks both
   * within milliseconds, so a pass is reused while nothing changed and less than a second
   * passed: learning cards that fall due in that second simply come one second later.
   */
  private plan(scope: Scope, now: number, sinceNew: number): ReturnType<typeof plan> {
    const key = `${this.store.version}|${this.decksVersion}|${scope.decks?.join(',') ?? '*'}#${scope.tag ?? ''}`;
    const p = this.lastPlan;
    if (p && p.key === key && p.since === sinceNew && now >= p.at && now - p.at < 1000)
      return p.result;
    const result = plan(this.queue(scope, now), sinceNew);
    this.lastPlan = { key, at: now, since: sinceNew, result };
    return result;
  }

  deckTitle(id: string): string {
    return this.decks.find((d) => d.id === id)?.title ?? id;
  }

  card(key: string): Card | null {
    return this.cardsByKey.get(key) ?? null;
  }

  today(now: number): Today {
    const d = this.store.progress.days[studyDay(now, this.current.dayStartsAt)];
    return { newDone: d?.newCards ?? 0, reviewsDone: d?.reviewCards ?? 0 };
  }

  private queue(scope: Scope, now: number, today = this.today(now)): QueueInput {
    const day = studyDay(now, this.current.dayStartsAt);
    const cards = this.store.progress.cards;
    const answered = this.answeredSiblingsToday(day);
    // Few cards are marked: collect the hidden ones once instead of probing every key.
    const hidden = new Set<string>();
    for (const [key, m] of Object.entries(this.store.progress.marks))
      if (isHidden(m, day)) hidden.add(key);
    return {
      cards: this.cards(scope),
      memory: (key) => cards[key],
      memories: this.memoriesFor(scope),
      answeredSiblings: answered,
      now,
      settings: this.current,
      today,
      hidden: (key) => hidden.size > 0 && hidden.has(key),
      // FSRS recall falls as elapsed days / stability grows, so that ratio orders overdue
      // cards exactly as recall does, without a power per card on every keypress.
      retrievability: (m) =>
        m.lastReview === null
          ? 0
          : -Math.floor((now - m.lastReview) / 86_400_000) / Math.max(m.stability, 1e-9),
    };
  }

  private memoriesFor(scope: Scope): (Memory | undefined)[] {
    const key = `${scope.decks?.join(',') ?? '*'}#${scope.tag ?? ''}`;
    const hit = this.memoryRows.get(key);
    if (hit && hit.version === this.store.version) return hit.rows;
    const cards = this.cards(scope);
    const all = this.store.progress.cards;
    const rows = cards.map((c) => all[c.key]);
    // The key -> slot index is built on the first patch: one-shot commands never need it.
    this.memoryRows.set(key, {
      version: this.store.version,
      rows,
      index: hit?.index ?? null,
      cards,
    });
    return rows;
  }

  /** After this session's own answer, bring the lined-up memories up to date in place. */
  private patchMemories(key: string, versionBefore: number): void {
    const memory = this.store.progress.cards[key];
    for (const row of this.memoryRows.values()) {
      if (row.version !== versionBefore) continue;
      row.index ??= new Map(row.cards.map((c, n) => [c.key, n]));
      const i = row.index.get(key);
      if (i !== undefined) row.rows[i] = memory;
      row.version = this.store.version;
    }
  }

  /**
   * A full pass finds today's answered siblings once; after that each answer of this
   * session adds its own, so a keypress does not pay for a second pass over all cards.
   */
  private answeredSiblingsToday(day: number): Set<string> {
    const c = this.answeredToday;
    if (c && c.day === day && c.version === this.store.version && c.decks === this.decksVersion)
      return c.set;
    const start = dayStart(day, this.current.dayStartsAt);
    const cards = this.store.progress.cards;
    const all = this.cards({ decks: null, tag: null });
    const set = answeredSiblings(all, (k) => cards[k], start);
    this.answeredToday = { day, version: this.store.version, decks: this.decksVersion, set };
    return set;
  }

  counts(scope: Scope, now: number): Counts {
    // Counts do not depend on sinceNew: ask with the last pass's, so a recent pass is reused.
    return this.plan(scope, now, this.lastPlan?.since ?? 0).counts;
  }

  next(scope: Scope, now: number, sinceNew: number): Card | null {
    return this.plan(scope, now, sinceNew).next;
  }

  nextDue(scope: Scope, now: number): number | null {
    const input = this.queue(scope, now);
    const scheduled = nextDueAfter(input);
    const hasNew = input.cards.some((c) => (this.memory(c.key)?.phase ?? 'new') === 'new');
    // Unseen cards held back by the daily limit come back when the next study day starts.
    const tomorrow = hasNew ? nextDayStart(now, this.current.dayStartsAt) : null;
    if (scheduled === null) return tomorrow;
    return tomorrow === null ? scheduled : Math.min(scheduled, tomorrow);
  }

  dayEnd(scope: Scope, now: number): DayEnd {
    const start = nextDayStart(now, this.current.dayStartsAt);
    const c = counts(this.queue(scope, start, { newDone: 0, reviewsDone: 0 }));
    return {
      dueTomorrow: c.new + c.learning + c.due,
      streak: streak(this.store.progress.days, studyDay(now, this.current.dayStartsAt)),
    };
  }

  preview(card: Card, now: number): Record<Grade, Outcome> {
    return this.scheduler.preview(this.memory(card.key) ?? newMemory(now), now);
  }

  phase(key: string): MemoryPhase {
    return this.memory(key)?.phase ?? 'new';
  }

  private newId(now: number): string {
    return `${this.device}-${now.toString(36)}-${randomHex(4)}`;
  }

  private mark(key: string, mark: MarkKind, now: number): void {
    const rec: LogRecord = {
      type: 'mark',
      id: this.newId(now),
      at: now,
      key,
      mark,
      day: studyDay(now, this.current.dayStartsAt),
    };
    this.store.append(rec);
  }

  answer({ card, grade, now, tookMs, correct }: AnswerInput): AnswerOutcome {
    const before = this.memory(card.key) ?? null;
    const after = this.scheduler.answer(before ?? newMemory(now), now, grade);
    const rec: ReviewRecord = {
      type: 'review',
      id: this.newId(now),
      key: card.key,
      at: now,
      rating: grade,
      mode: 'study',
      tookMs: Math.max(0, Math.round(tookMs)),
      ...(correct === undefined ? {} : { correct }),
      before,
      after,
      day: studyDay(now, this.current.dayStartsAt),
    };
    const versionBefore = this.store.version;
    this.store.append(rec);
    // Keep the answered-today set current instead of rebuilding it on the next keypress.
    this.patchMemories(card.key, versionBefore);
    const c = this.answeredToday;
    if (c && c.version === versionBefore && c.day === rec.day) {
      c.set.add(card.sibling);
      c.version = this.store.version;
    }
    this.undoStack.push({ kind: 'answer', review: rec });
    return { leech: this.checkLeech(card, before, after, now) };
  }

  /** Anki's rule: a leech at the threshold, and again every half-threshold lapses after. */
  private checkLeech(
    card: Card,
    before: Memory | null,
    after: Memory,
    now: number,
  ): AnswerOutcome['leech'] {
    const threshold = this.current.leechThreshold;
    if (!before || after.lapses <= before.lapses || after.lapses < threshold) return null;
    const every = Math.max(1, Math.ceil(threshold / LEECH_REPEAT_DIVISOR));
    if ((after.lapses - threshold) % every !== 0) return null;
    this.mark(card.key, 'leech', now);
    if (this.current.leechAction === 'suspend') {
      this.mark(card.key, 'suspend', now);
      this.undoStack.push({ kind: 'mark', key: card.key, undo: 'unsuspend' });
    }
    return { lapses: after.lapses, action: this.current.leechAction };
  }

  undo(now: number): Card | null {
    for (;;) {
      const entry = this.undoStack.pop();
      if (!entry) return null;
      if (entry.kind === 'mark') {
        this.mark(entry.key, entry.undo, now);
        const card = this.card(entry.key);
        // An automatic suspend (leech) is undone together with the answer that caused it.
        const prev = this.undoStack.at(-1);
        if (entry.undo === 'unsuspend' && prev?.kind === 'answer' && prev.review.key === entry.key)
          continue;
        if (card) return card;
        continue;
      }
      const rec: LogRecord = { type: 'undo', id: this.newId(now), at: now, review: entry.review };
      this.store.append(rec);
      const card = this.card(entry.review.key);
      if (card) return card;
    }
  }

  bury(card: Card, now: number): void {
    this.mark(card.key, 'bury', now);
    this.undoStack.push({ kind: 'mark', key: card.key, undo: 'unbury' });
  }

  suspend(card: Card, now: number): void {
    this.mark(card.key, 'suspend', now);
    this.undoStack.push({ kind: 'mark', key: card.key, undo: 'unsuspend' });
  }

  unsuspend(key: string, now: number): void {
    this.mark(key, 'unsuspend', now);
  }

  toggleFlag(card: Card, now: number): boolean {
    const flagged = this.marks(card.key).flagged === true;
    this.mark(card.key, flagged ? 'unflag' : 'flag', now);
    return !flagged;
  }

  marks(key: string): CardMarks {
    return this.store.progress.marks[key] ?? {};
  }

  info(card: Card, now: number): CardInfo {
    const m = this.memory(card.key);
    const undone = new Set<string>();
    const reviews: ReviewRecord[] = [];
    for (const r of this.store.readAllRecords()) {
      if (r.type === 'undo' && r.review.key === card.key) undone.add(r.review.id);
      if (r.type === 'review' && r.key === card.key) reviews.push(r);
    }
    return {
      key: card.key,
      phase: m?.phase ?? 'new',
      due: m && m.phase !== 'new' ? m.due : null,
      stability: m?.stability ?? 0,
      difficulty: m?.difficulty ?? 0,
      retrievability: m ? this.scheduler.retrievability(m, now) : 0,
      reps: m?.reps ?? 0,
      lapses: m?.lapses ?? 0,
      marks: this.marks(card.key),
      history: reviews
        .filter((r) => !undone.has(r.id))
        .map((r) => ({ at: r.at, rating: r.rating, mode: r.mode, tookMs: r.tookMs })),
    };
  }

  async reloadDecks(): Promise<string[]> {
    this.index(await this.reload());
    return this.loaded.brokenFiles.map((f) => `${f} has errors (run: hyperrecall lint ${f})`);
  }

  /** Keys with history whose card is no longer in any deck (kept, not shown). */
  orphanKeys(): string[] {
    return Object.keys(this.store.progress.cards)
      .filter((k) => !this.cardsByKey.has(k))
      .sort();
  }

  deckRows(now: number): DeckRow[] {
    return this.deckRowsAndTotals(now).rows;
  }

  private deckRowsAndTotals(now: number): { rows: DeckRow[]; totals: Counts } {
    const { total, byDeck } = countsByDeck(this.queue({ decks: null, tag: null }, now));
    const none: Counts = { new: 0, learning: 0, due: 0, overdue: 0 };
    const rows = this.loaded.decks.map(({ deck, entryCount }) => {
      const kinds: Record<string, number> = { basic: 0, mcq: 0, cloze: 0, typed: 0, terms: 0 };
      for (const e of deck.entries) kinds[e.type] = (kinds[e.type] ?? 0) + 1;
      return {
        id: deck.id,
        title: deck.title,
        file: deck.file,
        entries: entryCount,
        cards: this.cardsByDeck.get(deck.id)?.length ?? 0,
        kinds,
        ...(byDeck.get(deck.id) ?? none),
      };
    });
    return { rows, totals: total };
  }

  home(now: number): HomeData {
    const warnings = [
      ...this.loaded.brokenFiles.map((f) => `${f} has errors (run: hyperrecall lint ${f})`),
      ...this.store.notices,
    ];
    const day = studyDay(now, this.current.dayStartsAt);
    const { rows, totals } = this.deckRowsAndTotals(now);
    return {
      decks: rows,
      totals,
      streak: streak(this.store.progress.days, day),
      reviewedToday: this.store.progress.days[day]?.reviews ?? 0,
      warnings,
    };
  }

  status(now: number): StatusJson {
    const h = this.home(now);
    return {
      due: h.totals.due,
      new: h.totals.new,
      learning: h.totals.learning,
      overdue: h.totals.overdue,
      reviewedToday: h.reviewedToday,
      streak: h.streak,
      decks: h.decks.map((d) => ({
        id: d.id,
        title: d.title,
        cards: d.cards,
        new: d.new,
        learning: d.learning,
        due: d.due,
      })),
    };
  }
}
