// Judging a parsed snapshot: every part must be usable, each malformed part is named in
// words, an older version is upgraded, a newer one refused, and settings are salvaged from
// whatever else is wrong.
import { describe, expect, it } from 'vitest';
import {
  emptySnapshot,
  readSnapshot,
  SNAPSHOT_VERSION,
  type Snapshot,
  snapshotProblem,
} from '../../../src/store/snapshot.js';
import { examSummary, memory, review, T0 } from '../../helpers/records.js';

/** A current-version snapshot that uses every part, as plain JSON would give it back. */
function good(): Record<string, unknown> {
  const snap: Snapshot = {
    ...emptySnapshot({ newPerDay: 7 }),
    cards: { 'deck/a': memory(T0), 'deck/n': { ...memory(T0), phase: 'new', lastReview: null } },
    marks: {
      'deck/a': { suspended: true, flagged: false, leech: true, buriedDay: 100 },
      'deck/b': {},
    },
    days: { 100: { reviews: 2, newCards: 1, reviewCards: 1, passed: 2, reviewPassed: 1, ms: 9 } },
    reviews: 2,
    lastAnswer: review(1),
    exams: [examSummary('e1', T0)],
    stamps: { 'deck/b': T0 },
    logs: { 'reviews-dev1.jsonl': 120 },
    clock: T0,
  };
  return JSON.parse(JSON.stringify(snap)) as Record<string, unknown>;
}

const DAY = { reviews: 1, newCards: 0, reviewCards: 0, passed: 1, reviewPassed: 0, ms: 5 };

