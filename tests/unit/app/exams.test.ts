import { describe, expect, it } from 'vitest';
import type { ExamService } from '../../../src/app/exams.js';
import { type ExamState, examReducer } from '../../../src/core/exam.js';
import { ALL } from '../../../src/core/ports.js';
import { answer, closeAll, ok, openFixture, T0 } from './fixture.js';

const DAY = 86_400_000;

const open = openFixture;

const OPTS = { scope: ALL, questions: 60, minutes: 30, passPercent: 70, blueprint: null };

/** Answers every question right, except those whose key is in `wrong`. */
function answerAll(e: ExamService, s: ExamState, wrong: Set<string>): ExamState {
  let st = s;
  st.keys.forEach((key, i) => {
    const card = e.card(key)!;
    if (card.face.kind === 'typed') {
      const text = wrong.has(key) ? 'nope' : card.face.answer;
      for (const ch of text) st = examReducer(st, { type: 'type', text: ch });
    } else if (card.face.kind === 'mcq') {
      const face = card.face;
      const want = wrong.has(key) ? face.choices.findIndex((c) => !c.correct) : -1;
      st.orders[i]!.forEach((src, d) => {
        const pick = wrong.has(key) ? src === want : face.choices[src]!.correct;
        if (pick) st = examReducer(st, { type: 'choose', index: d, multi: face.multi });
      });
    }
    st = examReducer(st, { type: 'next' });
  });
  st = examReducer(st, { type: 'askSubmit' });
  return examReducer(st, { type: 'confirmSubmit', now: T0 + 600_000 });
}

describe('ExamService', () => {
  it('draws every eligible question, says when there are fewer than asked, and saves the exam', async () => {
    const { exams } = await open();
    const r = exams.start(OPTS, T0);
    if ('error' in r) throw new Error(r.error);
    // Fixture: 2 mcq, 1 typed, 3 term-derived choice questions.
    expect(r.exam.keys).toHaveLength(6);
    expect(r.notes[0]).toMatch(/Only 6 exam questions/);
    expect(exams.inProgress()?.exam.id).toBe(r.exam.id);
  });

  it('a wrong answer sends a studied card to relearning; a right one leaves the schedule; all are logged as exam answers', async () => {
    const { c, exams, store } = await open();
    // Study two cards first so they have a review schedule.
    const typedCard = c.card('sample/list-all-domains')!;
    answer(c, typedCard, 4, T0 - 3 * DAY, 1);
    answer(c, c.card('sample/forward-without-mode')!, 4, T0 - 3 * DAY + 1000, 1);
    const before = structuredClone(store.progress.cards['sample/list-all-domains']);
    const r = exams.start(OPTS, T0);
    if ('error' in r) throw new Error(r.error);
    const done = answerAll(exams, r.exam, new Set(['sample/forward-without-mode']));
    const result = ok(exams.finish(done, T0 + 600_000));
    expect(result).toMatchObject({ questions: 6, correct: 5, scorePercent: 83, passed: true });
    expect(result.schedule).toEqual({ relearning: 1, restarted: 0, movedUp: 0, leeches: 0 });
    // Relearning from the moment the answer was given (no time kept here: the submit time),
    // on the 10-minute relearning step (Anki fuzzes a step by up to 25%, at most 5 minutes).
    const relearn = store.progress.cards['sample/forward-without-mode']!;
    expect(relearn.phase).toBe('relearning');
    expect(relearn.due - (T0 + 600_000 + 600_000)).toBeGreaterThanOrEqual(0);
    expect(relearn.due - (T0 + 600_000 + 600_000)).toBeLessThan(150_010);
    expect(store.progress.cards['sample/list-all-domains']).toEqual(before);
    const log = store.readAllRecords().filter((x) => x.type === 'review' && x.mode === 'exam');
    expect(log).toHaveLength(6);
    expect(store.progress.exams).toHaveLength(1);
    expect(exams.inProgress()).toBeNull();
    // Exam answers do not use up the daily new-card limit.
    expect(c.today(T0 + 600_000).newDone).toBe(0);
  });

  it('with exam-feeds-schedule off, wrong answers are logged but change nothing', async () => {
    const { c, exams, store } = await open();
    c.setSetting('exam-feeds-schedule', 'false');
    const r = exams.start(OPTS, T0);
    if ('error' in r) throw new Error(r.error);
    exams.finish(answerAll(exams, r.exam, new Set(r.exam.keys)), T0 + 1000);
    expect(Object.values(store.progress.cards).every((m) => m.phase === 'new')).toBe(true);
    expect(store.progress.exams[0]).toMatchObject({ correct: 0, passed: false });
  });

  it('history and readiness survive a restart; readiness counts unseen cards as guesses only', async () => {
    const { c, exams, dir } = await open();
    const guesses = exams.readiness(ALL, T0).now.percent;
    // (1/4 (one of four) + 1/6 (two of four) + 3 x 1/3 (term questions) + 0 (typed)) / 6
    expect(guesses).toBe(24);
    const card = c.card('sample/forward-without-mode')!;
    answer(c, card, 4, T0, 1);
    const ready = exams.readiness(ALL, T0 + DAY);
    // One of six questions now recalled with p < 1 instead of guessed (1/4): up to 12.5 points.
    expect(ready.now.percent).toBeGreaterThan(guesses + 8);
    expect(ready.now.percent).toBeLessThan(guesses + 13);
    await closeAll();
    const again = await open(dir);
    expect(again.exams.readiness(ALL, T0 + DAY).now.percent).toBe(ready.now.percent);
  });

  it('with an exam date, forecasts that day and the new cards per day needed', async () => {
    const { c, exams } = await open();
    c.setSetting('exam-date', '2026-03-12');
    const r = exams.readiness(ALL, T0);
    expect(r.examDate).toMatchObject({
      date: '2026-03-12',
      daysLeft: 10,
      unseen: 13,
      newPerDayNeeded: 2,
      forecastPercent: 24, // nothing studied: the chance of guessing
    });
  });
});
