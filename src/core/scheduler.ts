// The scheduler: FSRS-6 memory states from ts-fsrs, intervals, steps, caps, fuzz and day
// boundaries as Anki 25.x applies them (src/core/scheduling/). Only this module and
// scheduling/ speak ts-fsrs; everything else sees Memory and epoch ms.
import { type FSRS, type Grade as FsrsGrade, fsrs, generatorParameters } from 'ts-fsrs';
import { dayStart, nextDayStart, studyDay } from './clock.js';
import type { Grade, Memory } from './model.js';
import { fuzzFactor, withLearningFuzz } from './scheduling/fuzz.js';
import { DAY_SECS, LearningSteps } from './scheduling/steps.js';
import {
  type Intervals,
  type Next,
  nextStates,
  type RuleContext,
} from './scheduling/transitions.js';
import type { Settings } from './settings.js';

const DAY_MS = 86_400_000;
const GRADES = [1, 2, 3, 4] as const;

export function newMemory(now: number): Memory {
  return {
    phase: 'new',
    due: now,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

export interface Outcome {
  memory: Memory;
  /**
   * What the grade bar shows: for a review or a day-long step, the interval in whole days
   * (as ms), the card being served from the start of that study day; for a shorter step, the
   * exact wall-clock ms to the due time.
   */
  intervalMs: number;
}

export class Scheduler {
  private readonly f: FSRS;
  private readonly settings: Settings;
  private readonly learn: LearningSteps;
  private readonly relearn: LearningSteps;
  /** fsrs-rs next_interval per day of stability at the desired retention, unrounded. */
  private readonly modifier: number;
  private readonly shortTerm: boolean;

  constructor(settings: Settings, weights?: readonly number[]) {
    this.settings = settings;
    const w = weights ?? settings.weights ?? undefined;
    this.f = fsrs(
      generatorParameters({
        request_retention: settings.desiredRetention,
        maximum_interval: settings.maxInterval,
        enable_fuzz: false,
        enable_short_term: true,
        // ts-fsrs lowers the w17/w18 ceiling for two or more relearning steps. fsrs-rs does
        // that only while optimising; Anki schedules with the weights as given. One step
        // (the default) keeps ts-fsrs from clipping; the steps themselves are ours.
        relearning_steps: ['10m'],
        ...(w ? { w } : {}),
      }),
    );
    const used = this.f.parameters.w;
    const decay = -(used[20] as number);
    const factor = 0.9 ** (1 / decay) - 1;
    this.modifier = (settings.desiredRetention ** (1 / decay) - 1) / factor;
    this.shortTerm = (used[17] as number) > 0 && (used[18] as number) > 0;
    this.learn = LearningSteps.of(settings.learningSteps);
    this.relearn = LearningSteps.of(settings.relearningSteps);
  }

  /** ts-fsrs refuses a review earlier than the last one (clock skew): clamp. */
  private clampNow(m: Memory, now: number): number {
    return m.lastReview !== null && now < m.lastReview ? m.lastReview : now;
  }

  /** The study day of the last `at` asked: the queue asks recall for many cards at one time. */
  private memo = { at: Number.NaN, day: 0 };

  /** Elapsed study days since the last review, as Anki's days_elapsed counts them. */
  private elapsedDays(m: Memory, at: number): number {
    if (m.lastReview === null) return 0;
    const { dayStartsAt } = this.settings;
    if (this.memo.at !== at) this.memo = { at, day: studyDay(at, dayStartsAt) };
    return Math.max(0, this.memo.day - studyDay(m.lastReview, dayStartsAt));
  }

  /**
   * All four outcomes of answering `m` at `now`. answer() is this, one grade picked, so the
   * grade bar shows exactly what an answer schedules. `key` seeds the card's fuzz.
   */
  preview(m: Memory, now: number, key: string): Record<Grade, Outcome> {
    const at = this.clampNow(m, now);
    const t = this.elapsedDays(m, at);
    const prev = m.phase === 'new' ? null : { stability: m.stability, difficulty: m.difficulty };
    const states = GRADES.map((g) => this.f.next_state(prev, t, g as FsrsGrade));
    const ivl = {} as Intervals;
    for (const g of GRADES) ivl[g] = (states[g - 1]?.stability ?? 0) * this.modifier;
    const fuzz = this.settings.fuzz ? fuzzFactor(key, m.reps) : null;
    const ctx: RuleContext = {
      learn: this.learn,
      relearn: this.relearn,
      maxInterval: this.settings.maxInterval,
      fuzz,
      shortTerm: this.shortTerm,
      lastInterval: m.phase === 'review' ? m.scheduledDays : 0,
    };
    const next = nextStates(m.phase, m.learningSteps, ivl, ctx);
    const out = {} as Record<Grade, Outcome>;
    for (const g of GRADES) {
      const s = states[g - 1] as { stability: number; difficulty: number };
      out[g] = this.outcome(m, at, g, next[g], s, fuzz);
    }
    return out;
  }

  private outcome(
    m: Memory,
    at: number,
    grade: Grade,
    next: Next,
    s: { stability: number; difficulty: number },
    fuzz: number | null,
  ): Outcome {
    const { dayStartsAt } = this.settings;
    const today = studyDay(at, dayStartsAt);
    const memory: Memory = {
      phase: next.kind === 'review' ? 'review' : next.phase,
      due: at,
      stability: s.stability,
      difficulty: s.difficulty,
      scheduledDays: 0,
      learningSteps: next.kind === 'review' ? 0 : next.index,
      reps: m.reps + 1,
      lapses: m.lapses + (m.phase === 'review' && grade === 1 ? 1 : 0),
      lastReview: at,
    };
    if (next.kind === 'review') {
      // A review of N days is due when study day today + N begins (local time, DST-proof).
      memory.scheduledDays = next.days;
      memory.due = dayStart(today + next.days, dayStartsAt);
      return { memory, intervalMs: next.days * DAY_MS };
    }
    // Anki's IntervalKind::maybe_as_days: a step that reaches the next day's rollover becomes
    // interday learning, due when that study day begins; a shorter step is wall-clock time
    // (answer + step, with learning fuzz), so a DST change never moves it.
    const untilRollover = Math.floor((nextDayStart(at, dayStartsAt) - at) / 1000);
    if (next.secs >= untilRollover) {
      const days = Math.floor((next.secs - untilRollover) / DAY_SECS) + 1;
      memory.due = dayStart(today + days, dayStartsAt);
      // A day-long step shows as days, like a review; a short step cut at the rollover, as
      // the time left until it.
      return { memory, intervalMs: next.secs >= DAY_SECS ? days * DAY_MS : memory.due - at };
    }
    memory.due = at + withLearningFuzz(fuzz, next.secs) * 1000;
    return { memory, intervalMs: memory.due - at };
  }

  answer(m: Memory, now: number, grade: Grade, key: string): Memory {
    return this.preview(m, now, key)[grade].memory;
  }

  /**
   * Probability of recall at `now`, 0..1; 0 for a card never studied. Elapsed time is
   * counted in study days, as the scheduler counts it: the morning after a review is 1 day.
   */
  retrievability(m: Memory, now: number): number {
    if (m.phase === 'new' || m.lastReview === null) return 0;
    return this.f.forgetting_curve(this.elapsedDays(m, now), m.stability);
  }
}
