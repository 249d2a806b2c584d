// A cram session over a real collection: every card of the scope once, in a stable order,
// suspended and buried ones left out; Again brings a card back later in the run; answers
// are logged as cram records that history and today's count see, while every card's
// memory, marks and the day's queue stay as they were, also after a restart; `u` takes
// back the cram answer (and never an answer from before the run).
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/app/collection.js';
import { cramOrder } from '../../../src/core/cram.js';
import type { Grade } from '../../../src/core/model.js';
import type { Scope, StudyPort } from '../../../src/core/ports.js';
import { type StudyEnv, startStudy, studyStep } from '../../../src/core/study-flow.js';
import type { StudyIntent, StudyState } from '../../../src/core/study-session.js';
import { answer, ok, openFixture, T0 } from './fixture.js';

const SEC = 1000;

function driver(port: StudyPort, scope: Scope, start = T0) {
  let now = start;
  const env = (): StudyEnv => ({ port, scope, now });
  let state = startStudy(env());
  return {
    get state(): StudyState {
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

/** Shows the answer (whatever the card kind) and grades it. */
function grade(d: ReturnType<typeof driver>, g: Grade): string {
  const key = d.key()!;
  const face = d.state.current!.s.card.face;
  if (face.kind === 'typed') d.send({ type: 'type', text: face.answer }, { type: 'submit' });
  else if (face.kind === 'mcq') d.send({ type: 'pick', index: 0 }, { type: 'submit' });
  else d.send({ type: 'reveal' });
  if (d.state.current?.s.phase === 'question')
    d.send({ type: 'pick', index: 1 }, { type: 'submit' });
  d.send({ type: 'grade', grade: g });
  return key;
}

const cram = (since = T0): Scope => ({
  decks: null,
  tag: null,
  custom: { kind: 'cram', pick: 'all', since },
});

/** What the schedule is: memories, marks, the day's counts against the limits. */
function schedule(c: Collection, now: number) {
  const p = c.store.progress;
  const days = Object.values(p.days).map((d) => [d.newCards, d.reviewCards, d.reviewPassed]);
  return {
    cards: p.cards,
    marks: p.marks,
    days,
    counts: c.counts({ decks: null, tag: null }, now),
  };
}

describe('cram session', () => {
  it('shows every card once in the run order, and leaves the schedule as it was', async () => {
    const { c, store } = await openFixture();
    const all = c.cards({ decks: null, tag: null });
    // Some history first: a studied card, a suspended one, a buried one.
    answer(c, all[0]!, 3, T0 - 60 * SEC);
    ok(c.suspend(all[1]!, T0 - 50 * SEC));
    ok(c.bury(all[2]!, T0 - 40 * SEC));
    const before = structuredClone(schedule(c, T0));
    const reviewsBefore = store.progress.reviews;
    const d = driver(c, cram());
    const expected = cramOrder(
      all.map((x) => x.key),
      'all',
      (k) => store.progress.marks[k],
      T0,
      c.settings().dayStartsAt,
    );
    expect(expected).not.toContain(all[1]!.key);
    expect(expected).not.toContain(all[2]!.key);
    expect(expected).toHaveLength(all.length - 2);
    expect(d.state.current!.preview).toBeNull();
    const seen: string[] = [];
    while (d.state.status === 'studying') seen.push(grade(d, seen.length % 2 ? 4 : 3));
    expect(seen).toEqual(expected);
    expect(d.state.summary!.cards).toBe(expected.length);
    expect(d.state.summary!.newCards).toBe(0);
    // History and today's count see the answers; the schedule does not.
    expect(store.progress.reviews).toBe(reviewsBefore + expected.length);
    expect(schedule(c, T0 + 3600 * SEC)).toEqual({
      ...before,
      counts: c.counts({ decks: null, tag: null }, T0 + 3600 * SEC),
    });
    expect(structuredClone(schedule(c, T0))).toEqual(before);
    const info = c.info(all[0]!, T0 + 3600 * SEC);
    expect(info.history.map((h) => h.mode)).toEqual(['study', 'cram']);
  });

  it('a card graded Again comes back three cards later in the same run', async () => {
    const { c } = await openFixture();
    const d = driver(c, cram());
    const order = [...d.state.cram!.queue];
    const missed = grade(d, 1);
    const next = [grade(d, 3), grade(d, 3), grade(d, 3)];
    expect(next).toEqual(order.slice(1, 4));
    expect(d.key()).toBe(missed);
    grade(d, 3);
    expect(d.state.cram!.queue).not.toContain(missed);
  });

  it('u takes back the cram answer: the card is shown again, history drops it', async () => {
    const { c, store } = await openFixture();
    const first = c.cards({ decks: null, tag: null })[0]!;
    answer(c, first, 3, T0 - 60 * SEC);
    const before = structuredClone(schedule(c, T0));
    const reviews = store.progress.reviews;
    const d = driver(c, cram());
    // Nothing of this run to take back: the study answer before it stays.
    d.send({ type: 'undo' });
    expect(d.state.notice).toBe('Nothing to undo.');
    expect(store.progress.reviews).toBe(reviews);
    const a = grade(d, 1);
    const b = grade(d, 3);
    expect(store.progress.reviews).toBe(reviews + 2);
    d.send({ type: 'undo' });
    expect(d.key()).toBe(b);
    expect(d.state.answers).toHaveLength(1);
    d.send({ type: 'undo' });
    expect(d.key()).toBe(a);
    // The Again's requeued copy went with it.
    expect(d.state.cram!.queue.filter((k) => k === a)).toHaveLength(1);
    expect(store.progress.reviews).toBe(reviews);
    expect(structuredClone(schedule(c, T0))).toEqual(before);
    d.send({ type: 'undo' });
    expect(d.state.notice).toBe('Nothing to undo.');
    expect(c.memory(first.key)).toEqual(before.cards[first.key]);
  });

  it('u on the summary of a cram with no answer takes back nothing from before it', async () => {
    const { c } = await openFixture();
    const card = c.cards({ decks: null, tag: null })[0]!;
    answer(c, card, 3, T0 - 60 * SEC);
    const memory = c.memory(card.key);
    const d = driver(c, cram());
    d.send({ type: 'quit' });
    expect(d.state.status).toBe('finished');
    // What App does for u on the summary.
    expect(ok(c.undo(T0 + 10 * SEC))).toEqual({ kind: 'none' });
    expect(c.memory(card.key)).toEqual(memory);
  });

  it('bury in a cram hides the card for the run and u brings it back', async () => {
    const { c } = await openFixture();
    const d = driver(c, cram());
    const key = d.key()!;
    d.send({ type: 'bury' });
    expect(d.key()).not.toBe(key);
    expect(d.state.cram!.queue).not.toContain(key);
    d.send({ type: 'undo' });
    expect(d.key()).toBe(key);
    expect(c.marks(key).buriedDay).toBeUndefined();
    expect(d.state.answers).toHaveLength(0);
  });

  it('a run restarted (u on the summary) resumes with what was taken back', async () => {
    const { c } = await openFixture();
    const scope = cram();
    const d = driver(c, scope);
    const shown: string[] = [];
    while (d.state.status === 'studying') shown.push(grade(d, 3));
    const back = ok(c.undo(T0 + 3600 * SEC));
    expect(back).toMatchObject({ kind: 'undone', card: { key: shown.at(-1) } });
    const again = driver(c, scope, T0 + 3601 * SEC);
    expect(again.state.cram!.queue).toEqual([shown.at(-1)]);
  });

  it('--flagged narrows the cram to the flagged cards, suspended ones too', async () => {
    const { c } = await openFixture();
    const [x, y] = c.cards({ decks: null, tag: null });
    ok(c.toggleFlag(x!, T0 - 30 * SEC));
    ok(c.toggleFlag(y!, T0 - 20 * SEC));
    ok(c.suspend(y!, T0 - 10 * SEC));
    const scope: Scope = {
      decks: null,
      tag: null,
      custom: { kind: 'cram', pick: 'flagged', since: T0 },
    };
    expect(
      c
        .cramDeck(scope)
        .map((k) => k.key)
        .sort(),
    ).toEqual([x!.key, y!.key].sort());
  });

  it('survives a restart: the folded log gives the same schedule', async () => {
    const { c, store, dir } = await openFixture();
    answer(c, c.cards({ decks: null, tag: null })[0]!, 1, T0 - 60 * SEC);
    const before = structuredClone({ cards: store.progress.cards, marks: store.progress.marks });
    const d = driver(c, cram());
    for (let i = 0; i < 5; i++) grade(d, (1 + (i % 4)) as Grade);
    await store.close();
    const reopened = await openFixture(dir);
    expect({ cards: reopened.store.progress.cards, marks: reopened.store.progress.marks }).toEqual(
      before,
    );
    expect(reopened.store.progress.reviews).toBe(6);
  });
});
