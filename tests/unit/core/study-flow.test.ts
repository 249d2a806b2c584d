// The study flow on its own, over a small fake StudyPort whose answers the test chooses:
// every intent in every mode, what each save is asked with, and what the learner is told.
// tests/unit/app/study-flow.test.ts drives the same flow over a real collection.
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import type { Card, Grade, Memory } from '../../../src/core/model.js';
import type {
  AnswerInput,
  AnswerOutcome,
  CardInfo,
  Scope,
  StudyPort,
  UndoOutcome,
  Written,
} from '../../../src/core/ports.js';
import type { Outcome } from '../../../src/core/scheduler.js';
import { startCard } from '../../../src/core/session.js';
import { showCard, startStudy, studyStep } from '../../../src/core/study-flow.js';
import {
  type StudyIntent,
  type StudyState,
  studyMode,
  type WriteIntent,
} from '../../../src/core/study-session.js';
import { summarize } from '../../../src/core/summary.js';
import { basic, deckOf } from '../helpers.js';
import { mcq, typed } from './exam-fixtures.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const SCOPE: Scope = { decks: ['d'], tag: 'kvm' };
const [flash, choice, typedCard, other] = deckCards(
  deckOf('d', [basic('f', { ref: 'man virsh' }), mcq('m'), typed('t'), basic('o')]),
) as [Card, Card, Card, Card];

const studied: Memory = {
  phase: 'review',
  due: T0,
  stability: 10,
  difficulty: 5,
  scheduledDays: 10,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  lastReview: T0 - 10 * 86_400_000,
};

const ok = <T>(value: T): Written<T> => ({ ok: true, value });
const DISK_FULL = { ok: false as const, error: 'Could not save: disk full', lockLost: false };
const LOCK_LOST = { ok: false as const, error: 'Another session took over', lockLost: true };

/** A preview that says which card and time it was asked for. */
const previewOf = (card: Card, now: number) =>
  ({ asked: `${card.key}@${now}` }) as unknown as Record<Grade, Outcome>;

/**
 * A port over a fixed queue: `next` gives the first card not yet answered, buried or
 * suspended, and not skipped. What each save returns is set by the test.
 */
function fakePort(queue: Card[], newKeys: string[] = []) {
  const done = new Set<string>();
  const log = {
    next: [] as { scope: Scope; now: number; sinceNew: number; skip: string[] }[],
    answers: [] as AnswerInput[],
    writes: [] as string[],
  };
  const results = {
    answer: ok<AnswerOutcome>({ leech: null, modified: false }) as Written<AnswerOutcome>,
    undo: ok<UndoOutcome>({ kind: 'none' }) as Written<UndoOutcome>,
    bury: ok<void>(undefined) as Written<void>,
    suspend: ok<void>(undefined) as Written<void>,
    flag: ok(true) as Written<boolean>,
  };
  const unused = () => {
    throw new Error('not used by the study flow');
  };
  const port: StudyPort = {
    next(scope, now, sinceNew, skip) {
      log.next.push({ scope, now, sinceNew, skip: [...(skip ?? [])] });
      return queue.find((c) => !done.has(c.key) && !skip?.has(c.key)) ?? null;
    },
    preview: previewOf,
    phase: (key) => (newKeys.includes(key) ? 'new' : 'review'),
    memory: (key) => (newKeys.includes(key) ? null : studied),
    answer(input) {
      log.answers.push(input);
      const r = results.answer;
      if (r.ok && !r.value.modified) done.add(input.card.key);
      return r;
    },
    undo(now) {
      log.writes.push(`undo@${now}`);
      const r = results.undo;
      if (r.ok && r.value.kind === 'undone') done.delete(r.value.card.key);
      return r;
    },
    bury(card, now) {
      log.writes.push(`bury ${card.key}@${now}`);
      if (results.bury.ok) done.add(card.key);
      return results.bury;
    },
    suspend(card, now) {
      log.writes.push(`suspend ${card.key}@${now}`);
      if (results.suspend.ok) done.add(card.key);
      return results.suspend;
    },
    toggleFlag(card, now) {
      log.writes.push(`flag ${card.key}@${now}`);
      return results.flag;
    },
    info: (card, now): CardInfo => ({
      key: card.key,
      phase: 'review',
      due: now,
      stability: 1,
      difficulty: 1,
      retrievability: 1,
      reps: 1,
      lapses: 0,
      marks: {},
      history: [],
    }),
    nextDue: (scope, now) => (scope === SCOPE ? now + 60_000 : null),
    dayEnd: (scope, now) => ({
      dueTomorrow: scope === SCOPE ? 7 : -1,
      streak: now === T0 ? -1 : 3,
    }),
    home: unused,
    counts: unused,
    deckTitle: unused,
    card: unused,
    marks: unused,
    reloadDecks: unused,
    settings: unused,
    stats: unused,
    setSetting: unused,
  };
  return { port, log, results, done };
}

