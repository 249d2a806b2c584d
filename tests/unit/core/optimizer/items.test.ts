import { describe, expect, it } from 'vitest';
import type {
  Grade,
  LogRecord,
  Memory,
  MemoryPhase,
  ReviewRecord,
} from '../../../../src/core/model.js';
import { compactItems, trainable, trainingItems } from '../../../../src/core/optimizer/items.js';
import { markRecord, reviewRecord, undoRecord } from '../../../../src/core/records.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const mem = (phase: MemoryPhase, at: number): Memory => ({
  phase,
  due: at + DAY,
  stability: 3,
  difficulty: 5,
  scheduledDays: 1,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  lastReview: at,
});

let n = 0;
/** An answer `day` study days after day 100, `min` minutes into it, from a card in `phase`. */
function ans(
  key: string,
  day: number,
  rating: Grade,
  phase: MemoryPhase | null,
  extra: Partial<ReviewRecord> = {},
  min = 0,
): ReviewRecord {
  const at = T0 + day * DAY + min * 60_000;
  return {
    ...reviewRecord({
      id: `d-${String(++n).padStart(5, '0')}`,
      key,
      at,
      rating,
      mode: 'study',
      tookMs: 2000,
      before: phase === null ? null : mem(phase, at - DAY),
      after: mem('review', at),
      day: 100 + day,
    }),
    ...extra,
  };
}

const shape = (recs: LogRecord[]) => trainingItems(recs).items.map((i) => i.reviews);

describe('optimizer items (Anki reviews_for_fsrs)', () => {
  it('one item per answer after a gap; same-day answers stay in the history with delta 0', () => {
    const recs = [
      ans('a/1', 0, 3, null),
      ans('a/1', 0, 3, 'learning', {}, 10),
      ans('a/1', 2, 3, 'review'),
      ans('a/1', 2, 1, 'review', {}, 5), // a second answer that day: no item of its own
      ans('a/1', 5, 3, 'relearning'),
    ];
    expect(shape(recs)).toEqual([
      [
        [3, 0],
        [3, 0],
        [3, 2],
      ],
      [
        [3, 0],
        [3, 0],
        [3, 2],
        [1, 0],
        [3, 3],
      ],
    ]);
    expect(trainingItems(recs).reviews).toBe(5);
  });

  it('a card answered only on one day gives no item: the binding would abort on it', () => {
    const recs = [
      ans('b/1', 0, 3, null),
      ans('b/1', 0, 3, 'learning', {}, 1),
      ans('b/1', 0, 3, 'learning', {}, 11),
    ];
    const set = trainingItems(recs);
    expect(set.items).toEqual([]);
    expect(set.reviews).toBe(0);
  });

  it('every item it builds passes the guard; the guard refuses what fsrs-rs aborts on', () => {
    expect(
      trainable({
        reviews: [
          [3, 0],
          [3, 0],
        ],
      }),
    ).toBe(false);
    expect(trainable({ reviews: [[3, 0]] })).toBe(false);
    expect(
      trainable({
        reviews: [
          [3, 1],
          [3, 2],
        ],
      }),
    ).toBe(false);
    expect(
      trainable({
        reviews: [
          [3, 0],
          [5 as Grade, 2],
        ],
      }),
    ).toBe(false);
    expect(
      trainable({
        reviews: [
          [3, 0],
          [3, 1.5],
        ],
      }),
    ).toBe(false);
    expect(
      trainable({
        reviews: [
          [3, 0],
          [3, 0],
          [3, 2],
        ],
      }),
    ).toBe(true);
  });

  it('leaves out undone answers, unfed exam answers and cram answers; keeps fed exam answers', () => {
    const wrong = ans('c/1', 3, 1, 'review', { mode: 'exam', fed: true });
    const measured = ans('c/1', 4, 3, 'review', { mode: 'exam', fed: false });
    const undone = ans('c/1', 6, 4, 'review');
    const cram = {
      type: 'cram',
      id: 'x-cram',
      key: 'c/1',
      at: T0 + 7 * DAY,
      rating: 1,
      tookMs: 1,
      day: 107,
    };
    const recs: LogRecord[] = [
      ans('c/1', 0, 3, null),
      ans('c/1', 1, 3, 'learning'),
      wrong,
      measured,
      undone,
      undoRecord('u-1', undone.at + 1000, undone),
      cram as unknown as LogRecord,
    ];
    expect(shape(recs)).toEqual([
      [
        [3, 0],
        [3, 1],
      ],
      [
        [3, 0],
        [3, 1],
        [1, 2],
      ],
    ]);
  });

  it('a forget starts the card over: only the history after it counts', () => {
    const recs: LogRecord[] = [
      ans('d/1', 0, 3, null),
      ans('d/1', 3, 3, 'review'),
      markRecord('m-1', 'd/1', 'forget', T0 + 5 * DAY, 105),
      ans('d/1', 6, 1, null),
      ans('d/1', 8, 3, 'learning'),
    ];
    expect(shape(recs)).toEqual([
      [
        [1, 0],
        [3, 2],
      ],
    ]);
  });

  it('a forget taken back (unforget) right after it resets nothing', () => {
    const recs: LogRecord[] = [
      ans('d/2', 0, 3, null),
      ans('d/2', 3, 3, 'review'),
      markRecord('m-2', 'd/2', 'forget', T0 + 5 * DAY, 105),
      markRecord('m-3', 'd/2', 'unforget', T0 + 5 * DAY + 1000, 105, {
        memory: mem('review', T0 + 3 * DAY),
      }),
      ans('d/2', 8, 3, 'review'),
    ];
    expect(shape(recs)).toEqual([
      [
        [3, 0],
        [3, 3],
      ],
      [
        [3, 0],
        [3, 3],
        [3, 5],
      ],
    ]);
  });

  it('a card whose history has no learning answer (its start is not in the log) is left out', () => {
    const recs = [ans('e/1', 0, 3, 'review'), ans('e/1', 4, 3, 'review')];
    expect(trainingItems(recs).items).toEqual([]);
  });

  it('orders items by the time of the predicted answer, across cards', () => {
    const recs = [
      ans('f/1', 0, 3, null),
      ans('g/1', 0, 3, null),
      ans('g/1', 1, 3, 'learning'),
      ans('f/1', 2, 3, 'learning'),
    ];
    expect(trainingItems(recs).items.map((i) => i.key)).toEqual(['g/1', 'f/1']);
  });

  it('the compact form gives back every item, in order, with each history once', () => {
    const recs = [
      ans('h/1', 0, 3, null),
      ans('i/1', 0, 1, null),
      ans('h/1', 1, 3, 'learning'),
      ans('i/1', 2, 3, 'learning'),
      ans('h/1', 4, 2, 'review'),
      ans('i/1', 5, 1, 'review'),
      ans('h/1', 9, 3, 'review'),
    ];
    const { items } = trainingItems(recs);
    const compact = compactItems(items);
    expect(compact.histories).toHaveLength(2);
    expect(compact.items.map(([h, n]) => compact.histories[h]?.slice(0, n))).toEqual(
      items.map((i) => i.reviews),
    );
  });
});
