// What a submitted exam writes to the log. An exam is a measurement first:
// - an unanswered question writes nothing (the score still counts it wrong);
// - a right answer is logged and changes nothing;
// - a wrong answer on a studied card is a lapse at the time it was given, when
//   `exam-feeds-schedule` is on, with the same leech check as study; off, it is logged only;
// - a wrong answer on a card never studied leaves it new and moves it to the front of the
//   new queue (an `introduce` mark).
// Every answer record says whether it fed the schedule, when it was given and how long the
// question was on screen. The exam's summary comes last.
import { studyDay } from './clock.js';
import type { ExamResult, QuestionResult, ScheduleEffect } from './exam-score.js';
import { leechMarks } from './leech.js';
import type { CardMarks, LogRecord, Memory } from './model.js';
import { examRecord, markRecord, reviewRecord } from './records.js';
import { newMemory, type Scheduler } from './scheduler.js';
import type { Settings } from './settings.js';
import type { UndoEntry } from './undo.js';

export interface ExamRecordContext {
  scheduler: Scheduler;
  settings: Settings;
  memory: (key: string) => Memory | null;
  /** The card's marks now (whether it is a leech already); none when not given. */
  marks?: (key: string) => CardMarks | undefined;
  /** Whether the question's card still exists. */
  exists: (key: string) => boolean;
  newId: () => string;
  /** A record time for `key` no earlier than `notBefore`, after everything before it. */
  timeFor: (key: string | null, notBefore: number) => number;
}

export interface ExamWrite {
  /** In time order, for one append. */
  records: LogRecord[];
  effect: ScheduleEffect;
  /** What takes the exam's changes to the schedule back, newest last. */
  undo: UndoEntry[];
}

/** Answered questions in the order they were answered (ties in exam order). */
function byAnswerTime(result: ExamResult): QuestionResult[] {
  const at = (q: QuestionResult) => q.answeredAt ?? result.at;
  return result.results
    .filter((q) => q.answered)
    .map((q, i) => ({ q, i }))
    .sort((a, b) => at(a.q) - at(b.q) || a.i - b.i)
    .map(({ q }) => q);
}

export function examWrite(result: ExamResult, ctx: ExamRecordContext): ExamWrite {
  const records: LogRecord[] = [];
  const undo: UndoEntry[] = [];
  const effect: ScheduleEffect = { relearning: 0, restarted: 0, movedUp: 0, leeches: 0 };
  const feeds = ctx.settings.examFeedsSchedule;
  // Each record strictly later than the one before it: this device's log stays in order.
  let t = Number.NEGATIVE_INFINITY;
  for (const q of byAnswerTime(result)) {
    if (!ctx.exists(q.key)) continue;
    const at = ctx.timeFor(q.key, Math.max(t, q.answeredAt ?? result.at));
    t = at + 1;
    const before = ctx.memory(q.key);
    const studied = before !== null && before.phase !== 'new';
    const lapse = !q.correct && studied && feeds;
    const after = lapse ? ctx.scheduler.answer(before, at, 1, q.key) : (before ?? newMemory(at));
    const day = studyDay(at, ctx.settings.dayStartsAt);
    const review = reviewRecord({
      id: ctx.newId(),
      key: q.key,
      at,
      rating: q.correct ? 3 : 1,
      mode: 'exam',
      tookMs: q.tookMs,
      correct: q.correct,
      fed: lapse,
      before,
      after,
      day,
    });
    records.push(review);
    if (lapse) {
      const marks = leechMarks({
        key: q.key,
        before,
        after,
        settings: ctx.settings,
        wasLeech: ctx.marks ? ctx.marks(q.key)?.leech === true : undefined,
        at,
        day,
        newId: ctx.newId,
      });
      records.push(...marks.records);
      t = at + 1 + marks.records.length;
      undo.push({ kind: 'answer', review, ...marks.undo });
      if (before.phase === 'review') effect.relearning++;
      else effect.restarted++;
      if (marks.leech) effect.leeches++;
    } else if (!q.correct && !studied) {
      records.push(markRecord(ctx.newId(), q.key, 'introduce', at + 1, day));
      t = at + 2;
      undo.push({ kind: 'mark', key: q.key, undo: 'unintroduce' });
      effect.movedUp++;
    }
  }
  const { results: _answers, schedule: _effect, ...summary } = result;
  records.push(examRecord({ ...summary, at: ctx.timeFor(null, Math.max(t, result.at)) }));
  return { records, effect, undo };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One sentence for the results screen: "7 cards back to relearning, 3 new cards moved up." */
export function describeEffect(e: ScheduleEffect): string {
  const parts: string[] = [];
  if (e.relearning > 0) parts.push(`${plural(e.relearning, 'card', 'cards')} back to relearning`);
  if (e.restarted > 0)
    parts.push(`${plural(e.restarted, 'card', 'cards')} back to the first learning step`);
  if (e.leeches > 0) parts.push(`${plural(e.leeches, 'new leech', 'new leeches')}`);
  if (e.movedUp > 0) parts.push(`${plural(e.movedUp, 'new card', 'new cards')} moved up`);
  if (parts.length === 0) return 'The schedule is unchanged.';
  const text = parts.join(', ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export function examRecords(result: ExamResult, ctx: ExamRecordContext): LogRecord[] {
  return examWrite(result, ctx).records;
}
