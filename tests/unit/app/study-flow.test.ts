// The study session as data, driven over a real collection: every intent a key can send,
// and what happens when a save fails, a card changed behind the screen, or the session
// has finished.
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/app/collection.js';
import type { Scope, StudyPort, Written } from '../../../src/core/ports.js';
import { type StudyEnv, startStudy, studyStep } from '../../../src/core/study-flow.js';
import type { StudyIntent, StudyState } from '../../../src/core/study-session.js';
import { studyMode } from '../../../src/core/study-session.js';
import { openFixture, T0 } from './fixture.js';

const SEC = 1000;
const ALL = { decks: null, tag: null };

function driver(port: StudyPort, scope: Scope = ALL) {
  let now = T0;
  const env = (): StudyEnv => ({ port, scope, now });
  let state = startStudy(env());
  return {
    get state() {
      return state;
    },
    send(...intents: StudyIntent[]): StudyState {
      for (const i of intents) {
        now += SEC;
        state = studyStep(state, i, env());
      }
      return state;
    },
    key: () => state.current?.s.card.key ?? null,
  };
}

/** Answers whatever card is shown, right (or Again for self-graded cards when told). */
function answerShown(d: ReturnType<typeof driver>): void {
  const face = d.state.current!.s.card.face;
  if (face.kind === 'typed') {
    d.send({ type: 'type', text: face.answer }, { type: 'submit' });
  } else if (face.kind === 'mcq') {
    face.choices.forEach((c, src) => {
      const shown = d.state.current!.s.order.indexOf(src);
      if (c.correct) d.send({ type: 'pick', index: shown });
    });
    d.send({ type: 'submit' });
  } else d.send({ type: 'reveal' });
  d.send({ type: 'accept' });
}

function failing(c: Collection, failure: { error: string; lockLost: boolean }) {
  let broken = true;
  const port: StudyPort = Object.create(c);
  const fail = <T>(real: () => Written<T>): Written<T> =>
    broken ? { ok: false, ...failure } : real();
  port.answer = (input) => fail(() => c.answer(input));
  port.bury = (card, now) => fail(() => c.bury(card, now));
  return { port, repair: () => (broken = false) };
}

