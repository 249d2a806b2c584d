// Mock exams over the collection: drawing, keeping an exam in progress on disk, finishing
// it (its records into the log) and the readiness forecast. The rules are in core.
import { drawByBlueprint, drawByDeck, isExamCard } from '../core/exam-draw.js';
import { examDay } from '../core/exam-plan.js';
import { examRecords } from '../core/exam-records.js';
import { type ExamResult, scoreExam } from '../core/exam-score.js';
import { type ExamState, isExamState, startExam } from '../core/exam-state.js';
import type { Card, ExamSummary, Memory } from '../core/model.js';
import type { ExamOptions, ExamPort, ReadinessView, Scope, Written } from '../core/ports.js';
import { examDatePlan, readiness } from '../core/readiness.js';
import type { Store } from '../store/store.js';
import type { Collection } from './collection.js';
import { randomHex, recordId } from './ids.js';
import { written } from './written.js';

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
    const scheduler = this.collection.scheduler;
    const predicted = readiness(draw.cards, this.memory, (m) => scheduler.retrievability(m, now));
    const exam = startExam({
      id: recordId(this.device, now),
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
    const saved = this.save(exam, now);
    if (!saved.ok) return { error: saved.error };
    return { exam, notes: draw.notes };
  }

  save(exam: ExamState, now: number): Written<void> {
    return written(() => this.store.saveExamInProgress(exam, now));
  }

  discard(): void {
    this.store.clearExamInProgress();
  }

  finish(exam: ExamState, now: number): Written<ExamResult> {
    const result = scoreExam(exam, (k) => this.card(k), now);
    const records = examRecords(result, {
      scheduler: this.collection.scheduler,
      settings: this.collection.settings(),
      memory: (key) => this.store.progress.cards[key] ?? null,
      exists: (key) => this.card(key) !== null,
      newId: () => recordId(this.device, now),
      timeFor: (key, notBefore) => this.store.recordTime(key, notBefore),
    });
    return written(() => {
      // One append: the exam's answers and its summary land together or not at all.
      this.store.append(...records);
      this.discard();
      return result;
    });
  }

  readiness(scope: Scope, now: number): ReadinessView {
    const cards = this.collection.cards(scope).filter(isExamCard);
    const sched = this.collection.scheduler;
    const current = readiness(cards, this.memory, (m) => sched.retrievability(m, now));
    const settings = this.collection.settings();
    const date = settings.examDate;
    if (!date) return { now: current, examDate: null };
    const { daysLeft, forecastAt } = examDay(date, now, settings.dayStartsAt);
    const recallThen = (m: Memory) => sched.retrievability(m, forecastAt);
    const plan = examDatePlan(this.collection.cards(scope), this.memory, recallThen, daysLeft);
    const forecast = readiness(cards, this.memory, recallThen);
    return { now: current, examDate: { ...plan, forecastPercent: forecast.percent, date } };
  }

  history(): ExamSummary[] {
    return this.store.progress.exams;
  }
}
