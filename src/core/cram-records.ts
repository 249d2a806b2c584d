// Cram records (model.ts CramRecord): built, told apart from scheduling answers, and judged
// when read back. A reader from before them skips both types as "future" lines.
import type { CramRecord, CramUndoRecord, LogRecord } from './model.js';

type Obj = Record<string, unknown>;
type Judged =
  | { kind: 'record'; record: CramRecord | CramUndoRecord }
  | { kind: 'future'; type: string }
  | { kind: 'bad'; reason: string };

const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

export function cramRecord(r: Omit<CramRecord, 'type'>): CramRecord {
  return {
    type: 'cram',
    id: r.id,
    key: r.key,
    at: r.at,
    rating: r.rating,
    tookMs: Math.max(0, Math.round(r.tookMs)),
    ...(r.correct === undefined ? {} : { correct: r.correct }),
    day: r.day,
  };
}

export function cramUndoRecord(id: string, at: number, cram: CramRecord): CramUndoRecord {
  return { type: 'cram-undo', id, at, key: cram.key, cram };
}

/**
 * A cram answer or the undo of one: never part of the schedule. Whoever reads answers for
 * the optimizer, true retention or the daily limits skips these (reading only
 * `type: 'review'` records does so already); history and the day's answer count keep them.
 */
export function isCramRecord(rec: LogRecord): rec is CramRecord | CramUndoRecord {
  return rec.type === 'cram' || rec.type === 'cram-undo';
}

function cramProblem(r: Obj): string | null {
  if (!isStr(r.key)) return 'a cram answer without a card key';
  if (!isNum(r.day)) return 'a cram answer without a study day';
  if (!isNum(r.tookMs)) return 'a cram answer without an answer time';
  if (r.correct !== undefined && typeof r.correct !== 'boolean') return 'a malformed verdict';
  return null;
}

const isRating = (x: unknown): boolean => x === 1 || x === 2 || x === 3 || x === 4;

export function classifyCram(x: Obj): Judged {
  if (!isRating(x.rating)) return { kind: 'future', type: 'cram' };
  const problem = cramProblem(x);
  return problem
    ? { kind: 'bad', reason: problem }
    : { kind: 'record', record: x as unknown as CramRecord };
}

export function classifyCramUndo(x: Obj): Judged {
  const c = x.cram;
  if (!isObj(c) || c.type !== 'cram' || !isStr(c.id) || !isNum(c.at) || c.key !== x.key)
    return { kind: 'bad', reason: 'a cram undo without the answer it takes back' };
  if (!isRating(c.rating)) return { kind: 'future', type: 'cram-undo' };
  const problem = cramProblem(c);
  return problem
    ? { kind: 'bad', reason: problem }
    : { kind: 'record', record: x as unknown as CramUndoRecord };
}