/** A session driven one intent per second, as a learner at the keyboard. */
function session(queue: Card[], newKeys: string[] = []) {
  const fake = fakePort(queue, newKeys);
  let now = T0;
  let state = startStudy({ port: fake.port, scope: SCOPE, now });
  return {
    ...fake,
    get state(): StudyState {
      return state;
    },
    get now() {
      return now;
    },
    send(...intents: StudyIntent[]): StudyState {
      for (const i of intents) {
        now += 1000;
        state = studyStep(state, i, { port: fake.port, scope: SCOPE, now });
      }
      return state;
    },
    key: () => state.current?.s.card.key ?? null,
  };
}

describe('showCard', () => {
  it('starts the card at now, with its preview, whether it is new, and its memory', () => {
    const { port } = fakePort([], [flash.key]);
    expect(showCard(port, flash, T0 + 5)).toEqual({
      s: startCard(flash, T0 + 5, String(T0 + 5)),
      preview: previewOf(flash, T0 + 5),
      isNew: true,
      memory: null,
    });
    expect(showCard(port, choice, T0)).toEqual({
      s: startCard(choice, T0, String(T0)),
      preview: previewOf(choice, T0),
      isNew: false,
      memory: studied,
    });
  });
});

describe('startStudy', () => {
  it('shows the first card, asking for it with nothing skipped and no reviews since a new card', () => {
    const d = session([flash, other]);
    expect(d.state).toEqual({
      status: 'studying',
      current: showCard(d.port, flash, T0),
      answers: [],
      sinceNew: 0,
      notice: null,
      info: null,
      confirmLeave: false,
      failure: null,
      skipped: [],
      startedAt: T0,
      summary: null,
      cram: null,
    });
    expect(d.log.next).toEqual([{ scope: SCOPE, now: T0, sinceNew: 0, skip: [] }]);
  });

  it('with nothing to study, finishes at once with a summary of the scope', () => {
    const d = session([]);
    expect(d.state).toEqual({
      status: 'finished',
      current: null,
      answers: [],
      sinceNew: 0,
      notice: null,
      info: null,
      confirmLeave: false,
      failure: null,
      skipped: [],
      startedAt: T0,
      summary: summarize([], T0, T0, T0 + 60_000, { dueTomorrow: 7, streak: -1 }),
      cram: null,
    });
    expect(studyMode(d.state)).toBe('finished');
  });
});

