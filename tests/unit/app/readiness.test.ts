// Readiness through the exam service: what it measures, when, and defect 10 (a failed exam
// must not raise it).
import { describe, expect, it } from 'vitest';
import type { ExamService } from '../../../src/app/exams.js';
import { nextDayStart } from '../../../src/core/clock.js';
import { type ExamState, examReducer } from '../../../src/core/exam.js';
import { ALL } from '../../../src/core/ports.js';
import { answer, ok, openFixture, T0 } from './fixture.js';

const DAY = 86_400_000;
const OPTS = { scope: ALL, questions: 60, minutes: 30, passPercent: 70, blueprint: null };

/** Answers every question of the exam wrong (a wrong choice, or a wrong typed answer). */
function allWrong(e: ExamService, s: ExamState, now: number): ExamState {
  let st = s;
  st.keys.forEach((key, i) => {
    const face = e.card(key)!.face;
    if (face.kind === 'typed') st = examReducer(st, { type: 'type', text: 'nope', now });
    else if (face.kind === 'mcq') {
      const wrong = face.choices.findIndex((c) => !c.correct);
      const d = st.orders[i]!.indexOf(wrong);
      st = examReducer(st, { type: 'choose', index: d, multi: face.multi, now });
    }
    st = examReducer(st, { type: 'next', now });
  });
  st = examReducer(st, { type: 'askSubmit', now });
  return examReducer(st, { type: 'confirmSubmit', now });
}

describe('readiness through the exam service', () => {
  it('with nothing studied it is the chance of guessing, measured at the next study day', async () => {
    const { exams } = await openFixture();
    const r = exams.readiness(ALL, T0);
    // Six exam questions, none known: only guesses, so above 0 and well below half.
    expect(r.now.cards).toBe(6);
    expect(r.now.percent).toBeGreaterThan(0);
    expect(r.now.percent).toBeLessThan(50);
    expect(r.now.basis).toBe('next-day');
    expect(r.now.at).toBe(nextDayStart(T0, 4));
    expect(r.examDate).toBeNull();
  });

  it('with an exam date ahead it is measured on the exam morning; a past date is ignored', async () => {
    const { c, exams } = await openFixture();
    c.setSetting('exam-date', '2026-03-12');
    const ahead = exams.readiness(ALL, T0);
    expect(ahead.now.basis).toBe('exam-date');
    expect(ahead.now.at).toBe(Date.parse('2026-03-12T09:00:00Z'));
    expect(ahead.examDate?.forecastPercent).toBe(ahead.now.percent);
    c.setSetting('exam-date', '2026-02-01');
    const past = exams.readiness(ALL, T0);
    expect(past.now.basis).toBe('next-day');
    expect(past.examDate).toBeNull();
  });

  it('an exam stores its forecast made at the start: the same rule as readiness, at that moment', async () => {
    const { c, exams } = await openFixture();
    for (const card of c.cards(ALL)) answer(c, card, 4, T0 - 20 * DAY, 1);
    const r = exams.start(OPTS, T0);
    if ('error' in r) throw new Error(r.error);
    const predicted = r.exam.predicted;
    expect(predicted).toHaveLength(r.exam.keys.length);
    const mean = predicted!.reduce((s, p) => s + p, 0) / predicted!.length;
    expect(r.exam.predictedPercent).toBe(Math.round(100 * mean));
    for (const p of predicted!) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
  });

  it('defect 10: a failed exam does not raise readiness', async () => {
    const { c, exams, store } = await openFixture();
    // Every card studied weeks ago: review cards, overdue and half forgotten by now.
    for (const card of c.cards(ALL)) answer(c, card, 3, T0 - 60 * DAY, 1);
    for (const card of c.cards(ALL)) answer(c, card, 3, T0 - 59 * DAY, 1);
    const now = T0;
    const before = exams.readiness(ALL, now);
    const r = exams.start(OPTS, now);
    if ('error' in r) throw new Error(r.error);
    const result = ok(exams.finish(allWrong(exams, r.exam, now + 60_000), now + 60_000));
    expect(result.correct).toBe(0);
    const after = exams.readiness(ALL, now + 120_000);
    expect(after.now.percent).toBeLessThanOrEqual(before.now.percent);
    for (const [tag, v] of Object.entries(after.now.byTag))
      expect(v.percent).toBeLessThanOrEqual(before.now.byTag[tag]!.percent);
    // And the next morning, when FSRS alone would call the fresh relearning steps recalled.
    const morning = nextDayStart(now, 4) + 1;
    expect(exams.readiness(ALL, morning).now.percent).toBeLessThanOrEqual(before.now.percent);
    expect(store.progress.exams).toHaveLength(1);
  });

  it('a finished exam keeps each forecast beside its outcome, and stats calibrate them', async () => {
    const { c, exams, store } = await openFixture();
    for (const card of c.cards(ALL)) answer(c, card, 3, T0 - 20 * DAY, 1);
    const r = exams.start(OPTS, T0);
    if ('error' in r) throw new Error(r.error);
    const predicted = r.exam.predicted!;
    const result = ok(exams.finish(allWrong(exams, r.exam, T0 + 60_000), T0 + 60_000));
    const saved = store.progress.exams[0]!;
    expect(saved.predictedPercent).toBe(r.exam.predictedPercent);
    expect(saved.predictions).toEqual(
      r.exam.keys.map((key, i) => ({ key, p: predicted[i], correct: false })),
    );
    const cal = c.stats(T0 + 120_000).calibration;
    expect(cal).toMatchObject({ exams: 1, questions: r.exam.keys.length });
    expect(cal.meanGap).toBe(r.exam.predictedPercent! - result.scorePercent);
    // All wrong: the mean of -ln(1 - p) over the questions.
    const loss = predicted.reduce((s, p) => s - Math.log(1 - p), 0) / predicted.length;
    expect(cal.logLoss).toBeCloseTo(loss, 3);
  });
});
