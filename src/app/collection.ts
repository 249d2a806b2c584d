// Decks plus progress: the StudyPort the screens use. It orchestrates: the rules live in
// core (answering, undo, leeches, the queue), persistence in the store.
import { planAnswer } from '../core/answering.js';
import { nextDayStart, studyDay } from '../core/clock.js';
import { cramAnswerRecord } from '../core/cram.js';
import type {
  Card,
  CardMarks,
  Grade,
  LogRecord,
  MarkKind,
  Memory,
  MemoryPhase,
} from '../core/model.js';
import type {
  AnswerInput,
  AnswerOutcome,
  BrowserPort,
  CardInfo,
  DayEnd,
  HomeData,
  Scope,
  StudyPort,
  UndoOutcome,
  Written,
} from '../core/ports.js';
import { type Counts, nextDueAfter, type Today } from '../core/queue.js';
import { type Forgotten, markRecord } from '../core/records.js';
import { newMemory, type Outcome, Scheduler } from '../core/scheduler.js';
import { parseSetting, resolveSettings, type SettingKey, type Settings } from '../core/settings.js';
import type { Stats, StatsScope } from '../core/stats.js';
import { canUndo, lastAnswerUndo, type Undoable, undoKey, undoRecords } from '../core/undo.js';
import type { LoadResult } from '../decks/load.js';
import { readDayRecords } from '../store/day-records.js';
import type { Store } from '../store/store.js';
import { browserPort } from './browser.js';
import { cardInfo } from './card-info.js';
import { cramDeck } from './cram.js';
import { DeckIndex } from './deck-index.js';
import { homeData } from './home.js';
import { recordId } from './ids.js';
import { QueueView } from './queue-view.js';
import { dayEndOf, statsOf } from './stats.js';
import { written } from './written.js';

export class Collection implements StudyPort {
  private current!: Settings;
  scheduler!: Scheduler;
  readonly index: DeckIndex;
  private readonly queue: QueueView;
  private undoStack: Undoable[] = [];

  constructor(
    loaded: LoadResult,
    readonly store: Store,
    private readonly device: string,
    private readonly reload: () => Promise<LoadResult>,
  ) {
    this.index = new DeckIndex(loaded);
    this.queue = new QueueView(this.index, {
      progress: () => store.progress,
      version: () => store.version,
      settings: () => this.current,
      scheduler: () => this.scheduler,
      dayRecords: (day) => readDayRecords(store.dataDir, day),
    });
    this.applySettings();
    // Across a restart, this device's last answer can still be taken back.
    const last = store.progress.lastAnswer;
    if (last) this.undoStack.push(lastAnswerUndo(last, this.current));
  }

  private applySettings(): void {
    this.current = resolveSettings(this.store.settings);
    this.scheduler = new Scheduler(this.current);
    this.queue.reset();
  }

  get decks() {
    return this.index.decks;
  }

  settings(): Settings {
    return this.current;
  }

  stats(now: number, scope?: StatsScope): Stats {
    return statsOf(this, now, scope);
  }

  setSetting(key: SettingKey, raw: string): string | null {
    const parsed = parseSetting(key, raw);
    if (!parsed.ok) return parsed.message;
    const r = written(() =>
      this.store.setSettings({ ...this.store.settings, [parsed.field]: parsed.value }),
    );
    if (!r.ok) return r.error;
    this.applySettings();
    return null;
  }

  cards(scope: Scope): Card[] {
    return this.index.cards(scope);
  }

  deckTitle(id: string): string {
    return this.index.deckTitle(id);
  }

  card(key: string): Card | null {
    return this.index.card(key);
  }

  memory(key: string): Memory | null {
    return this.store.progress.cards[key] ?? null;
  }

  /** New cards and reviews done today (from the log, so a restart does not reset them). */
  today(now: number) {
    return this.queue.today(now);
  }

  counts(scope: Scope, now: number): Counts {
    return this.queue.counts(scope, now);
  }

  next(scope: Scope, now: number, sinceNew: number, skip?: ReadonlySet<string>): Card | null {
    return this.queue.next(scope, now, sinceNew, skip);
  }

  beyondLimits(scope: Scope, now: number) {
    return this.queue.beyond(scope, now);
  }

  nextDue(scope: Scope, now: number): number | null {
    const input = this.queue.input(scope, now);
    const scheduled = nextDueAfter(input);
    const hasNew = input.cards.some((c) => (this.memory(c.key)?.phase ?? 'new') === 'new');
    // Unseen cards held back by the daily limit come back when the next study day starts.
    const tomorrow = hasNew ? nextDayStart(now, this.current.dayStartsAt) : null;
    if (scheduled === null) return tomorrow;
    return tomorrow === null ? scheduled : Math.min(scheduled, tomorrow);
  }

  dayEnd(scope: Scope, now: number): DayEnd {
    return dayEndOf(this, scope, now);
  }