describe('answering', () => {
  it('grades only on the answer side', () => {
    const d = session([flash, other]);
    const before = d.state;
    for (const i of [{ type: 'grade', grade: 3 }, { type: 'accept' }] as const)
      expect(d.send(i)).toBe(before);
    expect(d.log.answers).toEqual([]);
  });

  it('a self-graded card is saved with the grade given, the time taken and the memory shown', () => {
    const d = session([flash, other]);
    d.send({ type: 'reveal' }, { type: 'grade', grade: 2 });
    expect(d.log.answers).toEqual([
      { card: flash, grade: 2, now: T0 + 2000, tookMs: 2000, shown: studied },
    ]);
    expect('correct' in d.log.answers[0]!).toBe(false);
    expect(d.state.answers).toEqual([{ grade: 2, tookMs: 2000, isNew: false }]);
    expect(d.key()).toBe(other.key);
    expect(d.state.notice).toBeNull();
  });

  it('accept gives Good to a self-graded card', () => {
    const d = session([flash, other]);
    d.send({ type: 'reveal' }, { type: 'accept' });
    expect(d.log.answers[0]).toMatchObject({ card: flash, grade: 3 });
  });

  it('accept gives the suggested grade, and the verdict is saved with it', () => {
    const d = session([typedCard, other], [typedCard.key]);
    d.send({ type: 'type', text: 'virsh list' }, { type: 'submit' }, { type: 'accept' });
    expect(d.log.answers).toEqual([
      { card: typedCard, grade: 1, now: T0 + 3000, tookMs: 3000, shown: null, correct: false },
    ]);
    expect(d.state.answers).toEqual([{ grade: 1, tookMs: 3000, isNew: true }]);
  });

  it('a grade overrides the suggestion and keeps the verdict', () => {
    const d = session([typedCard, other]);
    d.send(
      { type: 'type', text: 'virsh list --all' },
      { type: 'submit' },
      { type: 'grade', grade: 2 },
    );
    expect(d.log.answers[0]).toMatchObject({ grade: 2, correct: true });
  });

  it('counts reviews since the last new card, for spreading new cards among them', () => {
    const d = session([flash, choice, typedCard, other], [typedCard.key]);
    d.send({ type: 'reveal' }, { type: 'accept' });
    expect(d.state.sinceNew).toBe(1);
    d.send({ type: 'toggle' }, { type: 'submit' }, { type: 'accept' });
    expect(d.state.sinceNew).toBe(2);
    d.send({ type: 'type', text: 'x' }, { type: 'submit' }, { type: 'accept' });
    expect(d.state.sinceNew).toBe(0);
    expect(d.log.next.map((n) => n.sinceNew)).toEqual([0, 1, 2, 0]);
    expect(d.log.next.map((n) => n.now)).toEqual([T0, T0 + 2000, T0 + 5000, T0 + 8000]);
    expect(d.log.next.every((n) => n.scope === SCOPE)).toBe(true);
  });

  it('after the last card the session finishes with a summary of its answers', () => {
    const d = session([flash], [flash.key]);
    d.send({ type: 'reveal' }, { type: 'grade', grade: 1 });
    const answers = [{ grade: 1 as const, tookMs: 2000, isNew: true }];
    expect(d.state).toMatchObject({
      status: 'finished',
      current: null,
      answers,
      summary: summarize(answers, T0, T0 + 2000, T0 + 62_000, { dueTomorrow: 7, streak: 3 }),
    });
    const done = d.state;
    expect(d.send({ type: 'undo' })).toBe(done);
  });

  it('a card that became a leech is named by its front, with its reference or else its file', () => {
    const d = session([flash, other, choice]);
    d.results.answer = ok({ leech: { lapses: 8, action: 'suspend' }, modified: false });
    d.send({ type: 'reveal' }, { type: 'grade', grade: 1 });
    expect(d.state.notice).toBe('Leech: "front f" (8 lapses), suspended. Re-read man virsh.');
    d.results.answer = ok({ leech: { lapses: 9, action: 'tag' }, modified: false });
    d.send({ type: 'reveal' }, { type: 'grade', grade: 1 });
    expect(d.state.notice).toBe('Leech: "front o" (9 lapses), tagged. Re-read test.yaml.');
    expect(other.ref).toBeUndefined();
    // The next answer clears the notice.
    d.results.answer = ok({ leech: null, modified: false });
    d.send({ type: 'toggle' }, { type: 'submit' }, { type: 'accept' });
    expect(d.state.notice).toBeNull();
  });

  it('a card changed since it was shown is shown again as it is now, and nothing is counted', () => {
    const d = session([flash, other]);
    d.results.answer = ok({ leech: null, modified: true });
    const before = d.send({ type: 'reveal' });
    d.send({ type: 'grade', grade: 4 });
    expect(d.state).toEqual({
      ...before,
      current: showCard(d.port, flash, T0 + 2000),
      notice: 'This card changed since it was shown; here it is again as it is now.',
    });
  });
});