describe('snapshotProblem', () => {
  it('accepts a snapshot that uses every part, and an empty one', () => {
    expect(snapshotProblem(good())).toBeNull();
    expect(snapshotProblem({ ...emptySnapshot() })).toBeNull();
    expect(snapshotProblem({ ...good(), lastAnswer: null })).toBeNull();
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ['cards missing', { cards: undefined }, 'a card state is malformed'],
    ['cards an array', { cards: [memory(T0)] }, 'a card state is malformed'],
    ['cards null', { cards: null }, 'a card state is malformed'],
    ['a card with no phase', { cards: { k: { ...memory(T0), phase: 'x' } } }, 'a card state'],
    ['a card that is not an object', { cards: { k: 3 } }, 'a card state is malformed'],
    ['marks an array', { marks: [] }, 'a card mark is malformed'],
    ['marks missing', { marks: undefined }, 'a card mark is malformed'],
    ['a mark that is a string', { marks: { k: 'suspended' } }, 'a card mark is malformed'],
    ['a mark that is an array', { marks: { k: [] } }, 'a card mark is malformed'],
    ['suspended not a boolean', { marks: { k: { suspended: 1 } } }, 'a card mark is malformed'],
    ['flagged not a boolean', { marks: { k: { flagged: 'yes' } } }, 'a card mark is malformed'],
    ['leech not a boolean', { marks: { k: { leech: null } } }, 'a card mark is malformed'],
    ['buriedDay not a number', { marks: { k: { buriedDay: '3' } } }, 'a card mark is malformed'],
    [
      'buriedDay infinite',
      { marks: { k: { buriedDay: Number.POSITIVE_INFINITY } } },
      'a card mark is malformed',
    ],
    ['days an array', { days: [DAY] }, 'a daily count is malformed'],
    ['a day that is null', { days: { 1: null } }, 'a daily count is malformed'],
    ['exams not a list', { exams: {} }, 'an exam is malformed'],
    ['an exam without an id', { exams: [{ ...examSummary('e', T0), id: '' }] }, 'an exam is'],
    ['logs an array', { logs: [3] }, 'the log positions are malformed'],
    ['a log position a string', { logs: { f: '3' } }, 'the log positions are malformed'],
    ['stamps missing', { stamps: undefined }, 'the log positions are malformed'],
    ['a stamp that is NaN', { stamps: { k: Number.NaN } }, 'the log positions are malformed'],
    ['reviews missing', { reviews: undefined }, 'a counter is malformed'],
    ['reviews infinite', { reviews: Number.POSITIVE_INFINITY }, 'a counter is malformed'],
    ['clock a string', { clock: '1' }, 'a counter is malformed'],
    ['lastAnswer missing', { lastAnswer: undefined }, 'the last answer is malformed'],
    ['lastAnswer an undo', { lastAnswer: { ...review(1), type: 'undo' } }, 'the last answer'],
    ['lastAnswer without id', { lastAnswer: { ...review(1), id: 7 } }, 'the last answer'],
    ['lastAnswer without time', { lastAnswer: { ...review(1), at: '1' } }, 'the last answer'],
    ['lastAnswer an array', { lastAnswer: [] }, 'the last answer is malformed'],
    ['settings missing', { settings: undefined }, 'the settings are malformed'],
    ['settings an array', { settings: [] }, 'the settings are malformed'],
    ['settings null', { settings: null }, 'the settings are malformed'],
  ];
  for (const [what, change, reason] of cases)
    it(`${what}: ${reason}`, () => {
      expect(snapshotProblem({ ...good(), ...change })).toMatch(new RegExp(`^${reason}`));
    });

  for (const field of Object.keys(DAY))
    it(`a day without ${field}: a daily count is malformed`, () => {
      const day: Record<string, unknown> = { ...DAY };
      delete day[field];
      expect(snapshotProblem({ ...good(), days: { 1: DAY, 2: day } })).toBe(
        'a daily count is malformed',
      );
      expect(snapshotProblem({ ...good(), days: { 2: { ...DAY, [field]: '1' } } })).toBe(
        'a daily count is malformed',
      );
    });

  it('the first malformed part is named, in the order cards, marks, days, exams, logs, counters', () => {
    const all = {
      cards: [],
      marks: [],
      days: [],
      exams: {},
      logs: [],
      reviews: 'x',
      lastAnswer: 1,
      settings: 1,
    };
    const order = [
      ['cards', 'a card state is malformed'],
      ['marks', 'a card mark is malformed'],
      ['days', 'a daily count is malformed'],
      ['exams', 'an exam is malformed'],
      ['logs', 'the log positions are malformed'],
      ['reviews', 'a counter is malformed'],
      ['lastAnswer', 'the last answer is malformed'],
      ['settings', 'the settings are malformed'],
    ] as const;
    const x: Record<string, unknown> = { ...good(), ...all };
    for (const [field, reason] of order) {
      expect(snapshotProblem(x)).toBe(reason);
      x[field] = good()[field];
    }
    expect(snapshotProblem(x)).toBeNull();
  });
});

describe('readSnapshot', () => {
  it('takes the current version as it is', () => {
    const x = good();
    expect(readSnapshot(x)).toEqual({ ok: true, snapshot: x, migratedFrom: null });
  });

  it('upgrades version 1 and says so; settings and progress stay', () => {
    const { stamps: _s, clock: _c, ...v1 } = good();
    const read = readSnapshot({ ...v1, schema: 1 });
    expect(read).toEqual({
      ok: true,
      snapshot: { ...v1, schema: SNAPSHOT_VERSION, stamps: {}, clock: T0 + 60_000, logs: {} },
      migratedFrom: 1,
    });
  });

  it('refuses a newer version, whatever else it holds', () => {
    expect(readSnapshot({ schema: SNAPSHOT_VERSION + 1 })).toEqual({
      ok: false,
      newer: SNAPSHOT_VERSION + 1,
    });
    expect(readSnapshot({ ...good(), schema: 40, cards: 'other' })).toEqual({
      ok: false,
      newer: 40,
    });
  });

  it('a value that is not an object has nothing to salvage', () => {
    for (const x of [null, [], 'state', 3, [{ settings: {} }]])
      expect(readSnapshot(x)).toEqual({
        ok: false,
        newer: null,
        reason: 'not a JSON object',
        settings: null,
      });
  });

  it('without a usable schema number the settings are salvaged', () => {
    for (const schema of [undefined, 0, -1, 1.5, '2', null])
      expect(readSnapshot({ ...good(), schema })).toEqual({
        ok: false,
        newer: null,
        reason: 'no schema version',
        settings: { newPerDay: 7 },
      });
  });

  it('a malformed part is named and the settings salvaged', () => {
    expect(readSnapshot({ ...good(), reviews: null })).toEqual({
      ok: false,
      newer: null,
      reason: 'a counter is malformed',
      settings: { newPerDay: 7 },
    });
  });

  it('settings that are not an object are not salvaged', () => {
    for (const settings of [[], 'x', null, undefined])
      expect(readSnapshot({ ...good(), schema: 0, settings })).toMatchObject({
        ok: false,
        settings: null,
      });
  });

  it('an upgrade that fails is named, with the settings salvaged', () => {
    const read = readSnapshot({ ...good(), schema: 1, exams: 5 });
    expect(read).toMatchObject({ ok: false, newer: null, settings: { newPerDay: 7 } });
    expect((read as { reason: string }).reason).toMatch(
      /^upgrade from version 1 failed: TypeError/,
    );
  });

  it('an upgraded snapshot is still checked', () => {
    expect(readSnapshot({ ...good(), schema: 1, marks: 'none' })).toMatchObject({
      ok: false,
      reason: 'a card mark is malformed',
      settings: { newPerDay: 7 },
    });
  });
});
