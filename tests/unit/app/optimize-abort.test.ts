// fsrs-rs aborts the whole process (a Rust panic, exit 134) on an item without a review
// after a gap, and a real log has such histories: the cards first seen on the last day,
// answered only through their learning steps. The items built from the log are filtered;
// the same log turned into items naively kills the process. Both run in a child process.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { trainingHistories, trainingItems } from '../../../src/core/optimizer/items.js';
import { simulateLog } from '../../helpers/simulate.js';

const SCRIPT = `
import * as b from '@open-spaced-repetition/binding';
let text = '';
for await (const chunk of process.stdin) text += chunk;
const items = JSON.parse(text).map((reviews) =>
  new b.FSRSBindingItem(reviews.map(([r, d]) => new b.FSRSBindingReview(r, d))));
await b.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1, timeout: 20 });
process.stdout.write('trained');
`;

function trainInChild(items: (readonly [number, number])[][]) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    input: JSON.stringify(items),
    encoding: 'utf8',
    cwd: process.cwd(),
  });
}

describe('items the binding cannot take', () => {
  const log = simulateLog({
    seed: 5,
    days: 20,
    newPerDay: 8,
    deck: 'sim',
    start: Date.parse('2026-01-05T08:00:00Z'),
  });

  it('the log holds same-day-only histories; the built items leave them out and train', () => {
    const histories = trainingHistories(log);
    const sameDayOnly = [...histories.values()].filter(
      (h) => h.length > 1 && h.every((r) => r.day === h[0]?.day),
    );
    expect(sameDayOnly.length).toBeGreaterThan(0);
    const items = trainingItems(log).items.map((i) => i.reviews);
    expect(items.every((reviews) => reviews.some(([, d]) => d > 0))).toBe(true);
    const r = trainInChild(items);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('trained');
  });

  it('control: every answer of the same log as an item aborts the process', () => {
    const naive: (readonly [number, number])[][] = [];
    for (const h of trainingHistories(log).values())
      for (let i = 1; i < h.length; i++)
        naive.push(
          h
            .slice(0, i + 1)
            .map((r, j) => [r.rating, j === 0 ? 0 : r.day - (h[j - 1]?.day ?? r.day)] as const),
        );
    const r = trainInChild(naive);
    expect(r.status === 134 || r.signal === 'SIGABRT').toBe(true);
    expect(r.stderr).toContain('at least one review with delta_t > 0 is required');
  });
});