describe('a failed save', () => {
  it('acknowledges nothing and keeps the card; other keys wait', () => {
    const d = session([flash, other]);
    d.results.answer = DISK_FULL;
    const before = d.send({ type: 'reveal' });
    d.send({ type: 'grade', grade: 4 });
    expect(d.state).toEqual({
      ...before,
      failure: {
        message: 'Could not save: disk full',
        intent: { type: 'grade', grade: 4 },
        lockLost: false,
      },
    });
    expect(studyMode(d.state)).toBe('failure');
    const failed = d.state;
    for (const i of [
      { type: 'grade', grade: 1 },
      { type: 'accept' },
      { type: 'reveal' },
      { type: 'confirm' },
      { type: 'cancel' },
      { type: 'leave' },
      { type: 'info' },
    ] as const)
      expect(d.send(i), i.type).toBe(failed);
    expect(d.log.answers).toHaveLength(1);
  });

  it('retry saves the same intent again, now', () => {
    const d = session([flash, other]);
    d.results.answer = DISK_FULL;
    d.send({ type: 'reveal' }, { type: 'grade', grade: 4 }, { type: 'retry' });
    expect(d.state.failure).toMatchObject({ intent: { type: 'grade', grade: 4 } });
    d.results.answer = ok({ leech: null, modified: false });
    d.send({ type: 'retry' });
    expect(d.log.answers.map((a) => [a.grade, a.now])).toEqual([
      [4, T0 + 2000],
      [4, T0 + 3000],
      [4, T0 + 4000],
    ]);
    expect(d.state.failure).toBeNull();
    expect(d.state.answers).toEqual([{ grade: 4, tookMs: 4000, isNew: false }]);
    expect(d.key()).toBe(other.key);
  });

  it('after the lock is lost, retry does nothing and quit ends the session', () => {
    const d = session([flash, other]);
    d.results.bury = LOCK_LOST;
    d.send({ type: 'bury' });
    expect(d.state.failure).toEqual({
      message: 'Another session took over',
      intent: { type: 'bury' },
      lockLost: true,
    });
    const failed = d.state;
    expect(d.send({ type: 'retry' })).toBe(failed);
    expect(d.log.writes).toEqual([`bury ${flash.key}@${T0 + 1000}`]);
    d.send({ type: 'quit' });
    expect(d.state).toMatchObject({ status: 'finished', failure: null, current: failed.current });
    expect(d.state.summary).toEqual(
      summarize([], T0, T0 + 3000, T0 + 63_000, { dueTomorrow: 7, streak: 3 }),
    );
  });

  it('each kind of save can fail and be retried', () => {
    const cases: [WriteIntent, keyof ReturnType<typeof fakePort>['results']][] = [
      [{ type: 'undo' }, 'undo'],
      [{ type: 'bury' }, 'bury'],
      [{ type: 'suspend' }, 'suspend'],
      [{ type: 'flag' }, 'flag'],
    ];
    for (const [intent, which] of cases) {
      const d = session([flash, other]);
      const before = d.state;
      d.results[which] = DISK_FULL;
      d.send(intent);
      expect(d.state, which).toEqual({
        ...before,
        failure: { message: 'Could not save: disk full', intent, lockLost: false },
      });
      d.results[which] = (which === 'undo' ? ok({ kind: 'none' }) : ok(null)) as never;
      d.send({ type: 'retry' });
      expect(d.state.failure, which).toBeNull();
      expect(d.log.writes, which).toEqual([
        `${which === 'undo' ? 'undo' : `${which} ${flash.key}`}@${T0 + 1000}`,
        `${which === 'undo' ? 'undo' : `${which} ${flash.key}`}@${T0 + 2000}`,
      ]);
    }
  });
});

