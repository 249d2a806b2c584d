// What a submitted exam does to the schedule, through the real store, collection and exam
// service: an exam measures first (defect 9), dates each answer when it was given
// (defect 11), and its lapses go through the leech check, which undo takes back (defect 12).
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/app/collection.js';
import type { ExamService } from '../../../src/app/exams.js';
import { type ExamAction, type ExamState, examReducer } from '../../../src/core/exam.js';
import type { Card, ReviewRecord } from '../../../src/core/model.js';
import { ALL } from '../../../src/core/ports.js';
import type { Store } from '../../../src/store/store.js';
import { answer, ok, openFixture, T0, undone } from './fixture.js';

const DAY = 86_400_000;
const SEC = 1000;
const OPTS = { scope: ALL, questions: 60, minutes: 30, passPercent: 70, blueprint: null };

function started(exams: ExamService, at = T0): ExamState {
  const r = exams.start(OPTS, at);
  if ('error' in r) throw new Error(r.error);
  return r.exam;
}

/** A wrong answer to question i, as the exam screen gives it. */
function wrong(card: Card, order: number[]): ExamAction {
  if (card.face.kind === 'typed') return { type: 'type', text: 'nope' };
  if (card.face.kind !== 'mcq') throw new Error('not an exam card');
  const face = card.face;
  const bad = face.choices.findIndex((c) => !c.correct);
  return { type: 'choose', index: order.indexOf(bad), multi: face.multi };
}

/** Answers every question wrong, one every 10 s on the exam's clock, then submits. */
function allWrong(exams: ExamService, s: ExamState, from: number): ExamState {
  let st = s;
  st.keys.forEach((key, i) => {
    const t = from + i * 10 * SEC;
    st = examReducer(st, { ...wrong(exams.card(key)!, st.orders[i]!), now: t + 4 * SEC });
    st = examReducer(st, { type: 'next', now: t + 10 * SEC });
  });
  const t = from + st.keys.length * 10 * SEC;
  st = examReducer(st, { type: 'askSubmit', now: t });
  return examReducer(st, { type: 'confirmSubmit', now: t + SEC });
}

/** What `status --json` and the home screen are made of, as JSON text. */
function state(c: Collection, store: Store, now: number): string {
  const p = store.progress;
  return JSON.stringify({
    home: c.home(now),
    counts: c.counts(ALL, now),
    cards: p.cards,
    marks: p.marks,
    days: p.days,
    reviews: p.reviews,
  });
}

/** Studies two cards into review (due again in days) and leaves the rest new. */
async function withHistory() {
  const o = await openFixture();
  answer(o.c, o.c.card('sample/list-all-domains')!, 4, T0 - 3 * DAY);
  answer(o.c, o.c.card('sample/forward-without-mode')!, 4, T0 - 3 * DAY + SEC);
  return o;
}

describe('defect 9: an exam is a measurement first', () => {
  it('defect 9: submitting with no answers leaves the schedule, the counts and the day as they were', async () => {
    const { c, exams, store } = await withHistory();
    const at = T0 + 20 * 60_000;
    const before = state(c, store, at);
    const s = started(exams);
    const asked = examReducer(s, { type: 'askSubmit', now: at - SEC });
    const result = ok(exams.finish(examReducer(asked, { type: 'confirmSubmit', now: at }), at));
    expect(result).toMatchObject({ correct: 0, scorePercent: 0 });
    expect(result.schedule).toEqual({ relearning: 0, restarted: 0, movedUp: 0, leeches: 0 });
    expect(state(c, store, at)).toBe(before);
    expect(store.readAllRecords().filter((r) => r.type === 'review' && r.mode === 'exam')).toEqual(
      [],
    );
  });

  it('defect 9: letting the time run out with no answers changes nothing either', async () => {
    const { c, exams, store } = await withHistory();
    const s = started(exams);
    const end = T0 + 31 * 60_000;
    const out = examReducer(s, { type: 'tick', now: end });
    expect(out.timedOut).toBe(true);
    const before = state(c, store, end);
    ok(exams.finish(out, end));
    expect(state(c, store, end)).toBe(before);
  });

  it('defect 9: all wrong: studied cards back to relearning, new cards stay new and move up', async () => {
    const { c, exams, store } = await withHistory();
    const s = started(exams);
    const result = ok(exams.finish(allWrong(exams, s, T0), T0 + 10 * 60_000));
    const studied = ['sample/list-all-domains', 'sample/forward-without-mode'];
    const fresh = s.keys.filter((k) => !studied.includes(k));
    expect(result.schedule).toEqual({
      relearning: 2,
      restarted: 0,
      movedUp: fresh.length,
      leeches: 0,
    });
    for (const k of studied) expect(store.progress.cards[k]?.phase).toBe('relearning');
    for (const k of fresh) {
      expect(store.progress.cards[k]).toBeUndefined();
      expect(store.progress.marks[k]?.introduced).toBeTypeOf('number');
    }
    // The new cards are still counted as new, within the day's limit.
    expect(c.counts(ALL, T0 + 10 * 60_000).new).toBe(c.counts(ALL, T0 - DAY).new);
  });

  it('defect 9: all wrong with exam-feeds-schedule off: studied cards keep their schedule', async () => {
    const { c, exams, store } = await withHistory();
    c.setSetting('exam-feeds-schedule', 'false');
    const cards = structuredClone(store.progress.cards);
    const days = structuredClone(store.progress.days);
    const s = started(exams);
    const result = ok(exams.finish(allWrong(exams, s, T0), T0 + 10 * 60_000));
    expect(result.schedule).toEqual({
      relearning: 0,
      restarted: 0,
      movedUp: s.keys.length - 2,
      leeches: 0,
    });
    expect(store.progress.cards).toEqual(cards);
    expect(store.progress.days).toEqual(days);
  });
});

