// Log records: how they are made, and how a line read back is judged. A line written by a
// newer version (a record type or mark this one does not know) is "future": it stays in
// the log and is skipped, never fatal. A line that is not a record at all is "bad".
import { classifyCram, classifyCramUndo } from './cram-records.js';
import type {
  ExamRecord,
  ExamSummary,
  Grade,
  LogRecord,
  MarkKind,
  MarkRecord,
  Memory,
  ReviewMode,
  ReviewRecord,
  UndoRecord,
} from './model.js';
import { classifySetting } from './setting-records.js';

// Cram records live in cram-records.ts; re-exported here, where readers look for records.
export { cramRecord, cramUndoRecord, isCramRecord } from './cram-records.js';

export const MARK_KINDS: readonly MarkKind[] = [
  'suspend',
  'unsuspend',
  'bury',
  'unbury',
  'flag',
  'unflag',
  'leech',
  'unleech',
  'introduce',
  'unintroduce',
  'forget',
  'unforget',
  'refit',
];
const PHASES = ['new', 'learning', 'review', 'relearning'];
const MODES: readonly ReviewMode[] = ['study', 'exam'];

export function reviewRecord(r: {
  id: string;
  key: string;
  at: number;
  rating: Grade;
  mode: ReviewMode;
  tookMs: number;
  correct?: boolean;
  fed?: boolean;
  before: Memory | null;
  after: Memory;
  day: number;
}): ReviewRecord {
  return {
    type: 'review',
    id: r.id,
    key: r.key,
    at: r.at,
    rating: r.rating,
    mode: r.mode,
    tookMs: Math.max(0, Math.round(r.tookMs)),
    ...(r.correct === undefined ? {} : { correct: r.correct }),
    ...(r.fed === undefined ? {} : { fed: r.fed }),
    before: r.before,
    after: r.after,
    day: r.day,
  };
}

/** What a forget took away, for the `unforget` mark that puts it back. */
export interface Forgotten {
  memory: Memory;
  introduced?: number;
}

/** A mark; `was` only with `unforget`: what the forget it takes back took away. */
export function markRecord(
  id: string,
  key: string,
  mark: MarkKind,
  at: number,
  day: number,
  was?: Forgotten,
): MarkRecord {
  const rec: MarkRecord = { type: 'mark', id, at, key, mark, day };
  if (!was) return rec;
  rec.memory = was.memory;
  if (was.introduced !== undefined) rec.introduced = was.introduced;
  return rec;
}

export function undoRecord(id: string, at: number, review: ReviewRecord): UndoRecord {
  return { type: 'undo', id, at, review };
}

export function examRecord(summary: ExamSummary): ExamRecord {
  return { type: 'exam', id: summary.id, at: summary.at, summary };
}

/** The card a record is about; exam records are about no single card. */
export function recordKey(rec: LogRecord): string | null {
  switch (rec.type) {
    case 'review':
    case 'mark':
    case 'cram':
    case 'cram-undo':
      return rec.key;
    case 'undo':
      return rec.review.key;
    case 'exam':
    case 'setting':
      return null;
    default: {
      const never: never = rec;
      return never;
    }
  }
}

export type Classified =
  | { kind: 'record'; record: LogRecord }
  | { kind: 'future'; type: string }
  | { kind: 'bad'; reason: string };

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

export function isMemory(x: unknown): x is Memory {
  if (!isObj(x)) return false;
  return (
    PHASES.includes(x.phase as string) &&
    isNum(x.due) &&
    isNum(x.stability) &&
    isNum(x.difficulty) &&
    isNum(x.scheduledDays) &&
    isNum(x.learningSteps) &&
    isNum(x.reps) &&
    isNum(x.lapses) &&
    (x.lastReview === null || isNum(x.lastReview))
  );
}

function reviewProblem(r: Obj): string | null {
  if (!isStr(r.key)) return 'a review without a card key';
  if (!isNum(r.day)) return 'a review without a study day';
  if (!isNum(r.tookMs)) return 'a review without an answer time';
  if (r.before !== null && !isMemory(r.before)) return 'a review with a malformed earlier state';
  if (!isMemory(r.after)) return 'a review with a malformed new state';
  if (r.correct !== undefined && typeof r.correct !== 'boolean') return 'a malformed verdict';
  if (r.fed !== undefined && typeof r.fed !== 'boolean') return 'a malformed "fed" flag';
  return null;
}