describe('undo', () => {
  it('brings the card back, forgets its answer, and takes it off the skipped list', () => {
    const d = session([typedCard, flash, other]);
    d.send({ type: 'leave' }, { type: 'confirm' });
    d.send({ type: 'reveal' }, { type: 'accept' });
    expect(d.state.skipped).toEqual([typedCard.key]);
    expect(d.key()).toBe(other.key);
    d.results.undo = ok<UndoOutcome>({ kind: 'undone', card: flash });
    d.send({ type: 'undo' });
    expect(d.state).toMatchObject({
      answers: [],
      skipped: [typedCard.key],
      notice: 'Undone.',
      current: showCard(d.port, flash, T0 + 5000),
    });
    // An undone card the learner had left is no longer skipped.
    d.results.undo = ok<UndoOutcome>({ kind: 'undone', card: typedCard });
    d.send({ type: 'undo' });
    expect(d.state.skipped).toEqual([]);
    expect(d.key()).toBe(typedCard.key);
    expect(d.log.writes).toEqual([`undo@${T0 + 5000}`, `undo@${T0 + 6000}`]);
  });

  it('pops only the last answer', () => {
    const d = session([flash, choice, other]);
    d.send({ type: 'reveal' }, { type: 'grade', grade: 2 });
    d.send({ type: 'toggle' }, { type: 'submit' }, { type: 'grade', grade: 4 });
    d.results.undo = ok<UndoOutcome>({ kind: 'undone', card: choice });
    d.send({ type: 'undo' });
    expect(d.state.answers).toEqual([{ grade: 2, tookMs: 2000, isNew: false }]);
  });

  it('says so when the card was answered again since, and stays on the card shown', () => {
    const d = session([flash]);
    const before = d.state;
    d.results.undo = ok<UndoOutcome>({ kind: 'stale', key: flash.key });
    d.send({ type: 'undo' });
    expect(d.state).toEqual({
      ...before,
      notice: 'This card was answered again since (an exam or another device): nothing undone.',
    });
  });

  it('says so when there is nothing to undo', () => {
    const d = session([flash]);
    const before = d.state;
    d.send({ type: 'undo' });
    expect(d.state).toEqual({ ...before, notice: 'Nothing to undo.' });
  });
});

describe('bury, suspend and flag', () => {
  it('bury and suspend save, say what they did, and move on', () => {
    const d = session([flash, choice, other]);
    d.send({ type: 'bury' });
    expect(d.state.notice).toBe('Buried until tomorrow (u to undo).');
    expect(d.key()).toBe(choice.key);
    d.send({ type: 'suspend' });
    expect(d.state.notice).toBe('Suspended (u to undo).');
    expect(d.key()).toBe(other.key);
    expect(d.log.writes).toEqual([
      `bury ${flash.key}@${T0 + 1000}`,
      `suspend ${choice.key}@${T0 + 2000}`,
    ]);
    expect(d.state.answers).toEqual([]);
  });

  it('flag stays on the card and says whether it is flagged now', () => {
    const d = session([flash, other]);
    const before = d.state;
    d.send({ type: 'flag' });
    expect(d.state).toEqual({ ...before, notice: 'Flagged.' });
    d.results.flag = ok(false);
    d.send({ type: 'flag' });
    expect(d.state).toEqual({ ...before, notice: 'Flag removed.' });
    expect(d.log.writes).toEqual([
      `flag ${flash.key}@${T0 + 1000}`,
      `flag ${flash.key}@${T0 + 2000}`,
    ]);
  });
});

describe('card info', () => {
  it('opens for the card on screen; the next key only closes it', () => {
    const d = session([flash, other]);
    const before = d.state;
    d.send({ type: 'info' });
    expect(d.state).toEqual({ ...before, info: d.port.info(flash, T0 + 1000) });
    expect(studyMode(d.state)).toBe('info');
    d.send({ type: 'reveal' });
    expect(d.state).toEqual(before);
    d.send({ type: 'info' }, { type: 'bury' });
    expect(d.state).toEqual(before);
    expect(d.log.writes).toEqual([]);
  });
});