  preview(card: Card, now: number): Record<Grade, Outcome> {
    return this.scheduler.preview(this.memory(card.key) ?? newMemory(now), now, card.key);
  }

  phase(key: string): MemoryPhase {
    return this.memory(key)?.phase ?? 'new';
  }

  private newId = (at: number) => recordId(this.device, at);

  /** Appends records and tells the queue which card changed. */
  private save(records: LogRecord[], key: string): void {
    const before = this.store.version;
    this.store.append(...records);
    this.queue.patch(key, before);
  }

  answer(input: AnswerInput): Written<AnswerOutcome> {
    const { card } = input;
    const at = this.store.recordTime(card.key, input.now);
    const plan = planAnswer(
      {
        card,
        grade: input.grade,
        shown: input.shown,
        current: this.memory(card.key),
        at,
        tookMs: input.tookMs,
        mode: 'study',
        marks: this.marks(card.key),
        ...(input.correct === undefined ? {} : { correct: input.correct }),
      },
      { scheduler: this.scheduler, settings: this.current, newId: () => this.newId(at) },
    );
    if (!plan.ok) return { ok: true, value: { leech: null, modified: true } };
    return written(() => {
      this.save(plan.records, card.key);
      this.undoStack.push(plan.undo);
      return { leech: plan.leech, modified: false };
    });
  }

  cramDeck(scope: Scope): Card[] {
    // From here `u` (in the run, on its summary) never takes back an answer from before it.
    this.undoStack = this.undoStack.filter((e) => e.kind === 'cram');
    return cramDeck(this, this.undoStack, scope);
  }

  cramAnswer(input: AnswerInput): Written<void> {
    const at = this.store.recordTime(input.card.key, input.now);
    const rec = cramAnswerRecord(input, this.newId(at), at, this.current.dayStartsAt);
    return written(() => {
      this.save([rec], input.card.key);
      this.undoStack.push({ kind: 'cram', cram: rec });
    });
  }

  undo(now: number): Written<UndoOutcome> {
    return written((): UndoOutcome => {
      for (;;) {
        const entry = this.undoStack.at(-1);
        if (!entry) return { kind: 'none' };
        const key = undoKey(entry);
        // Restoring the memory from before this answer would wipe out what came after it.
        if (!canUndo(entry, this.store.progress.cards[key] ?? null)) {
          this.undoStack.pop();
          return { kind: 'stale', key };
        }
        const at = this.store.recordTime(key, now);
        this.save(
          undoRecords(entry, at, this.current.dayStartsAt, () => this.newId(at)),
          key,
        );
        this.undoStack.pop();
        const card = this.card(key);
        if (card) return { kind: 'undone', card };
      }
    });
  }

  private mark(card: Card, mark: MarkKind, now: number, was?: Forgotten): void {
    const at = this.store.recordTime(card.key, now);
    const day = studyDay(at, this.current.dayStartsAt);
    this.save([markRecord(this.newId(at), card.key, mark, at, day, was)], card.key);
  }

  bury(card: Card, now: number): Written<void> {
    return written(() => {
      this.mark(card, 'bury', now);
      this.undoStack.push({ kind: 'mark', key: card.key, undo: 'unbury' });
    });
  }

  suspend(card: Card, now: number): Written<void> {
    return written(() => {
      this.mark(card, 'suspend', now);
      this.undoStack.push({ kind: 'mark', key: card.key, undo: 'unsuspend' });
    });
  }

  unsuspend(key: string, now: number): void {
    const at = this.store.recordTime(key, now);
    const day = studyDay(at, this.current.dayStartsAt);
    this.save([markRecord(this.newId(at), key, 'unsuspend', at, day)], key);
  }

  toggleFlag(card: Card, now: number): Written<boolean> {
    return written(() => {
      const flagged = this.marks(card.key).flagged === true;
      this.mark(card, flagged ? 'unflag' : 'flag', now);
      return !flagged;
    });
  }

  /** A mark from the card browser, whose `u` has its own undo stack (app/browser.ts). */
  markCard(card: Card, mark: MarkKind, now: number, was?: Forgotten): Written<void> {
    return written(() => this.mark(card, mark, now, was));
  }

  browser(): BrowserPort {
    return browserPort(this);
  }

  marks(key: string): CardMarks {
    return this.store.progress.marks[key] ?? {};
  }

  info(card: Card, now: number): CardInfo {
    return cardInfo(card.key, this.store, this.scheduler, now);
  }

  async reloadDecks(): Promise<string[]> {
    this.index.reindex(await this.reload());
    return this.index.warnings();
  }

  /** Keys with history whose card is no longer in any deck (kept, not shown). */
  orphanKeys(): string[] {
    return Object.keys(this.store.progress.cards)
      .filter((k) => !this.index.has(k))
      .sort();
  }

  home(now: number): HomeData {
    return homeData(this, now);
  }

  /** Counts for every deck and for all of them, from one queue pass. */
  queueInput(scope: Scope, now: number, today?: Today) {
    return this.queue.input(scope, now, today);
  }
}
