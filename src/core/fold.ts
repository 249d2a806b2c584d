// The fold: progress as a function of the review logs. Every device appends to its own log;
// the state is the union of all logs, read in time order (ties by record id) with each
// record id counted once, so duplicating a log or reading the logs in another order gives
// the same state.
import type { CardMarks, CramRecord, LogRecord, MarkRecord, ReviewRecord } from './model.js';
import { emptyDay, emptyProgress, isNewer, type Progress } from './progress.js';
import { recordKey } from './records.js';
import { applySetting, deviceOfId } from './setting-records.js';

function count(p: Progress, rec: ReviewRecord, sign: 1 | -1): void {
  let d = p.days[rec.day];
  if (!d) {
    d = emptyDay();
    p.days[rec.day] = d;
  }
  d.reviews += sign;
  // Exam answers are not study: they do not use up the daily limits.
  if (rec.mode === 'study') {
    if (!rec.before || rec.before.phase === 'new') d.newCards += sign;
    else if (rec.before.phase === 'review') {
      d.reviewCards += sign;
      if (rec.rating > 1) d.reviewPassed += sign;
    }
  }
  if (rec.rating > 1) d.passed += sign;
  d.ms += sign * rec.tookMs;
  p.reviews += sign;
}

function applyAnswer(p: Progress, rec: ReviewRecord, own: boolean): void {
  // An exam answer that did not feed the schedule is a measurement: it is in the log (and
  // the card's history) but changes neither the memory nor the day's counts.
  if (rec.fed === false) return;
  const cur = p.cards[rec.key];
  // The latest answer decides the memory, whatever order the logs are read in.
  if (!cur || cur.lastReview === null || cur.lastReview <= rec.at) p.cards[rec.key] = rec.after;
  count(p, rec, 1);
  if (own && rec.mode === 'study' && (!p.lastAnswer || p.lastAnswer.at <= rec.at))
    p.lastAnswer = rec;
}

function applyUndo(p: Progress, rec: ReviewRecord): void {
  if (rec.fed === false) return;
  const cur = p.cards[rec.key];
  // Restore only if nothing newer happened to the card since (on another device, say).
  if (cur && cur.lastReview === rec.after.lastReview && cur.reps === rec.after.reps) {
    if (rec.before) p.cards[rec.key] = rec.before;
    else delete p.cards[rec.key];
  }
  count(p, rec, -1);
  if (p.lastAnswer?.id === rec.id) p.lastAnswer = null;
}

/**
 * A cram answer (or, with -1, its undo) counts as an answer given that day and in all, and
 * nothing else: no memory, no lapse or leech, no new or review card against the daily
 * limits, no true-retention figure (reviewCards/reviewPassed), never the `u`-after-restart
 * answer. Anki's filtered decks without rescheduling leave the schedule alone the same way.
 */
function countCram(p: Progress, rec: CramRecord, sign: 1 | -1): void {
  let d = p.days[rec.day];
  if (!d) {
    d = emptyDay();
    p.days[rec.day] = d;
  }
  d.reviews += sign;
  if (rec.rating > 1) d.passed += sign;
  d.ms += sign * rec.tookMs;
  p.reviews += sign;
}

function applyMark(p: Progress, rec: MarkRecord): void {
  const m: CardMarks = { ...p.marks[rec.key] };
  switch (rec.mark) {
    case 'suspend':
      m.suspended = true;
      break;
    case 'unsuspend':
      delete m.suspended;
      break;
    case 'bury':
      m.buriedDay = rec.day;
      break;
    case 'unbury':
      delete m.buriedDay;
      break;
    case 'flag':
      m.flagged = true;
      break;
    case 'unflag':
      delete m.flagged;
      break;
    case 'leech':
      m.leech = true;
      break;
    case 'unleech':
      delete m.leech;
      break;
    case 'introduce':
      m.introduced = rec.at;
      break;
    case 'unintroduce':
      delete m.introduced;
      break;
    case 'forget':
      // The answers stay in the log (card info lists them); the card starts over as new.
      delete p.cards[rec.key];
      delete m.introduced;
      break;
    case 'unforget':
      // Undo of a forget puts back what it took, unless the card was answered since (then
      // that answer's memory is the newer truth and stays, as an undo of an answer does).
      if (rec.memory && !p.cards[rec.key]) {
        p.cards[rec.key] = rec.memory;
        if (rec.introduced !== undefined) m.introduced = rec.introduced;
      }
      break;
    case 'refit': {
      // Memory recomputed with new weights: only over the memory it was computed from, so an
      // answer given since (on another device, say) keeps the newer truth.
      const cur = p.cards[rec.key];
      if (
        rec.memory &&
        cur &&
        cur.lastReview === rec.memory.lastReview &&
        cur.reps === rec.memory.reps
      )
        p.cards[rec.key] = rec.memory;
      break;
    }
    default: {
      // The reader turns marks it does not know into skipped "future" lines.
      const never: never = rec.mark;
      throw new Error(`unknown mark ${String(never)}`);
    }
  }
  if (Object.keys(m).length === 0) delete p.marks[rec.key];
  else p.marks[rec.key] = m;
}

