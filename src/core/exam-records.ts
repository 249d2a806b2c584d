// What a submitted exam writes to the log: one review record per question (a wrong answer
// sends a studied card back to relearning when `exam-feeds-schedule` is on; a right one
// leaves the schedule as it was) and the exam's summary.
import { studyDay } from './clock.js';
import type { ExamResult } from './exam-score.js';
import type { LogRecord, Memory } from './model.js';
import { examRecord, reviewRecord } from './records.js';
import { newMemory, type Scheduler } from './scheduler.js';
import type { Settings } from './settings.js';

export interface ExamRecordContext {
  scheduler: Scheduler;
  settings: Settings;
  memory: (key: string) => Memory | null;
  /** Whether the question's card still exists. */
  exists: (key: string) => boolean;
  newId: () => string;
  /** A record time for `key` no earlier than `notBefore`, after everything before it. */
  timeFor: (key: string | null, notBefore: number) => number;
}

export function examRecords(result: ExamResult, ctx: ExamRecordContext): LogRecord[] {
  const out: LogRecord[] = [];
  let t = result.at;
  for (const q of result.results) {
    if (!ctx.exists(q.key)) continue;
    const at = ctx.timeFor(q.key, t);
    t = at + 1;
    const before = ctx.memory(q.key);
    const relearn = !q.correct && ctx.settings.examFeedsSchedule;
    const after = relearn
      ? ctx.scheduler.answer(before ?? newMemory(at), at, 1, q.key)
      : (before ?? newMemory(at));
    out.push(
      reviewRecord({
        id: ctx.newId(),
        key: q.key,
        at,
        rating: q.correct ? 3 : 1,
        mode: 'exam',
        tookMs: 0,
        correct: q.correct,
        before,
        after,
        day: studyDay(at, ctx.settings.dayStartsAt),
      }),
    );
  }
  const { results: _answers, ...summary } = result;
  out.push(examRecord({ ...summary, at: ctx.timeFor(null, t) }));
  return out;
}
