// Mock exams over the collection: drawing, keeping an exam in progress on disk, finishing
// it (its records into the log) and the readiness forecast. The rules are in core.
import { nextDayStart } from '../core/clock.js';
import { drawByBlueprint, drawByDeck, isExamCard } from '../core/exam-draw.js';
import { examDay } from '../core/exam-plan.js';
import { examWrite } from '../core/exam-records.js';
import {
  type ExamResult,
  type LabVerdicts,
  type ScheduleEffect,
  scoreExam,
} from '../core/exam-score.js';
import { type ExamState, isExamState, startExam } from '../core/exam-state.js';
import type { Card, ExamSummary, LogRecord, Memory } from '../core/model.js';
import type { ExamOptions, ExamPort, ReadinessView, Scope, Written } from '../core/ports.js';
import {
  examDatePlan,
  knownRecall,
  type ObjectiveNames,
  type Readiness,
  readiness,
  rightChance,
} from '../core/readiness.js';
import { canUndo, type UndoEntry, undoKey, undoRecords } from '../core/undo.js';
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
    /** Names for the objective tags readiness is broken down by (from the blueprints). */
    private readonly objectiveNames: () => ObjectiveNames = () => ({}),
  ) {}

  private namesRead: ObjectiveNames | undefined;
  /** What takes back the schedule changes of the last exam finished here. */
  private lastUndo: UndoEntry[] = [];

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
    // The forecast for this exam, sat now: each question's chance of a right answer.
    const scheduler = this.collection.scheduler;
    const recall = (m: Memory) => scheduler.retrievability(m, now);
    const predicted = draw.cards.map((c) =>
      rightChance(c, knownRecall(this.memory(c.key), recall)),
    );
    const predictedPercent = Math.round(
      (100 * predicted.reduce((s, p) => s + p, 0)) / predicted.length,
    );
    const started = startExam({
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
      predictedPercent,
    });
    // Kept with the exam in progress, so a resumed exam still scores against its forecast.
    const exam: ExamState = { ...started, predicted };
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

  finish(exam: ExamState, now: number, labs?: LabVerdicts): Written<ExamResult> {
    const scored = scoreExam(exam, (k) => this.card(k), now, labs);
    const { records, effect, undo } = examWrite(scored, {
      scheduler: this.collection.scheduler,
      settings: this.collection.settings(),
      memory: (key) => this.store.progress.cards[key] ?? null,
      marks: (key) => this.store.progress.marks[key],
      exists: (key) => this.card(key) !== null,
      newId: () => recordId(this.device, now),
      timeFor: (key, notBefore) => this.store.recordTime(key, notBefore),
    });
    return written(() => {
      // One append: the exam's answers and its summary land together or not at all.
      this.store.append(...records);
      this.discard();
      this.lastUndo = undo;
      return { ...scored, schedule: effect };
    });
  }

  undoSchedule(now: number): Written<ScheduleEffect> {
    const settings = this.collection.settings();
    const taken: ScheduleEffect = { relearning: 0, restarted: 0, movedUp: 0, leeches: 0 };
    const records: LogRecord[] = [];
    let t = now;
    // Newest first; a card answered or changed since the exam keeps what happened later.
    for (const entry of [...this.lastUndo].reverse()) {
      const key = undoKey(entry);
      if (!canUndo(entry, this.store.progress.cards[key] ?? null)) continue;
      const at = this.store.recordTime(key, t);
      const recs = undoRecords(entry, at, settings.dayStartsAt, () => recordId(this.device, at));
      records.push(...recs);
      t = at + recs.length;
      if (entry.kind === 'mark') taken.movedUp++;
      else {
        if (entry.review.before?.phase === 'review') taken.relearning++;
        else taken.restarted++;
        if (entry.leech || entry.suspended) taken.leeches++;
      }
    }
    return written(() => {
      if (records.length > 0) this.store.append(...records);
      this.lastUndo = [];
      return taken;
    });
  }

  readiness(scope: Scope, now: number): ReadinessView {
    const cards = this.collection.cards(scope).filter(isExamCard);
    const sched = this.collection.scheduler;
    const settings = this.collection.settings();
    const date = settings.examDate;
    const exam = date ? examDay(date, now, settings.dayStartsAt) : null;
    const ahead = exam && !exam.past ? exam : null;
    const at = ahead ? ahead.forecastAt : nextDayStart(now, settings.dayStartsAt);
    const recall = (m: Memory) => sched.retrievability(m, at);
    const ready: Readiness = {
      ...readiness(cards, this.memory, recall, this.names()),
      at,
      basis: ahead ? 'exam-date' : 'next-day',
    };
    if (!date || !ahead) return { now: ready, examDate: null };
    const plan = examDatePlan(this.collection.cards(scope), this.memory, recall, ahead.daysLeft);
    return { now: ready, examDate: { ...plan, forecastPercent: ready.percent, date } };
  }

  /** Objective names from the blueprints, read once and only when readiness is asked for. */
  private names(): ObjectiveNames {
    this.namesRead ??= this.objectiveNames();
    return this.namesRead;
  }

  history(): ExamSummary[] {
    return this.store.progress.exams;
  }
}
