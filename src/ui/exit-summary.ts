// The line printed when the TUI closes. A session that finished has its summary; one left
// with q or Ctrl+C never reaches it, so the answers given since are counted here, on the
// way to the port, and summarised as the session that just ended.
import type { AnswerInput, Scope, StudyPort } from '../core/ports.js';
import { type AnswerStat, type SessionSummary, summarize } from '../core/summary.js';

const ALL: Scope = { decks: null, tag: null };

export interface ExitTally {
  /** The port to hand the UI: answers and undos pass through it and are counted. */
  port: StudyPort;
  /** A finished session's summary: answers before it are no longer "since". */
  finished(summary: SessionSummary): void;
  /** The summary to print at exit, or null when nothing was studied. */
  summary(now: number): SessionSummary | null;
}

export function exitTally(port: StudyPort): ExitTally {
  let answers: (AnswerStat & { key: string; shownAt: number })[] = [];
  let last: SessionSummary | null = null;
  const answer = (input: AnswerInput): ReturnType<StudyPort['answer']> => {
    const r = port.answer(input);
    if (r.ok && !r.value.modified)
      answers.push({
        key: input.card.key,
        grade: input.grade,
        tookMs: input.tookMs,
        isNew: input.shown === null || input.shown.phase === 'new',
        shownAt: input.now - input.tookMs,
      });
    return r;
  };
  const undo = (now: number): ReturnType<StudyPort['undo']> => {
    const r = port.undo(now);
    // An undone bury or suspend leaves the answers alone: only the last answer's card pops.
    if (r.ok && r.value.kind === 'undone' && answers.at(-1)?.key === r.value.card.key)
      answers = answers.slice(0, -1);
    return r;
  };
  const wrapped = new Proxy(port, {
    get(target, prop) {
      if (prop === 'answer') return answer;
      if (prop === 'undo') return undo;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    port: wrapped,
    finished(summary) {
      last = summary;
      answers = [];
    },
    summary(now) {
      const first = answers[0];
      if (!first) return last;
      return summarize(answers, first.shownAt, now, port.nextDue(ALL, now), port.dayEnd(ALL, now));
    },
  };
}