/** A review whose rating or mode this version does not know came from a newer one. */
function reviewIsFuture(r: Obj): boolean {
  const rated = r.rating === 1 || r.rating === 2 || r.rating === 3 || r.rating === 4;
  return !rated || !MODES.includes(r.mode as ReviewMode);
}

function isTally(x: unknown): boolean {
  return isObj(x) && isNum(x.correct) && isNum(x.total) && isNum(x.percent);
}

function isTallies(x: unknown): boolean {
  return isObj(x) && Object.values(x).every(isTally);
}

function isPrediction(x: unknown): boolean {
  return (
    isObj(x) && isStr(x.key) && isNum(x.p) && x.p >= 0 && x.p <= 1 && typeof x.correct === 'boolean'
  );
}

export function isExamSummary(x: unknown): x is ExamSummary {
  if (!isObj(x)) return false;
  const scope = x.scope;
  return (
    isStr(x.id) &&
    isNum(x.at) &&
    isNum(x.questions) &&
    isNum(x.correct) &&
    isNum(x.scorePercent) &&
    isNum(x.passPercent) &&
    typeof x.passed === 'boolean' &&
    isNum(x.usedMs) &&
    typeof x.timedOut === 'boolean' &&
    isTallies(x.byDeck) &&
    isTallies(x.byTag) &&
    (x.predictedPercent === null || isNum(x.predictedPercent)) &&
    // Kept since issue 9; older summaries have none and are left out of per-question figures.
    (x.predictions === undefined ||
      (Array.isArray(x.predictions) && x.predictions.every(isPrediction))) &&
    isObj(scope) &&
    (scope.decks === null || (Array.isArray(scope.decks) && scope.decks.every(isStr))) &&
    (scope.tag === null || typeof scope.tag === 'string') &&
    (scope.blueprint === null || typeof scope.blueprint === 'string')
  );
}

/** Judges one parsed log line. */
export function classifyRecord(x: unknown): Classified {
  if (!isObj(x)) return { kind: 'bad', reason: 'not a JSON object' };
  if (!isStr(x.id) || !isNum(x.at)) return { kind: 'bad', reason: 'no record id or time' };
  if (!isStr(x.type)) return { kind: 'bad', reason: 'no record type' };
  switch (x.type) {
    case 'review': {
      if (reviewIsFuture(x)) return { kind: 'future', type: 'review' };
      const problem = reviewProblem(x);
      return problem
        ? { kind: 'bad', reason: problem }
        : { kind: 'record', record: x as unknown as ReviewRecord };
    }
    case 'undo': {
      const r = x.review;
      if (!isObj(r) || r.type !== 'review' || !isStr(r.id) || !isNum(r.at))
        return { kind: 'bad', reason: 'an undo without the review it takes back' };
      if (reviewIsFuture(r)) return { kind: 'future', type: 'undo' };
      const problem = reviewProblem(r);
      return problem
        ? { kind: 'bad', reason: problem }
        : { kind: 'record', record: x as unknown as UndoRecord };
    }
    case 'mark':
      if (!isStr(x.key) || !isNum(x.day)) return { kind: 'bad', reason: 'a malformed mark' };
      if (!MARK_KINDS.includes(x.mark as MarkKind)) return { kind: 'future', type: 'mark' };
      if (
        x.mark === 'unforget' &&
        (!isMemory(x.memory) || !(x.introduced === undefined || isNum(x.introduced)))
      )
        return { kind: 'bad', reason: 'an unforget without the memory it puts back' };
      if (x.mark === 'refit' && !isMemory(x.memory))
        return { kind: 'bad', reason: 'a refit without the memory it sets' };
      return { kind: 'record', record: x as unknown as MarkRecord };
    case 'exam':
      return isExamSummary(x.summary)
        ? { kind: 'record', record: x as unknown as ExamRecord }
        : { kind: 'bad', reason: 'an exam record with a malformed summary' };
    case 'cram':
      return classifyCram(x);
    case 'cram-undo':
      return classifyCramUndo(x);
    case 'setting':
      return classifySetting(x);
    default:
      return { kind: 'future', type: x.type };
  }
}
