// The browser over a real collection and store: actions write marks the queue sees at once,
// forget makes a studied card new again (the queue counts it as new, card info keeps its
// answers) and survives a restart, which folds the log again.
import { describe, expect, it } from 'vitest';
import { ALL } from '../../../src/core/ports.js';
import { answer, closeAll, ok, openFixture, T0 } from './fixture.js';

const sortDue = { column: 'due' as const, desc: false };

describe('browser port', () => {
  it('suspend, flag and bury toggle; the queue sees each at once', async () => {
    const { c } = await openFixture();
    const b = c.browser();
    const rowOf = (key: string) => {
      const r = b.browse(`"${key}"`, sortDue, T0);
      if (!r.ok) throw new Error(r.message);
      return r.rows.find((x) => x.key === key)!;
    };
    const card = c.cards(ALL)[0]!;
    const before = c.counts(ALL, T0).new;
    expect(ok(b.act(card, rowOf(card.key), 'suspend', T0))).toBe('suspend');
    expect(c.counts(ALL, T0 + 1).new).toBe(before - 1);
    expect(rowOf(card.key).suspended).toBe(true);
    expect(ok(b.act(card, rowOf(card.key), 'suspend', T0 + 2))).toBe('unsuspend');
    expect(c.counts(ALL, T0 + 3).new).toBe(before);
    expect(ok(b.act(card, rowOf(card.key), 'flag', T0 + 4))).toBe('flag');
    expect(ok(b.act(card, rowOf(card.key), 'flag', T0 + 5))).toBe('unflag');
    expect(ok(b.act(card, rowOf(card.key), 'bury', T0 + 6))).toBe('bury');
    expect(rowOf(card.key).buried).toBe(true);
    expect(ok(b.act(card, rowOf(card.key), 'bury', T0 + 7))).toBe('unbury');
    expect(c.marks(card.key)).toEqual({});
  });

  it('forget: a studied card is new again, keeps its history, and stays so after a restart', async () => {
    const first = await openFixture();
    const c = first.c;
    const card = c.cards(ALL)[0]!;
    answer(c, card, 3, T0);
    answer(c, card, 3, T0 + 11 * 60_000);
    expect(c.phase(card.key)).not.toBe('new');
    const newBefore = c.counts(ALL, T0 + 20 * 60_000).new;
    const b = c.browser();
    const found = b.browse('-is:new', sortDue, T0 + 20 * 60_000);
    if (!found.ok) throw new Error(found.message);
    expect(found.rows.map((r) => r.key)).toEqual([card.key]);
    expect(ok(b.act(card, found.rows[0]!, 'forget', T0 + 20 * 60_000))).toBe('forget');
    expect(c.memory(card.key)).toBeNull();
    // It counts as new again (and its sibling, no longer answered today, is not held back).
    expect(c.counts(ALL, T0 + 21 * 60_000).new).toBeGreaterThan(newBefore);
    expect(c.info(card, T0 + 21 * 60_000).history).toHaveLength(2);
    // Answered again, it starts from new.
    answer(c, card, 3, T0 + 30 * 60_000);
    expect(c.memory(card.key)?.reps).toBe(1);
    await closeAll();
    const again = await openFixture(first.dir);
    expect(again.c.memory(card.key)?.reps).toBe(1);
    expect(again.c.info(card, T0 + 40 * 60_000).history).toHaveLength(3);
  });
});