describe('study flow', () => {
  it('shows cards one after another and records each answer once', async () => {
    const { c, store } = await openFixture();
    const d = driver(c);
    const first = d.key();
    expect(studyMode(d.state)).toBe('question');
    answerShown(d);
    expect(d.state.answers).toHaveLength(1);
    expect(d.key()).not.toBe(first);
    expect(store.progress.reviews).toBe(1);
  });

  it('a finished session takes no more intents (keys typed ahead do nothing)', async () => {
    const { c, store } = await openFixture();
    const d = driver(c);
    d.send({ type: 'quit' });
    const done = d.state;
    expect(done.status).toBe('finished');
    expect(done.summary).toMatchObject({ cards: 0 });
    for (const i of [{ type: 'reveal' }, { type: 'accept' }, { type: 'grade', grade: 4 }] as const)
      expect(d.send(i)).toBe(done);
    expect(store.progress.reviews).toBe(0);
  });

  it('grading needs the answer side: keys for grades on the question side do nothing', async () => {
    const { c, store } = await openFixture();
    const d = driver(c);
    const before = d.state;
    expect(d.send({ type: 'grade', grade: 3 })).toBe(before);
    expect(store.progress.reviews).toBe(0);
  });

  it('Esc on a typed card asks first; no keeps typing, yes leaves the card for this session', async () => {
    const { c } = await openFixture();
    const d = driver(c, { decks: ['sample'], tag: null });
    while (d.state.current!.s.card.face.kind !== 'typed') answerShown(d);
    const typed = d.key()!;
    d.send({ type: 'type', text: 'virsh' }, { type: 'leave' });
    expect(studyMode(d.state)).toBe('confirmLeave');
    d.send({ type: 'cancel' });
    expect(studyMode(d.state)).toBe('question');
    expect(d.state.current!.s.input).toBe('virsh');
    d.send({ type: 'leave' }, { type: 'confirm' });
    expect(d.key()).not.toBe(typed);
    expect(d.state.skipped).toEqual([typed]);
    // It stays due: never answered, so still new.
    expect(c.phase(typed)).toBe('new');
    for (let i = 0; i < 20 && d.state.status === 'studying'; i++) {
      expect(d.key()).not.toBe(typed);
      answerShown(d);
    }
  });

  it('a failed save acknowledges nothing; retry saves it once; quit ends the session', async () => {
    const { c, store } = await openFixture();
    const { port, repair } = failing(c, { error: 'Could not save: disk full', lockLost: false });
    const d = driver(port);
    const first = d.key();
    d.send({ type: 'reveal' }, { type: 'grade', grade: 3 });
    expect(studyMode(d.state)).toBe('failure');
    expect(d.state.failure?.message).toMatch(/disk full/);
    expect(d.state.answers).toHaveLength(0);
    expect(store.progress.reviews).toBe(0);
    // Other keys wait until the learner retries or quits.
    expect(d.send({ type: 'grade', grade: 1 }).failure).not.toBeNull();
    d.send({ type: 'retry' });
    expect(studyMode(d.state)).toBe('failure');
    repair();
    d.send({ type: 'retry' });
    expect(d.state.failure).toBeNull();
    expect(d.key()).not.toBe(first);
    expect(store.progress.reviews).toBe(1);
    expect(store.progress.cards[first!]).toBeDefined();
  });

  it('after the lock is lost, retry is refused and quit still works', async () => {
    const { c, store } = await openFixture();
    const { port } = failing(c, { error: 'Another session took over', lockLost: true });
    const d = driver(port);
    d.send({ type: 'bury' });
    expect(d.state.failure?.lockLost).toBe(true);
    expect(d.send({ type: 'retry' }).failure).not.toBeNull();
    d.send({ type: 'quit' });
    expect(d.state.status).toBe('finished');
    expect(store.progress.marks).toEqual({});
  });

  it('a card changed behind the screen is shown again as it is now, not answered', async () => {
    const { c, store } = await openFixture();
    const d = driver(c);
    const key = d.key()!;
    const card = c.card(key)!;
    // Answered behind the session's back (another window of the same program, say).
    c.answer({ card, grade: 4, now: T0, tookMs: 1, shown: null });
    d.send({ type: 'reveal' }, { type: 'grade', grade: 1 });
    expect(d.state.notice).toMatch(/changed since it was shown/);
    expect(d.key()).toBe(key);
    expect(d.state.current!.memory).toEqual(c.memory(key));
    expect(store.progress.reviews).toBe(1);
  });

  it('undo brings the last card back and forgets its answer', async () => {
    const { c } = await openFixture();
    const d = driver(c);
    const first = d.key();
    answerShown(d);
    d.send({ type: 'undo' });
    expect(d.key()).toBe(first);
    expect(d.state.answers).toHaveLength(0);
    expect(d.state.notice).toBe('Undone.');
    expect(c.phase(first!)).toBe('new');
  });

  it('card info opens and any key closes it; bury and flag say what they did', async () => {
    const { c } = await openFixture();
    const d = driver(c);
    const first = d.key()!;
    d.send({ type: 'info' });
    expect(d.state.info?.key).toBe(first);
    expect(studyMode(d.state)).toBe('info');
    d.send({ type: 'reveal' });
    expect(d.state.info).toBeNull();
    expect(d.state.current!.s.phase).toBe('question');
    d.send({ type: 'flag' });
    expect(d.state.notice).toBe('Flagged.');
    expect(c.marks(first).flagged).toBe(true);
    d.send({ type: 'bury' });
    expect(d.state.notice).toMatch(/Buried/);
    expect(d.key()).not.toBe(first);
  });

  it('after an edit the card is shown as edited, or the session moves on if it is gone', async () => {
    const { c } = await openFixture();
    // After the reload the edited card is no longer in any deck.
    const gone: { key: string | null } = { key: null };
    const port: StudyPort = Object.create(c);
    port.next = (scope, now, since, skip) =>
      c.next(scope, now, since, new Set([...(skip ?? []), ...(gone.key ? [gone.key] : [])]));
    const d = driver(port);
    const card = d.state.current!.s.card;
    const edited = { ...card, face: { kind: 'flash' as const, front: 'New front', back: 'B' } };
    d.send({ type: 'edited', card: edited, notice: 'Deck reloaded.' });
    expect(d.state.current!.s.card.face).toEqual(edited.face);
    gone.key = card.key;
    d.send({ type: 'edited', card: null, notice: 'The card is gone from the deck.' });
    expect(d.key()).not.toBe(card.key);
    expect(d.state.notice).toMatch(/gone/);
  });
});
