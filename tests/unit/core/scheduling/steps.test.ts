// Anki's own table for steps (rslib/src/scheduler/states/steps.rs, test delay_secs), with
// the step index we keep in place of Anki's remaining-steps count.
import { describe, expect, it } from 'vitest';
import { DAY_SECS, LearningSteps, stepSeconds } from '../../../../src/core/scheduling/steps.js';

const mins = (...m: number[]) => new LearningSteps(m.map((x) => x * 60));

describe('LearningSteps, as steps.rs delay_secs', () => {
  it.each([
    // steps (minutes), index, again, hard, good
    [[10], 0, 600, 900, null], // one step: Hard is 50% more
    [[1, 10], 0, 60, 330, 600], // first step: Hard is the mean of the first two
    [[1, 10], 1, 60, 600, null], // later step: Hard repeats it
    [[1, 10, 100], 0, 60, 330, 600],
    [[1, 10, 100], 1, 60, 600, 6000],
    [[1, 10, 100], 2, 60, 6000, null],
  ] as const)('%j at step %i: Again %i, Hard %i, Good %s', (steps, i, again, hard, good) => {
    const s = mins(...steps);
    expect(s.again()).toBe(again);
    expect(s.hard(i)).toBe(hard);
    expect(s.good(i)).toBe(good);
  });

  it('Hard on a single day-long step is at most a day more (3d -> 4d, not 4.5d)', () => {
    expect(new LearningSteps([3 * DAY_SECS]).hard(0)).toBe(4 * DAY_SECS);
  });

  it('a Hard delay over a day is rounded to whole days (maybe_round_in_days)', () => {
    // mean of 1d and 2d = 1.5d -> 2d
    expect(new LearningSteps([DAY_SECS, 2 * DAY_SECS]).hard(0)).toBe(2 * DAY_SECS);
  });

  it('no steps: every answer graduates', () => {
    const s = new LearningSteps([]);
    expect([s.again(), s.hard(0), s.good(0)]).toEqual([null, null, null]);
  });

  it('an index past the end (the steps were shortened) counts as the last step', () => {
    const s = mins(1, 10);
    expect(s.hard(5)).toBe(600);
    expect(s.good(5)).toBeNull();
    expect(s.current(5)).toBe(1);
  });

  it('Good moves to the next index; Hard keeps it', () => {
    const s = mins(1, 10, 60);
    expect([s.afterGood(0), s.afterGood(1)]).toEqual([1, 2]);
    expect([s.current(0), s.current(2)]).toEqual([0, 2]);
  });
});

describe('stepSeconds', () => {
  it.each([
    ['1m', 60],
    ['1.5m', 90],
    ['0.5h', 1800],
    ['0.1h', 360],
    ['2d', 2 * DAY_SECS],
    ['0.01m', null],
    ['0m', null],
    ['1s', null],
    ['m', null],
  ] as const)('%s -> %s', (step, secs) => {
    expect(stepSeconds(step)).toBe(secs);
  });
});
