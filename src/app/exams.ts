// Mock exams over the collection: drawing, saving an exam in progress, finishing it
// (result into history, answers into the review log) and the readiness forecast.

import { dayStart, studyDay } from '../../core/clock.js';
import {
  drawByBlueprint,
  drawByDeck,
  type ExamResult,
  type ExamState,
  isExamCard,
  isExamState,
  scoreExam,
  startExam,
} from '../../core/exam.js';
import type { Card, ExamSummary, Memory, ReviewRecord } from '../../core/model.js';
import type { ExamOptions, ExamPort, ReadinessView, Scope } from '../../core/ports.js';
import { examDatePlan, readiness } from '../../core/readiness.js';
import { newMemory } from '../../core/scheduler.js';
import type { Store } from '../../store/store.js';
import type { Collection } from './collection.js';
import { randomHex } from './ids.js';

export class ExamService implements ExamPort {
  constructor(
    private readonly collection: Collection,
    private readonly store: Store,
    private readonly device: string,
    /** Seeds the draw; tests pass a fixed one. */
    private readonly seed: (now: number) => number = (now) =>
      now ^ Number.parseInt(randomHex(4), 16),
  ) {}

  private memory = (key: string): Memory | undefined => this.store.progress.cards[key];

  private id(now: number): string {
    return `${this.device}-${now.toString(36)}-${randomHex(4)}`;
  }

  card(key: string): Card | null {
    return this.collection.card(key);
  }

  deckTitle(id: string): string {
    return this.collection.deckTitle(id);
  }

  inProgress(): { exam: ExamState; savedAt: number } | null {
    return this.store.loadExamInProgress(isExamState);
  }

  start(opts: ExamOptions, now: number): { exam: ExamState; notes: string[] } | { error: string } {
    const pool = this.collection.cards(opts.scope).filter(isExamCard);
    if (pool.length === 0)
      return { error: 'No multiple-choice or typed questions in this selection.' };
    const seed = this.seed(now);
    const draw = opts.blueprint
      ? drawByBlueprint(pool, opts.questions, opts.blueprint.plan, seed)
      : drawByDeck(pool, opts.questions, seed);
    if (draw.cards.length === 0) return { error: draw.notes.join(' ') || 'No questions matched.' };
    const predicted = readiness(draw.cards, this.memory, (m) =>
      this.collection.scheduler.retrievability(m, now),
    );
    const exam = startExam({
      id: this.id(now),
      cards: draw.cards,
      minutes: opts.minutes,
      passPercent: opts.passPercent,
      now,
      scope: {
        decks: opts.scope.decks ? [...opts.scope.decks] : null,
        tag: opts.scope.tag,
        blueprint: opts.blueprint?.name ?? null,
      },
      predictedPercent: predicted.percent,
    });
    this.save(exam, now);
    return { exam, notes: draw.notes };
  }

  save(exam: ExamState, now: number): void {
    this.store.saveExamInProgress(exam, now);
  }

  discard(): void {
    this.store.clearExamInProgress();
  }

  finish(exam: ExamState, now: number): ExamResult {
    const result = scoreExam(exam, (k) => this.card(k), now);
    const settings = this.collection.settings();
    const at = result.at;
    const day = studyDay(at, settings.dayStartsAt);
    for (const q of result.results) {
      if (!this.card(q.key)) continue;
      const before = this.memory(q.key) ?? null;
      // A wrong answer counts as Again; a right one leaves the schedule as it was.
      const relearn = !q.correct && settings.examFeedsSchedule;
      const after = relearn
        ? this.collection.scheduler.answer(before ?? newMemory(at), at, 1)
        : (before ?? newMemory(at));
      const rec: ReviewRecord = {
        type: 'review',
        id: this.id(at),
        key: q.key,
        at,
        rating: q.correct ? 3 : 1,
        mode: 'exam',
        tookMs: 0,
        correct: q.correct,
        before,
        after,
        day,
      };
      this.store.append(rec);
    }
    const { results: _answers, ...summary } = result;
    this.store.append({ type: 'exam', id: result.id, at, summary });
    this.discard();
    return result;
  }

  readiness(scope: Scope, now: number): ReadinessView {
    const cards = this.collection.cards(scope).filter(isExamCard);
    const sched = this.collection.scheduler;
    const current = readiness(cards, this.memory, (m) => sched.retrievability(m, now));
    const date = this.collection.settings().examDate;
    if (!date) return { now: current, examDate: null };
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const dayStartsAt = this.collection.settings().dayStartsAt;
    const examDay = Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
    const daysLeft = Math.max(0, examDay - studyDay(now, dayStartsAt));
    // The forecast looks at the exam morning: the start of that study day plus a few hours.
    const examMorning = Math.max(now, dayStart(examDay, dayStartsAt) + 5 * 3_600_000);
    const plan = examDatePlan(
      this.collection.cards(scope),
      this.memory,
      (mem) => sched.retrievability(mem, examMorning),
      daysLeft,
    );
    const forecast = readiness(cards, this.memory, (mem) => sched.retrievability(mem, examMorning));
    return { now: current, examDate: { ...plan, forecastPercent: forecast.percent, date } };
  }

  history(): ExamSummary[] {
    return this.store.progress.exams;
  }
}
