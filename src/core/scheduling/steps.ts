// Learning and relearning steps as Anki applies them: rslib/src/scheduler/states/steps.rs.
// A card in (re)learning keeps the index of its current step (ts-fsrs' `learning_steps`);
// Anki counts remaining steps instead, which is the same position read from the other end.

export const DAY_SECS = 86_400;
const UNIT_SECS: Record<string, number> = { m: 60, h: 3_600, d: DAY_SECS };
const STEP_RE = /^(\d+(?:\.\d+)?)(m|h|d)$/;

/**
 * Seconds of a step such as `10m`, `1.5m` or `0.5h`, or null when it is not a step: decimal
 * steps are exact (ts-fsrs parseInts them, so `0.5h` became 0), but must come to a whole
 * number of seconds, at least 1, so every device schedules the same instant.
 */
export function stepSeconds(step: string): number | null {
  const m = STEP_RE.exec(step);
  if (!m) return null;
  const exact = Number(m[1]) * (UNIT_SECS[m[2] as string] as number);
  const secs = Math.round(exact);
  if (Math.abs(exact - secs) > 1e-6 || secs < 1 || secs > 36_500 * DAY_SECS) return null;
  return secs;
}

/** Anki's maybe_round_in_days: a Hard delay over a day is a whole number of days. */
function roundInDays(secs: number): number {
  return secs > DAY_SECS ? Math.round(secs / DAY_SECS) * DAY_SECS : secs;
}

export class LearningSteps {
  constructor(private readonly secs: readonly number[]) {}

  static of(steps: readonly string[]): LearningSteps {
    return new LearningSteps(steps.map((s) => stepSeconds(s) ?? 60));
  }

  get length(): number {
    return this.secs.length;
  }

  /** Anki's get_index: a stale index (the steps were shortened) means the last step. */
  private index(i: number): number {
    return Math.max(0, Math.min(Math.trunc(i), this.secs.length - 1));
  }

  /** Again: back to the first step (again_delay_secs_learn); null when there are none. */
  again(): number | null {
    return this.secs[0] ?? null;
  }

  /**
   * Hard (hard_delay_secs): on the first step, the mean of the first two steps, or 1.5x the
   * only step but at most a day more; on a later step, that step again.
   */
  hard(i: number): number | null {
    if (this.secs.length === 0) return null;
    const idx = this.index(i);
    const current = this.secs[idx] as number;
    if (idx > 0) return current;
    const next = this.secs[1];
    if (next !== undefined) return roundInDays(Math.floor((current + next) / 2));
    return roundInDays(Math.min(Math.floor((current * 3) / 2), current + DAY_SECS));
  }

  /** Good (good_delay_secs): the next step, or null when the card graduates. */
  good(i: number): number | null {
    if (this.secs.length === 0) return null;
    return this.secs[this.index(i) + 1] ?? null;
  }

  /** The step index after Good (remaining_for_good, counted from the front). */
  afterGood(i: number): number {
    return this.secs.length === 0 ? 0 : this.index(i) + 1;
  }

  /** The index a Hard answer keeps. */
  current(i: number): number {
    return this.secs.length === 0 ? 0 : this.index(i);
  }
}
