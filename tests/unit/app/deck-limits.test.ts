// Per-deck limits through the collection: each deck's counts today are folded from the log,
// so the limit holds across a restart and an undo gives the card back.
import { describe, expect, it } from 'vitest';
import { ALL } from '../../../src/core/ports.js';
import { answer, closeAll, ok, openFixture, T0 } from './fixture.js';

const HOUR = 3_600_000;

describe('per-deck limits in the collection', () => {
  it("a deck's own new-per-day holds across a restart and an undo", async () => {
    const first = await openFixture();
    first.store.setSettings({ ...first.store.settings, deckLimits: { sample: { newPerDay: 2 } } });
    // The collection reads settings when it opens: a restart picks up the override.
    await closeAll();
    const { c, dir } = await openFixture(first.dir);
    expect(c.counts(ALL, T0).new).toBe(2);
    expect(c.home(T0).decks.find((d) => d.id === 'sample')?.new).toBe(2);
    const one = c.next(ALL, T0, 0)!;
    answer(c, one, 3, T0);
    expect(c.counts(ALL, T0 + 1000).new).toBe(1);
    const two = c.next(ALL, T0 + 1000, 0, new Set([one.key]))!;
    expect(two.key).not.toBe(one.key);
    answer(c, two, 4, T0 + 2000);
    expect(c.counts(ALL, T0 + 3000).new).toBe(0);
    expect(c.home(T0 + 3000).decks.find((d) => d.id === 'sample')?.new).toBe(0);

    // Taking the last answer back gives that new card back today.
    ok(c.undo(T0 + 4000));
    expect(c.counts(ALL, T0 + 5000).new).toBe(1);
    answer(c, two, 4, T0 + 6000);

    await closeAll();
    const again = await openFixture(dir);
    expect(again.c.counts(ALL, T0 + HOUR).new).toBe(0);
    // The next study day (04:00 UTC here) brings the deck's own two new cards again.
    expect(again.c.counts(ALL, T0 + 20 * HOUR).new).toBe(2);
  });
});

describe('what the daily limits hold back', () => {
  it('nothing while the day still has room; every other new card once the limit is used', async () => {
    const { c } = await openFixture();
    expect(c.setSetting('new-per-day', '1')).toBeNull();
    // A session left before the limit was used up: the limit was not reached.
    expect(c.beyondLimits(ALL, T0)).toEqual({ new: 0, due: 0 });
    answer(c, c.next(ALL, T0, 0)!, 3, T0);
    const held = c.beyondLimits(ALL, T0 + 1000);
    // As many as a limit with room would show (siblings of the answered card stay buried).
    expect(c.setSetting('new-per-day', '9999')).toBeNull();
    expect(held).toEqual({ new: c.counts(ALL, T0 + 1000).new, due: 0 });
    expect(held.new).toBeGreaterThan(0);
    await closeAll();
  });
});