/** Remembers the record's time where the card's memory does not already say it. */
function stamp(p: Progress, key: string, at: number): void {
  const latest = Math.max(at, p.stamps[key] ?? at);
  const reviewed = p.cards[key]?.lastReview;
  if (reviewed !== undefined && reviewed !== null && reviewed >= latest) delete p.stamps[key];
  else p.stamps[key] = latest;
}

/**
 * Applies one record. `own` says it comes from this device's log: only those can be taken
 * back with `u` after a restart.
 */
export function applyRecord(p: Progress, rec: LogRecord, own = true): void {
  switch (rec.type) {
    case 'review':
      applyAnswer(p, rec, own);
      break;
    case 'undo':
      applyUndo(p, rec.review);
      break;
    case 'mark':
      applyMark(p, rec);
      break;
    case 'cram':
      countCram(p, rec, 1);
      break;
    case 'cram-undo':
      countCram(p, rec.cram, -1);
      break;
    case 'exam':
      if (p.exams.some((e) => e.id === rec.id)) return;
      p.exams.push(rec.summary);
      p.exams.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return;
    case 'setting':
      applySetting(p.settingRecords, rec);
      return;
    default: {
      const never: never = rec;
      throw new Error(`unknown record ${JSON.stringify(never)}`);
    }
  }
  const key = recordKey(rec);
  if (key !== null) stamp(p, key, rec.at);
}

/**
 * Applies records read past what `p` has seen, as long as that is exact: returns false at
 * the first record that is not newer than everything applied about its card (a copy, or
 * out of order). The caller then folds every log again.
 */
export function applyNewer(
  p: Progress,
  records: readonly LogRecord[],
  inOwnLog: boolean,
  self?: string,
): boolean {
  for (const rec of records) {
    if (!isNewer(p, rec)) return false;
    applyRecord(p, rec, self === undefined ? inOwnLog : isOwn(rec, inOwnLog, self));
  }
  return true;
}

const MADE_BY = /^(.+)-[0-9a-z]+-[0-9a-f]+$/;

/**
 * Whether `self` made the record (only those can be taken back with `u` after a restart).
 * An id that names its device (`<device>-<time>-<hex>`, as every record made since 0.1) says
 * so wherever the record is read from: a copy of another device's answer appended to this
 * device's log (`merge`, `doctor --fix`) stays that device's. Other ids: where it was read.
 */
export function isOwn(rec: LogRecord, inOwnLog: boolean, self: string): boolean {
  return MADE_BY.test(rec.id) ? deviceOfId(rec.id) === self : inOwnLog;
}

export interface DeviceLog {
  device: string;
  records: readonly LogRecord[];
}

function byTime(a: { rec: LogRecord }, b: { rec: LogRecord }): number {
  return a.rec.at - b.rec.at || (a.rec.id < b.rec.id ? -1 : a.rec.id > b.rec.id ? 1 : 0);
}

/**
 * The state all logs imply: records in time order, each id once. Records that share an id
 * but not their content (two machines writing as one device) are added to `clashes`.
 */
export function foldLogs(logs: readonly DeviceLog[], self: string, clashes?: string[]): Progress {
  const all: { rec: LogRecord; own: boolean }[] = [];
  for (const log of logs)
    for (const rec of log.records) all.push({ rec, own: log.device === self });
  all.sort(byTime);
  const p = emptyProgress();
  const seen = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    const { rec } = all[i]!;
    if (seen.has(rec.id)) continue;
    seen.add(rec.id);
    // A record copied into another device's log is still this device's own answer.
    let inOwnLog = false;
    for (let j = i; j < all.length && all[j]!.rec.id === rec.id; j++) {
      inOwnLog ||= all[j]!.own;
      if (clashes && j > i && JSON.stringify(all[j]!.rec) !== JSON.stringify(rec))
        clashes.push(rec.id);
    }
    applyRecord(p, rec, isOwn(rec, inOwnLog, self));
  }
  return p;
}

/** One device's records in the order given: for tests and simple callers. */
export function rebuildProgress(records: Iterable<LogRecord>): Progress {
  return foldLogs([{ device: 'self', records: [...records] }], 'self');
}
