// The log's answers as columns of numbers: what statistics need of a million answers, kept
// in a cache file between runs (store/answer-index.ts) so a run parses only the log lines
// appended since. Rows are in log order; an undone answer stays as a row marked undone.
import type { LogRecord } from '../model.js';
import { type Answer, answerOf } from './answers.js';

const PHASES = [null, 'new', 'learning', 'review', 'relearning'] as const;
// Flag bits: the phase before the answer (3 bits), then the booleans.
const SCHEDULED = 8;
const COUNTED = 16;
const HAS_VERDICT = 32;
const RIGHT = 64;
const UNDONE = 128;

export interface AnswerTable {
  /** Card keys; a row holds an index into it. */
  keys: string[];
  rows: number;
  at: Float64Array;
  day: Int32Array;
  key: Int32Array;
  interval: Float32Array;
  tookMs: Uint32Array;
  rating: Uint8Array;
  flags: Uint8Array;
}

export function emptyTable(capacity = 1024): AnswerTable {
  return {
    keys: [],
    rows: 0,
    at: new Float64Array(capacity),
    day: new Int32Array(capacity),
    key: new Int32Array(capacity),
    interval: new Float32Array(capacity),
    tookMs: new Uint32Array(capacity),
    rating: new Uint8Array(capacity),
    flags: new Uint8Array(capacity),
  };
}

type Column = Exclude<keyof AnswerTable, 'keys' | 'rows'>;
export const COLUMNS: readonly Column[] = [
  'at',
  'day',
  'key',
  'interval',
  'tookMs',
  'rating',
  'flags',
];

function grow(t: AnswerTable, need: number): void {
  if (need <= t.at.length) return;
  const size = Math.max(need, t.at.length * 2);
  for (const c of COLUMNS) {
    const old = t[c];
    const next = new (old.constructor as new (n: number) => typeof old)(size);
    next.set(old.subarray(0, t.rows) as never);
    (t as unknown as Record<Column, typeof old>)[c] = next;
  }
}

/** Appends the answers of `records` (in log order) and marks the answers they undo. */
export function appendRecords(
  t: AnswerTable,
  records: readonly LogRecord[],
  keyIndex: Map<string, number> = indexKeys(t),
): void {
  for (const rec of records) {
    if (rec.type === 'undo' || rec.type === 'cram-undo') {
      const taken = rec.type === 'undo' ? rec.review : rec.cram;
      markUndone(t, keyIndex.get(taken.key), taken.at);
      continue;
    }
    if (rec.type !== 'review' && rec.type !== 'cram') continue;
    const a = answerOf(rec);
    let k = keyIndex.get(a.key);
    if (k === undefined) {
      k = t.keys.length;
      t.keys.push(a.key);
      keyIndex.set(a.key, k);
    }
    grow(t, t.rows + 1);
    const i = t.rows++;
    t.at[i] = a.at;
    t.day[i] = a.day;
    t.key[i] = k;
    t.interval[i] = a.interval;
    t.tookMs[i] = Math.max(0, Math.min(0xffffffff, Math.round(a.tookMs)));
    t.rating[i] = a.rating;
    t.flags[i] =
      PHASES.indexOf(a.phase) |
      (a.scheduled ? SCHEDULED : 0) |
      (a.counted ? COUNTED : 0) |
      (a.correct === undefined ? 0 : HAS_VERDICT | (a.correct ? RIGHT : 0));
  }
}

export function indexKeys(t: AnswerTable): Map<string, number> {
  return new Map(t.keys.map((k, i) => [k, i]));
}

/** The answer of card `k` given at `at`, looked for from the newest: undo is of recent ones. */
function markUndone(t: AnswerTable, k: number | undefined, at: number): void {
  if (k === undefined) return;
  for (let i = t.rows - 1; i >= 0; i--)
    if (t.key[i] === k && t.at[i] === at && !(t.flags[i]! & UNDONE)) {
      t.flags[i]! |= UNDONE;
      return;
    }
}

