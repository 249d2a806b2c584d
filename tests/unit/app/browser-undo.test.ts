// The browser's undo over a real collection: `u` after forget puts the card's memory and
// marks back exactly (and a restart, which folds the log again, agrees); toggles are taken
// back newest first; a forgotten card answered since is left as it is.
import { describe, expect, it } from 'vitest';
import { ALL, type BrowserPort } from '../../../src/core/ports.js';
import type { CardRow } from '../../../src/core/search/card-row.js';
import { answer, closeAll, ok, openFixture, T0 } from './fixture.js';

const MIN = 60_000;
const sortDue = { column: 'due' as const, desc: false };

function rowOf(b: BrowserPort, key: string, now: number): CardRow {
  const r = b.browse(`"${key}"`, sortDue, now);
  if (!r.ok) throw new Error(r.message);
  return r.rows.find((x) => x.key === key)!;
}

describe('browser undo', () => {
  it('u after forget restores the memory and marks exactly, also after a restart', async () => {
    const first = await openFixture();
    const { c, store } = first;
    const card = c.cards(ALL)[0]!;
    answer(c, card, 3, T0);
    answer(c, card, 1, T0 + 11 * MIN);
    answer(c, card, 3, T0 + 30 * MIN);
    const b = c.browser();
    ok(b.act(card, rowOf(b, card.key, T0 + 40 * MIN), 'flag', T0 + 40 * MIN));
    const before = structuredClone({ memory: c.memory(card.key), marks: c.marks(card.key) });
    const counts = c.counts(ALL, T0 + 45 * MIN);
    expect(ok(b.act(card, rowOf(b, card.key, T0 + 41 * MIN), 'forget', T0 + 41 * MIN))).toBe(
      'forget',
    );
    expect(c.memory(card.key)).toBeNull();
    expect(ok(b.undo!(T0 + 42 * MIN))).toEqual({ kind: 'undone', key: card.key, mark: 'unforget' });
    expect({ memory: c.memory(card.key), marks: c.marks(card.key) }).toEqual(before);
    // The queue sees it at once: the same counts as before the forget.
    expect(c.counts(ALL, T0 + 45 * MIN)).toEqual(counts);
    // Then the flag, then nothing.
    expect(ok(b.undo!(T0 + 43 * MIN))).toMatchObject({ kind: 'undone', mark: 'unflag' });
    expect(ok(b.undo!(T0 + 44 * MIN))).toEqual({ kind: 'none' });
    const memory = c.memory(card.key);
    expect(store.progress.cards[card.key]).toEqual(memory);
    await closeAll();
    const again = await openFixture(first.dir);
    expect(again.c.memory(card.key)).toEqual(memory);
    expect(again.c.marks(card.key)).toEqual({});
    expect(again.c.info(card, T0 + 50 * MIN).history).toHaveLength(3);
  });

  it('suspend and bury are taken back newest first', async () => {
    const { c } = await openFixture();
    const x = c.cards(ALL)[0]!;
    const y = c.cards(ALL)[1]!;
    const b = c.browser();
    ok(b.act(x, rowOf(b, x.key, T0), 'suspend', T0));
    ok(b.act(y, rowOf(b, y.key, T0 + 1), 'bury', T0 + 1));
    expect(ok(b.undo!(T0 + 2))).toEqual({ kind: 'undone', key: y.key, mark: 'unbury' });
    expect(c.marks(y.key)).toEqual({});
    expect(c.marks(x.key)).toEqual({ suspended: true });
    expect(ok(b.undo!(T0 + 3))).toEqual({ kind: 'undone', key: x.key, mark: 'unsuspend' });
    expect(c.marks(x.key)).toEqual({});
  });

  it('a forgotten card answered since is left as it is (stale)', async () => {
    const { c } = await openFixture();
    const card = c.cards(ALL)[0]!;
    answer(c, card, 3, T0);
    const b = c.browser();
    ok(b.act(card, rowOf(b, card.key, T0 + MIN), 'forget', T0 + MIN));
    answer(c, card, 4, T0 + 2 * MIN);
    const now = c.memory(card.key);
    expect(now?.reps).toBe(1);
    expect(ok(b.undo!(T0 + 3 * MIN))).toEqual({ kind: 'stale', key: card.key });
    expect(c.memory(card.key)).toEqual(now);
    expect(ok(b.undo!(T0 + 4 * MIN))).toEqual({ kind: 'none' });
  });
});
