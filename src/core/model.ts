// Domain types shared by every layer. This module imports nothing but more of them.
import type { LabSpec } from './lab-spec.js';
import type { SettingRecord } from './setting-record.js';

export type { LabEnv, LabSpec } from './lab-spec.js';

export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = [1, 2, 3, 4];
export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export type EntryKind = 'basic' | 'mcq' | 'cloze' | 'typed' | 'terms' | 'lab';

export type MatchMode = 'text' | 'exact' | 'command';

export interface Choice {
  text: string;
  correct: boolean;
  why?: string;
}

/** Where an entry sits in its source file, for error messages and `e`dit. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

interface EntryBase {
  id: string;
  ref?: string;
  tags: string[];
  explanation?: string;
  pos: SourcePos;
}

export interface BasicEntry extends EntryBase {
  type: 'basic';
  front: string;
  back: string;
  reverse: boolean;
}
export interface McqEntry extends EntryBase {
  type: 'mcq';
  question: string;
  choices: Choice[];
}
export interface ClozeEntry extends EntryBase {
  type: 'cloze';
  text: string;
}
export interface TypedEntry extends EntryBase {
  type: 'typed';
  prompt: string;
  answer: string;
  accept: string[];
  match: MatchMode;
}
export interface TermPair {
  term: string;
  definition: string;
}
export interface TermsEntry extends EntryBase {
  type: 'terms';
  prompt: string;
  terms: TermPair[];
}
export interface LabEntry extends EntryBase, LabSpec {
  type: 'lab';
}
export type Entry = BasicEntry | McqEntry | ClozeEntry | TypedEntry | TermsEntry | LabEntry;

export interface Deck {
  id: string;
  title: string;
  description?: string;
  source?: string;
  tags: string[];
  file: string;
  entries: Entry[];
}

/** What the learner is shown. One entry yields one or more of these. */
export type CardFace =
  | { kind: 'flash'; front: string; back: string }
  | { kind: 'cloze'; text: string; number: number }
  | { kind: 'mcq'; question: string; choices: Choice[]; multi: boolean }
  | { kind: 'typed'; prompt: string; answer: string; accept: string[]; match: MatchMode }
  | ({ kind: 'lab' } & LabSpec);

export interface Card {
  /** `deckId/entryId` plus a suffix for derived cards; progress is keyed by it. */
  key: string;
  deckId: string;
  entryId: string;
  entryKind: EntryKind;
  /** Cards with the same sibling key ask about the same fact and are buried together. */
  sibling: string;
  face: CardFace;
  explanation?: string;
  ref?: string;
  tags: string[];
  pos: SourcePos;
  /** Position in deck order, for introducing new cards in the author's order. */
  ordinal: number;
}

export type MemoryPhase = 'new' | 'learning' | 'review' | 'relearning';