/**
 * The answers in scope, in time order, without the undone ones. `inScope` is asked once
 * per card, not once per answer.
 */
export function tableAnswers(t: AnswerTable, inScope: (key: string) => boolean): Answer[] {
  const keep = t.keys.map((k) => inScope(k));
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < t.rows; i++) {
    if (t.flags[i]! & UNDONE || !keep[t.key[i]!]) continue;
    if (order.length > 0 && t.at[i]! < t.at[order.at(-1)!]!) sorted = false;
    order.push(i);
  }
  // Several devices' logs follow one another in the table: put their answers in time order.
  if (!sorted) order.sort((x, y) => t.at[x]! - t.at[y]! || x - y);
  const out = new Array<Answer>(order.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const f = t.flags[i]!;
    // One object shape for all (no spread): a million of these are made per run.
    const a: Answer = {
      key: t.keys[t.key[i]!]!,
      at: t.at[i]!,
      day: t.day[i]!,
      rating: t.rating[i] as Answer['rating'],
      tookMs: t.tookMs[i]!,
      phase: PHASES[f & 7] ?? null,
      interval: t.interval[i]!,
      scheduled: (f & SCHEDULED) !== 0,
      counted: (f & COUNTED) !== 0,
      card: t.key[i]!,
    };
    if (f & HAS_VERDICT) a.correct = (f & RIGHT) !== 0;
    out[j] = a;
  }
  return out;
}

/**
 * The same answers as tableAnswers, as a view that makes no object per answer: iterating
 * it fills one answer object in place, row after row. For the series, which read each
 * answer's fields as they go and keep none of the objects (a million answers would
 * otherwise cost as much in allocation as in counting).
 *
 * Each card's answers come in time order, not necessarily all answers: the series count,
 * and the one that keeps state (true retention's first answer of a card each day) keeps it
 * per card. So the rows stay in table order unless some card's answers are out of order
 * (a card answered on two devices): then all are sorted by time, as tableAnswers does. A
 * log whose lines are in card order would otherwise cost a sort of a million rows each time.
 */
export function tableAnswerView(
  t: AnswerTable,
  inScope: (key: string) => boolean,
): Iterable<Answer> & { length: number } {
  const keep = t.keys.map((k) => inScope(k));
  const order = new Int32Array(t.rows);
  const lastAt = new Float64Array(t.keys.length).fill(Number.NEGATIVE_INFINITY);
  let n = 0;
  let sorted = true;
  for (let i = 0; i < t.rows; i++) {
    const k = t.key[i]!;
    if (t.flags[i]! & UNDONE || !keep[k]) continue;
    const at = t.at[i]!;
    if (at < lastAt[k]!) sorted = false;
    else lastAt[k] = at;
    order[n++] = i;
  }
  const rows = order.subarray(0, n);
  if (!sorted) rows.sort((x, y) => t.at[x]! - t.at[y]! || x - y);
  return {
    length: n,
    [Symbol.iterator](): Iterator<Answer> {
      const a: Answer = {
        key: '',
        at: 0,
        day: 0,
        rating: 1,
        tookMs: 0,
        correct: undefined,
        phase: null,
        interval: 0,
        scheduled: false,
        counted: false,
        card: 0,
      };
      const step = { value: a, done: false };
      let j = 0;
      return {
        next: () => {
          if (j >= n) return { value: undefined, done: true };
          const i = rows[j++]!;
          const f = t.flags[i]!;
          a.key = t.keys[t.key[i]!]!;
          a.at = t.at[i]!;
          a.day = t.day[i]!;
          a.rating = t.rating[i] as Answer['rating'];
          a.tookMs = t.tookMs[i]!;
          a.correct = f & HAS_VERDICT ? (f & RIGHT) !== 0 : undefined;
          a.phase = PHASES[f & 7] ?? null;
          a.interval = t.interval[i]!;
          a.scheduled = (f & SCHEDULED) !== 0;
          a.counted = (f & COUNTED) !== 0;
          a.card = t.key[i]!;
          return step;
        },
      };
    },
  };
}
