// Scoring a submitted exam, with per-deck and per-objective breakdowns.

import { type ExamAnswer, type ExamState, isAnswered, usedMs } from './exam-state.js';
import { gradeChoices, gradeTyped } from './grading.js';
import type { Card, ExamSummary, Tally } from './model.js';

export interface QuestionResult {
  key: string;
  correct: boolean;
  /** The answer given; for multiple choice, indexes into the card's own choice list. */
  answer: ExamAnswer;
  answered: boolean;
  /** When the answer last changed (the submit time for exams saved before this was kept). */
  answeredAt: number | null;
  /** Time the question was on screen, ms. */
  tookMs: number;
  /** The order the exam showed the choices in: order[shown] = index in the card's list. */
  order?: readonly number[];
}

/** What the exam did to the schedule, counted as its records were made. */
export interface ScheduleEffect {
  /** Review cards a wrong answer sent back to relearning (a lapse). */
  relearning: number;
  /** Cards still on their (re)learning steps a wrong answer sent back to the first step. */
  restarted: number;
  /** Never-studied cards a wrong answer moved to the front of the new queue. */
  movedUp: number;
  /** Cards those lapses made leeches. */
  leeches: number;
}

export interface ExamResult extends ExamSummary {
  results: QuestionResult[];
  /** Set once the result is in the log. */
  schedule?: ScheduleEffect;
}

/**
 * Whether an answer is right. A lab question is right when its run passed (`labPassed`,
 * from running it at submission); without a run it is graded as a typed command.
 */
export function isRight(
  card: Card,
  answer: ExamAnswer,
  order: readonly number[],
  labPassed?: boolean,
): boolean {
  if (!isAnswered(answer)) return false;
  const face = card.face;
  if (face.kind === 'mcq' && Array.isArray(answer))
    return gradeChoices(
      face.choices,
      answer.map((d) => order[d]!),
    );
  if (face.kind === 'typed' && typeof answer === 'string')
    return gradeTyped(answer, face.answer, face.accept, face.match).correct;
  if (face.kind === 'lab' && typeof answer === 'string')
    return labPassed ?? gradeTyped(answer, face.answer, face.accept, 'command').correct;
  return false;
}

function tally(map: Record<string, Tally>, key: string, ok: boolean): void {
  const t = map[key] ?? { correct: 0, total: 0, percent: 0 };
  t.total++;
  if (ok) t.correct++;
  t.percent = Math.round((100 * t.correct) / t.total);
  map[key] = t;
}

/** Objective tags look like `lpic3-351.4`; other tags are not broken down. */
export const OBJECTIVE_TAG = /^[a-z0-9]+-\d+(\.\d+)+$/;

/** Lab questions that were run: question index -> whether the check passed. */
export type LabVerdicts = Readonly<Record<number, boolean>>;

export function scoreExam(
  s: ExamState,
  cardOf: (key: string) => Card | null,
  now: number,
  labs: LabVerdicts = {},
): ExamResult {
  const byDeck: Record<string, Tally> = {};
  const byTag: Record<string, Tally> = {};
  const results: QuestionResult[] = s.keys.map((key, i) => {
    const card = cardOf(key);
    const ok = card ? isRight(card, s.answers[i] ?? null, s.orders[i] ?? [], labs[i]) : false;
    if (card) {
      tally(byDeck, card.deckId, ok);
      for (const t of card.tags.filter((x) => OBJECTIVE_TAG.test(x))) tally(byTag, t, ok);
    }
    const given = s.answers[i] ?? null;
    const answer = Array.isArray(given) ? given.map((d) => s.orders[i]?.[d] ?? d) : given;
    const answered = isAnswered(given);
    return {
      key,
      correct: ok,
      answer,
      answered,
      answeredAt: answered ? (s.answeredAt?.[i] ?? s.submittedAt ?? now) : null,
      tookMs: s.spentMs?.[i] ?? 0,
      order: s.orders[i] ?? [],
    };
  });
  const correct = results.filter((r) => r.correct).length;
  const scorePercent = results.length ? Math.round((100 * correct) / results.length) : 0;
  return {
    id: s.id,
    at: s.submittedAt ?? now,
    questions: results.length,
    correct,
    scorePercent,
    passPercent: s.passPercent,
    passed: scorePercent >= s.passPercent,
    usedMs: usedMs(s, now),
    timedOut: s.timedOut,
    byDeck,
    byTag,
    results,
    predictedPercent: s.predictedPercent,
    // Each question's forecast beside what happened, for calibration (an unanswered one is
    // wrong). Exams saved before forecasts were kept have none.
    ...(s.predicted
      ? {
          predictions: results.map((r, i) => ({
            key: r.key,
            p: Math.min(1, Math.max(0, s.predicted?.[i] ?? 0)),
            correct: r.correct,
          })),
        }
      : {}),
    scope: s.scope,
  };
}