describe('defect 11: the log says when each exam answer was given and how long it took', () => {
  it('defect 11: answers at their own times, with their time on screen and whether they fed the schedule', async () => {
    const { exams, store } = await withHistory();
    const s = started(exams);
    ok(exams.finish(allWrong(exams, s, T0), T0 + 10 * 60_000));
    const log = store
      .readAllRecords()
      .filter((r): r is ReviewRecord => r.type === 'review' && r.mode === 'exam');
    expect(log).toHaveLength(s.keys.length);
    // Question i answered at T0 + 4 s + 10 s * i, on screen 10 s (the first from the start).
    const byKey = new Map(log.map((r) => [r.key, r]));
    s.keys.forEach((key, i) => {
      const r = byKey.get(key)!;
      expect(r.at - (T0 + 4 * SEC + i * 10 * SEC)).toBeGreaterThanOrEqual(0);
      expect(r.at - (T0 + 4 * SEC + i * 10 * SEC)).toBeLessThan(5);
      expect(r.tookMs).toBe(10 * SEC);
      expect(r.fed).toBe(r.before !== null);
    });
    // The exam's summary keeps each question's forecast beside its outcome.
    expect(store.progress.exams[0]!.predictions?.map((x) => x.correct)).toEqual(
      s.keys.map(() => false),
    );
    const times = store.readAllRecords().map((r) => r.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('defect 12: exam lapses count toward leeches; undo takes the leech mark back', () => {
  it('defect 12: an exam lapse that reaches the threshold makes a leech, as a study lapse would', async () => {
    const { c, exams, store } = await withHistory();
    expect(c.setSetting('leech-threshold', '1')).toBeNull();
    const s = started(exams);
    const result = ok(exams.finish(allWrong(exams, s, T0), T0 + 10 * 60_000));
    expect(result.schedule).toMatchObject({ relearning: 2, leeches: 2 });
    expect(store.progress.marks['sample/list-all-domains']).toMatchObject({
      leech: true,
      suspended: true,
    });
  });

  it('defect 12: undoing the study answer that made a leech removes the leech mark too', async () => {
    const { c, store } = await withHistory();
    expect(c.setSetting('leech-threshold', '1')).toBeNull();
    const card = c.card('sample/list-all-domains')!;
    const memory = structuredClone(store.progress.cards[card.key]);
    expect(answer(c, card, 1, T0).leech).toEqual({ lapses: 1, action: 'suspend' });
    expect(store.progress.marks[card.key]).toEqual({ leech: true, suspended: true });
    expect(undone(c.undo(T0 + SEC))?.key).toBe(card.key);
    expect(store.progress.marks[card.key]).toBeUndefined();
    expect(store.progress.cards[card.key]).toEqual(memory);
  });

  it('defect 12: a study answer followed by an exam lapse on its card is not undone over the lapse', async () => {
    const { c, exams, store } = await withHistory();
    const card = c.card('sample/list-all-domains')!;
    answer(c, card, 3, T0);
    const s = started(exams, T0 + SEC);
    ok(exams.finish(allWrong(exams, s, T0 + SEC), T0 + 10 * 60_000));
    const lapsed = structuredClone(store.progress.cards[card.key]);
    expect(lapsed?.phase).toBe('relearning');
    const reviews = store.progress.reviews;
    expect(ok(c.undo(T0 + 11 * 60_000))).toEqual({ kind: 'stale', key: card.key });
    expect(store.progress.cards[card.key]).toEqual(lapsed);
    expect(store.progress.reviews).toBe(reviews);
    expect(store.readAllRecords().some((r) => r.type === 'undo')).toBe(false);
    // The stale answer is gone from the undo stack: the answer before it comes next (its card
    // lapsed in the exam too).
    expect(ok(c.undo(T0 + 12 * 60_000))).toEqual({
      kind: 'stale',
      key: 'sample/forward-without-mode',
    });
    expect(ok(c.undo(T0 + 13 * 60_000))).toEqual({ kind: 'stale', key: card.key });
    expect(ok(c.undo(T0 + 14 * 60_000))).toEqual({ kind: 'none' });
  });

  it('defect 12: an exam lapse can be undone: memory and leech mark back; a card studied since keeps what came later', async () => {
    const { c, exams, store } = await withHistory();
    expect(c.setSetting('leech-threshold', '1')).toBeNull();
    const before = structuredClone(store.progress.cards);
    const s = started(exams);
    ok(exams.finish(allWrong(exams, s, T0), T0 + 10 * 60_000));
    // One of the lapsed cards is studied again after the exam: its undo is skipped.
    const key = 'sample/forward-without-mode';
    c.unsuspend(key, T0 + 11 * 60_000);
    const later = T0 + 30 * 60_000;
    answer(c, c.card(key)!, 3, later);
    const studiedSince = structuredClone(store.progress.cards[key]);
    const taken = ok(exams.undoSchedule(later + SEC));
    expect(taken).toEqual({ relearning: 1, restarted: 0, movedUp: s.keys.length - 2, leeches: 1 });
    expect(store.progress.cards['sample/list-all-domains']).toEqual(
      before['sample/list-all-domains'],
    );
    expect(store.progress.marks['sample/list-all-domains']).toBeUndefined();
    expect(store.progress.cards[key]).toEqual(studiedSince);
    expect(Object.values(store.progress.marks).some((m) => m.introduced)).toBe(false);
    // Once only.
    expect(ok(exams.undoSchedule(later + 2 * SEC))).toEqual({
      relearning: 0,
      restarted: 0,
      movedUp: 0,
      leeches: 0,
    });
  });
});
