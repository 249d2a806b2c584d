// What the UI may ask of the rest of the program. The CLI passes an implementation in,
// so screens never touch the store or the file system themselves.
import type { CustomStudy } from './custom-study.js';
import type { Blueprint, ExamResult, ExamState, ScheduleEffect } from './exam.js';
import type { LabVerdicts } from './exam-score.js';
import type { LabRun } from './lab-spec.js';
import type {
  Card,
  CardMarks,
  ExamSummary,
  Grade,
  MarkKind,
  Memory,
  MemoryPhase,
} from './model.js';
import type { OptimizeResult } from './optimizer/result.js';
import type { Counts } from './queue.js';
import type { ExamDatePlan, Readiness } from './readiness.js';
import type { Outcome } from './scheduler.js';
import type { BrowserAction } from './search/actions.js';
import type { Browsed } from './search/browse.js';
import type { CardRow } from './search/card-row.js';
import type { Column } from './search/columns.js';
import type { SettingKey, Settings } from './settings.js';
import type { Stats, StatsScope } from './stats.js';

export interface DeckRow extends Counts {
  id: string;
  title: string;
  file: string;
  entries: number;
  cards: number;
  kinds: Record<string, number>;
}

export interface HomeData {
  decks: DeckRow[];
  totals: Counts;
  streak: number;
  reviewedToday: number;
  /** One line each: broken deck files, recovered store files. */
  warnings: string[];
}

/** Which cards a session covers: some decks (null: all), optionally only one tag. */
export interface Scope {
  decks: readonly string[] | null;
  tag: string | null;
  /** Custom study (more new cards, reviews ahead, flagged, leeches); absent: the daily queue. */
  custom?: CustomStudy;
}

export const ALL: Scope = { decks: null, tag: null };

export interface AnswerInput {
  card: Card;
  grade: Grade;
  now: number;
  tookMs: number;
  correct?: boolean;
  /** The card's memory when it was shown: the answer is refused if it changed since. */
  shown: Memory | null;
}

export interface AnswerOutcome {
  /** The card just became a leech (and was suspended or tagged). */
  leech: { lapses: number; action: 'suspend' | 'tag' } | null;
  /** Nothing was saved: the card changed after it was shown. */
  modified: boolean;
}

/**
 * What a change that must be saved returns: the value once it is durable, or a one-line
 * message saying why nothing was saved (`lockLost`: another session took over, so this one
 * must stop writing).
 */
/**
 * What undo did: nothing left to take back, the card to show again, or an answer left as it
 * is because its card was answered again since (an exam, another device).
 */
export type UndoOutcome =
  | { kind: 'none' }
  | { kind: 'undone'; card: Card }
  | { kind: 'stale'; key: string };

export type Written<T> = { ok: true; value: T } | { ok: false; error: string; lockLost: boolean };

export interface CardInfo {
  key: string;
  phase: MemoryPhase;
  due: number | null;
  stability: number;
  difficulty: number;
  retrievability: number;
  reps: number;
  lapses: number;
  marks: CardMarks;
  history: { at: number; rating: Grade; mode: string; tookMs: number }[];
}

export interface DayEnd {
  /**
   * Learning and review cards that fall due during the next study day (the forecast's day
   * 1; core/stats/due.ts `tomorrow`).
   */
  dueTomorrow: number;
  /** New cards the next study day introduces within its limits; absent: not known. */
  newTomorrow?: number;
  streak: number;
}

