// What the UI may ask of the rest of the program. The CLI passes an implementation in,
// so screens never touch the store or the file system themselves.

import type { Card, Grade, MemoryPhase } from './model.js';
import type { Counts } from './queue.js';
import type { Outcome } from './scheduler.js';

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

/** Which decks a session covers; null means all. */
export type Scope = readonly string[] | null;

export interface AnswerInput {
  card: Card;
  grade: Grade;
  now: number;
  tookMs: number;
  correct?: boolean;
}

export interface StudyPort {
  home(now: number): HomeData;
  counts(scope: Scope, now: number): Counts;
  next(scope: Scope, now: number, sinceNew: number): Card | null;
  preview(card: Card, now: number): Record<Grade, Outcome>;
  phase(key: string): MemoryPhase;
  /** Returns once the answer is durable on disk. */
  answer(input: AnswerInput): void;
  /** When the next card of the scope becomes available, or null if none is scheduled. */
  nextDue(scope: Scope, now: number): number | null;
}
