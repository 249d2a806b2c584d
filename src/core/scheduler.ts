// The only module that speaks ts-fsrs. Everything else sees Memory and epoch ms.
import {
  type FSRS,
  type Card as FsrsCard,
  type Grade as FsrsGrade,
  fsrs,
  generatorParameters,
  State,
} from 'ts-fsrs';
import { fromSchedulerTime, toSchedulerTime } from './clock.js';
import type { Grade, Memory, MemoryPhase } from './model.js';
import type { Settings } from './settings.js';

const PHASE_OF: Record<State, MemoryPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE_OF: Record<MemoryPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const DAY_MS = 86_400_000;

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
  /** Wall-clock ms from `now` to the new due time. */
  intervalMs: number;
}

export class Scheduler {
  private readonly f: FSRS;
  private readonly dayStartsAt: number;

  constructor(settings: Settings, weights?: readonly number[]) {
    this.dayStartsAt = settings.dayStartsAt;
    this.f = fsrs(
      generatorParameters({
        request_retention: settings.desiredRetention,
        maximum_interval: settings.maxInterval,
        enable_fuzz: settings.fuzz,
        enable_short_term: true,
        learning_steps: settings.learningSteps,
        relearning_steps: settings.relearningSteps,
        ...(weights ? { w: weights } : {}),
      }),
    );
  }

  private toFsrs(m: Memory): FsrsCard {
    const t = (ms: number) => new Date(toSchedulerTime(ms, this.dayStartsAt));
    return {
      due: t(m.due),
      stability: m.stability,
      difficulty: m.difficulty,
      elapsed_days: 0,
      scheduled_days: m.scheduledDays,
      learning_steps: m.learningSteps,
      reps: m.reps,
      lapses: m.lapses,
      state: STATE_OF[m.phase],
      ...(m.lastReview === null ? {} : { last_review: t(m.lastReview) }),
    };
  }

  private fromFsrs(c: FsrsCard): Memory {
    const w = (d: Date) => fromSchedulerTime(d.getTime(), this.dayStartsAt);
    return {
      phase: PHASE_OF[c.state],
      due: w(c.due),
      stability: c.stability,
      difficulty: c.difficulty,
      scheduledDays: c.scheduled_days,
      learningSteps: c.learning_steps,
      reps: c.reps,
      lapses: c.lapses,
      lastReview: c.last_review ? w(c.last_review) : null,
    };
  }

  /** ts-fsrs refuses a review earlier than the last one (clock skew): clamp. */
  private clampNow(m: Memory, now: number): number {
    return m.lastReview !== null && now < m.lastReview ? m.lastReview : now;
  }

  /** All four outcomes, computed once per shown card for the grade bar. */
  preview(m: Memory, now: number, _key?: string): Record<Grade, Outcome> {
    const at = this.clampNow(m, now);
    const p = this.f.repeat(this.toFsrs(m), new Date(toSchedulerTime(at, this.dayStartsAt)));
    const out = {} as Record<Grade, Outcome>;
    for (const g of [1, 2, 3, 4] as const) {
      const memory = this.fromFsrs(p[g as FsrsGrade].card);
      memory.lastReview = at;
      out[g] = { memory, intervalMs: Math.max(0, memory.due - at) };
    }
    return out;
  }

  answer(m: Memory, now: number, grade: Grade, _key?: string): Memory {
    const at = this.clampNow(m, now);
    const { card } = this.f.next(
      this.toFsrs(m),
      new Date(toSchedulerTime(at, this.dayStartsAt)),
      grade as FsrsGrade,
    );
    const memory = this.fromFsrs(card);
    // Keep the exact wall time: the round trip through scheduler time may drift by a DST hour.
    memory.lastReview = at;
    return memory;
  }

  /**
   * Probability of recall at `now`, 0..1; 0 for a card never studied. The forgetting curve
   * over whole days since the last review, as ts-fsrs' get_retrievability computes it, but
   * without building a Card and Dates: the queue asks this for every overdue card.
   */
  retrievability(m: Memory, now: number): number {
    if (m.phase === 'new' || m.lastReview === null) return 0;
    const days = Math.max(0, Math.floor((now - m.lastReview) / DAY_MS));
    return this.f.forgetting_curve(days, m.stability);
  }
}