export interface StudyPort {
  home(now: number): HomeData;
  counts(scope: Scope, now: number): Counts;
  /** New cards and reviews available today beyond the daily limits (custom study offers). */
  beyondLimits?(scope: Scope, now: number): { new: number; due: number };
  /** The next card, leaving out `skip` (cards left for now in this session). */
  next(scope: Scope, now: number, sinceNew: number, skip?: ReadonlySet<string>): Card | null;
  deckTitle(id: string): string;
  /** The current version of a card, after decks were reloaded. */
  card(key: string): Card | null;
  preview(card: Card, now: number): Record<Grade, Outcome>;
  phase(key: string): MemoryPhase;
  /** The card's scheduling state now, null for a card never studied. */
  memory(key: string): Memory | null;
  /** Returns once the answer is durable on disk. */
  answer(input: AnswerInput): Written<AnswerOutcome>;
  /** Takes back the last answer (a cram answer too), bury or suspend. */
  undo(now: number): Written<UndoOutcome>;
  /**
   * Begins (or resumes) a cram run: its cards in order (core/cram.ts), less those answered
   * in it and not taken back; `scope.custom` is the cram. From then on `undo` takes back
   * nothing from before the run. Absent: the port cannot cram.
   */
  cramDeck?(scope: Scope, now: number): Card[];
  /** Logs a cram answer (history and today's count only, never the schedule). */
  cramAnswer?(input: AnswerInput): Written<void>;
  bury(card: Card, now: number): Written<void>;
  suspend(card: Card, now: number): Written<void>;
  /** Returns whether the card is flagged afterwards. */
  toggleFlag(card: Card, now: number): Written<boolean>;
  /** Suspended, flagged, leech, buried: for the marks shown beside a card. */
  marks(key: string): CardMarks;
  info(card: Card, now: number): CardInfo;
  /** When the next card of the scope becomes available, or null if none is scheduled. */
  nextDue(scope: Scope, now: number): number | null;
  dayEnd(scope: Scope, now: number): DayEnd;
  /** Re-reads the deck files (after an edit); returns warnings for broken files. */
  reloadDecks(): Promise<string[]>;
  settings(): Settings;
  /** Every statistics series, for all decks or one deck or objective. */
  stats(now: number, scope?: StatsScope): Stats;
  /**
   * Fits FSRS parameters to the review log (`o` on the Stats screen), as `hyperrecall
   * optimize` does: applied only when they predict better. Absent: the port cannot.
   */
  optimize?(now: number, onProgress: (fraction: number) => void): Promise<OptimizeResult>;
  /** Validates and saves one setting; returns an error message or null. */
  setSetting(key: SettingKey, raw: string): string | null;
  /** The card browser (`b`), where the port has one. */
  browser?(): BrowserPort;
}

/** What the browser's undo did: nothing to take back, the mark written, or nothing (stale). */
export type BrowserUndo =
  | { kind: 'none' }
  | { kind: 'undone'; key: string; mark: MarkKind }
  | { kind: 'stale'; key: string };

/** The card browser: a query's rows, and the actions on one card. */
export interface BrowserPort {
  browse(query: string, sort: { column: Column; desc: boolean }, now: number): Browsed;
  card(key: string): Card | null;
  /** Writes the mark the action means for this row (suspend or unsuspend...). */
  act(card: Card, row: CardRow, action: BrowserAction, now: number): Written<MarkKind>;
  /**
   * Takes back this browser's last action (`u`): the opposite mark, or for a forget the
   * memory it took. Stale when a forgotten card was answered since.
   */
  undo?(now: number): Written<BrowserUndo>;
  info(card: Card, now: number): CardInfo;
  reloadDecks(): Promise<string[]>;
}

/** Runs a lab card's command in a sandbox (app/labs); the check decides, see LabRun. */
export interface LabPort {
  run(card: Card, line: string): Promise<LabRun>;
}

export interface ExamOptions {
  scope: Scope;
  questions: number;
  minutes: number;
  passPercent: number;
  blueprint: { name: string; plan: Blueprint } | null;
}

export interface ReadinessView {
  now: Readiness;
  /** With an exam date set: the forecast for that day and the pace needed. */
  examDate: (ExamDatePlan & { date: string }) | null;
}

export interface ExamPort {
  /** The exam quit before submitting, if any. */
  inProgress(): { exam: ExamState; savedAt: number } | null;
  start(opts: ExamOptions, now: number): { exam: ExamState; notes: string[] } | { error: string };
  /** Keeps the exam on disk so quitting never loses it. */
  save(exam: ExamState, now: number): Written<void>;
  discard(): void;
  /**
   * Scores, stores the result and feeds the answers into the schedule. `labs`: the lab
   * questions run at submission (index -> passed); any other lab grades as typed.
   */
  finish(exam: ExamState, now: number, labs?: LabVerdicts): Written<ExamResult>;
  /**
   * Takes back what the last exam finished in this session did to the schedule (lapses,
   * their leech marks, moved-up new cards), except on cards changed since; the score stays.
   * Returns what was taken back.
   */
  undoSchedule(now: number): Written<ScheduleEffect>;
  card(key: string): Card | null;
  readiness(scope: Scope, now: number): ReadinessView;
  history(): ExamSummary[];
  deckTitle(id: string): string;
}