describe('leaving a typed card', () => {
  it('Esc on a typed question asks first; cancel or Esc again keeps the card and its text', () => {
    const d = session([typedCard, other]);
    d.send({ type: 'type', text: 'virsh' });
    const typing = d.state;
    d.send({ type: 'leave' });
    expect(d.state).toEqual({ ...typing, confirmLeave: true });
    expect(studyMode(d.state)).toBe('confirmLeave');
    const asking = d.state;
    for (const i of [
      { type: 'type', text: 'x' },
      { type: 'grade', grade: 3 },
      { type: 'quit' },
    ] as const)
      expect(d.send(i), i.type).toBe(asking);
    d.send({ type: 'cancel' });
    expect(d.state).toEqual(typing);
    d.send({ type: 'leave' }, { type: 'leave' });
    expect(d.state).toEqual(typing);
  });

  it('yes leaves the card for this session: it is skipped, not answered', () => {
    const d = session([typedCard, flash, other]);
    d.send({ type: 'leave' }, { type: 'confirm' });
    expect(d.state).toMatchObject({
      confirmLeave: false,
      skipped: [typedCard.key],
      notice: 'Card left for now; it stays due.',
      answers: [],
    });
    expect(d.key()).toBe(flash.key);
    d.send({ type: 'bury' });
    expect(d.log.next.at(-1)!.skip).toEqual([typedCard.key]);
    expect(d.log.answers).toEqual([]);
  });

  it('Esc does nothing on a flashcard or once a typed card is answered', () => {
    const d = session([flash, typedCard]);
    const question = d.state;
    expect(d.send({ type: 'leave' })).toBe(question);
    const t = session([typedCard]);
    const answered = t.send({ type: 'type', text: 'v' }, { type: 'submit' });
    expect(studyMode(answered)).toBe('answer');
    expect(t.send({ type: 'leave' })).toBe(answered);
  });
});

describe('other intents', () => {
  it('confirm, cancel and retry mean nothing outside their modes', () => {
    const d = session([flash, other]);
    const before = d.state;
    for (const i of [{ type: 'confirm' }, { type: 'cancel' }, { type: 'retry' }] as const)
      expect(d.send(i), i.type).toBe(before);
  });

  it('quit finishes with the answers so far', () => {
    const d = session([flash, other], [flash.key]);
    d.send({ type: 'reveal' }, { type: 'grade', grade: 4 }, { type: 'quit' });
    const answers = [{ grade: 4 as const, tookMs: 2000, isNew: true }];
    expect(d.state).toMatchObject({
      status: 'finished',
      info: null,
      confirmLeave: false,
      current: showCard(d.port, other, T0 + 2000),
      summary: summarize(answers, T0, T0 + 3000, T0 + 63_000, { dueTomorrow: 7, streak: 3 }),
    });
  });

  it('a finished session takes no more intents', () => {
    const d = session([flash]);
    d.send({ type: 'quit' });
    const done = d.state;
    for (const i of [
      { type: 'reveal' },
      { type: 'grade', grade: 3 },
      { type: 'info' },
      { type: 'quit' },
      { type: 'edited', card: null, notice: 'gone' },
    ] as const)
      expect(d.send(i), i.type).toBe(done);
  });

  it('after an edit the card is shown as edited, keeping what was typed', () => {
    const d = session([typedCard, other]);
    d.send({ type: 'type', text: 'vir' });
    const before = d.state;
    const edited: Card = { ...typedCard, ref: 'virsh(1)' };
    d.send({ type: 'edited', card: edited, notice: 'Deck reloaded.' });
    expect(d.state).toEqual({
      ...before,
      notice: 'Deck reloaded.',
      current: { ...before.current!, s: { ...before.current!.s, card: edited } },
    });
  });

  it('a card gone after an edit makes the session move on, saying why', () => {
    const d = session([flash, other]);
    d.send({ type: 'edited', card: null, notice: 'The card is gone from the deck.' });
    // The fake queue still holds the card: the flow asks for the next one all the same.
    expect(d.log.next).toHaveLength(2);
    expect(d.state.notice).toBe('The card is gone from the deck.');
    expect(d.state.current).toEqual(showCard(d.port, flash, T0 + 1000));
  });
});