/** A card's scheduling state; times are epoch milliseconds. */
export interface Memory {
  phase: MemoryPhase;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

export type ReviewMode = 'study' | 'exam';

/** One line of the append-only review log: the source of truth. */
export interface ReviewRecord {
  type: 'review';
  /** Globally unique: device id, time and a random part. */
  id: string;
  key: string;
  at: number;
  rating: Grade;
  mode: ReviewMode;
  /** How long the learner took, ms. */
  tookMs: number;
  /** Whether the trainer judged the answer right (mcq, typed); absent when self-graded. */
  correct?: boolean;
  /**
   * Exam answers only: whether the answer changed the card's memory. `false` is a
   * measurement alone: it changes no memory and no daily count. Absent in logs written
   * before it existed, where every exam answer fed the schedule.
   */
  fed?: boolean;
  before: Memory | null;
  after: Memory;
  /** Study day number of `at`, so daily counts never depend on the reader's settings. */
  day: number;
}

/** Takes back one answer: the card returns to the memory it had before it. */
export interface UndoRecord {
  type: 'undo';
  id: string;
  at: number;
  review: ReviewRecord;
}

export type MarkKind =
  | 'suspend'
  | 'unsuspend'
  | 'bury'
  | 'unbury'
  | 'flag'
  | 'unflag'
  | 'leech'
  /** Undo of an answer that made the card a leech. */
  | 'unleech'
  /** A never-studied card missed in an exam: it is introduced before other new cards. */
  | 'introduce'
  | 'unintroduce'
  /** Back to new (the browser's forget): the memory goes, the history and other marks stay. */
  | 'forget'
  /** Undo of a forget: the record carries the memory (and exam introduction) it took. */
  | 'unforget'
  /**
   * New FSRS weights (`optimize`): the record carries the card's memory recomputed with them
   * from its answers (Anki recomputes memory states when the parameters change); applied
   * only while the card has not been answered since.
   */
  | 'refit';

/** A change to how a card is shown, not to its memory. */
export interface MarkRecord {
  type: 'mark';
  id: string;
  at: number;
  key: string;
  mark: MarkKind;
  /** Study day of `at`; a bury lasts until this day ends. */
  day: number;
  /**
   * `unforget`: the memory the forget took away, put back if the card is still new.
   * `refit`: the memory recomputed with new weights.
   */
  memory?: Memory;
  /** `unforget` only: the exam introduction the forget took away, if there was one. */
  introduced?: number;
}

export interface Tally {
  correct: number;
  total: number;
  percent: number;
}

/** One exam question's forecast beside its outcome, for calibration. */
export interface QuestionPrediction {
  key: string;
  /** Predicted chance of a right answer, 0..1. */
  p: number;
  correct: boolean;
}

/** A finished mock exam, as kept in history. */
export interface ExamSummary {
  id: string;
  at: number;
  questions: number;
  correct: number;
  scorePercent: number;
  passPercent: number;
  passed: boolean;
  usedMs: number;
  timedOut: boolean;
  byDeck: Record<string, Tally>;
  byTag: Record<string, Tally>;
  /**
   * The readiness forecast for these questions at the exam's start, 0..100: the expected
   * share answered right (recall, else a guess). Exams before issue 9 stored mean recall.
   */
  predictedPercent: number | null;
  /**
   * Per question, in exam order: the predicted chance of a right answer and whether it was
   * right (an unanswered question is wrong). Absent in exams recorded before it was kept.
   */
  predictions?: QuestionPrediction[];
  scope: { decks: string[] | null; tag: string | null; blueprint: string | null };
}

export interface ExamRecord {
  type: 'exam';
  id: string;
  at: number;
  summary: ExamSummary;
}

/**
 * One answer in a cram session (Anki: a filtered deck with "Reschedule cards based on my
 * answers" off). The card's history and the day's answer count keep it; the schedule never
 * sees it: no memory, due date, lapse, leech mark or daily limit changes. The optimizer and
 * true retention leave it out (Anki leaves out filtered reviews made without rescheduling).
 * Deliberately its own record type, not a review mode: code that reads `type: 'review'`
 * records cannot take it for a scheduling answer by mistake. See `isCramRecord`.
 */
export interface CramRecord {
  type: 'cram';
  id: string;
  key: string;
  at: number;
  rating: Grade;
  /** How long the learner took, ms. */
  tookMs: number;
  /** Whether the trainer judged the answer right (mcq, typed); absent when self-graded. */
  correct?: boolean;
  /** Study day number of `at`. */
  day: number;
}

/** Takes back one cram answer (`u` in a cram session): it leaves the day's count. */
export interface CramUndoRecord {
  type: 'cram-undo';
  id: string;
  at: number;
  /** The card of `cram`, repeated so every card record has its key at the top. */
  key: string;
  cram: CramRecord;
}

export type LogRecord =
  | ReviewRecord
  | UndoRecord
  | MarkRecord
  | ExamRecord
  | CramRecord
  | CramUndoRecord
  | SettingRecord;

export interface CardMarks {
  suspended?: boolean;
  flagged?: boolean;
  leech?: boolean;
  /** When an exam moved this new card to the front of the new queue. */
  introduced?: number;
  /** Hidden until this study day is over. */
  buriedDay?: number;
}
