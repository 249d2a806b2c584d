// Small valid log records for store tests, on a fixed clock.
import type { ExamSummary, Grade, Memory, ReviewRecord } from '../../src/core/model.js';
import { markRecord, reviewRecord } from '../../src/core/records.js';

export const T0 = Date.parse('2026-03-02T10:00:00Z');

export function memory(at: number, reps = 1): Memory {
  return {
    phase: 'review',
    due: at + 86_400_000,
    stability: 2.3,
    difficulty: 5.1,
    scheduledDays: 1,
    learningSteps: 0,
    reps,
    lapses: 0,
    lastReview: at,
  };
}

/** The i-th review of a small session: distinct id, card and time. */
export function review(i: number, rating: Grade = 3): ReviewRecord {
  const at = T0 + i * 60_000;
  return reviewRecord({
    id: `dev1-${String(i).padStart(6, '0')}`,
    key: `deck/c${i % 7}`,
    at,
    rating,
    mode: 'study',
    tookMs: 1500,
    before: null,
    after: memory(at),
    day: 100,
  });
}

export function mark(i: number) {
  return markRecord(`dev1-m${i}`, `deck/c${i % 7}`, 'flag', T0 + i * 60_000, 100);
}

export function line(rec: unknown): string {
  return `${JSON.stringify(rec)}\n`;
}

/** A finished mock exam, as the log and the snapshot hold it. */
export function examSummary(id: string, at: number): ExamSummary {
  return {
    id,
    at,
    questions: 4,
    correct: 3,
    scorePercent: 75,
    passPercent: 70,
    passed: true,
    usedMs: 120_000,
    timedOut: false,
    byDeck: { deck: { correct: 3, total: 4, percent: 75 } },
    byTag: {},
    predictedPercent: null,
    scope: { decks: null, tag: null, blueprint: null },
  };
}
