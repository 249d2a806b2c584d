// Anki's learning steps (rslib/src/scheduler/states/steps.rs LearningSteps), in seconds.

const DAY_SECS = 86_400;

/** Steps as the user typed them ("10m", "1.5h", "2d") to seconds, as steps.rs to_secs. */
export function stepSecs(step: string): number {
  const m = /^(\d+(?:\.\d+)?)(m|h|d)$/.exec(step);
  if (!m) throw new Error(`not a step: ${step}`);
  const minutes = Number(m[1]) * { m: 1, h: 60, d: 1440 }[m[2] as 'm' | 'h' | 'd'];
  return Math.trunc(Math.fround(Math.fround(minutes) * 60));
}

export function stepIndex(steps: number[], remaining: number): number {
  const total = steps.length;
  return Math.min(Math.max(0, total - (remaining % 1000)), Math.max(0, total - 1));
}

function maybeRoundInDays(secs: number): number {
  return secs > DAY_SECS ? Math.round(secs / DAY_SECS) * DAY_SECS : secs;
}

export function hardDelaySecs(steps: number[], remaining: number): number | null {
  if (steps.length === 0) return null;
  const idx = stepIndex(steps, remaining);
  const current = steps[idx] as number;
  if (idx !== 0) return current;
  const next = steps[1];
  if (next !== undefined) return maybeRoundInDays(Math.floor((current + next) / 2));
  return maybeRoundInDays(Math.min(Math.floor((current * 3) / 2), current + DAY_SECS));
}

export function goodDelaySecs(steps: number[], remaining: number): number | null {
  if (steps.length === 0) return null;
  const next = steps[stepIndex(steps, remaining) + 1];
  return next === undefined ? null : next;
}
