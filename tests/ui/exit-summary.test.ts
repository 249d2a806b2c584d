// The line printed after the TUI closes: a session left part way (q, Ctrl+C) is summarised
// from the answers given since the last finished one.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/model.js';
import { summarize } from '../../src/core/summary.js';
import { exitTally } from '../../src/ui/exit-summary.js';
import { openFixture, T0 } from '../unit/app/fixture.js';

const ALL = { decks: null, tag: null };

describe('exit summary', () => {
  it('is null before anything was studied, and the finished summary right after one', async () => {
    const { c } = await openFixture();
    const t = exitTally(c);
    expect(t.summary(T0)).toBeNull();
    const done = summarize([], T0, T0, null);
    t.finished(done);
    expect(t.summary(T0 + 5000)).toBe(done);
  });

  it('counts the answers since, from the first card shown to the exit', async () => {
    const { c, store } = await openFixture();
    const t = exitTally(c);
    t.finished(summarize([], T0, T0, null));
    const [a, b] = c.cards(ALL) as [Card, Card];
    const answer = (card: Card, grade: 1 | 3, now: number) =>
      t.port.answer({ card, grade, now, tookMs: 4000, shown: c.memory(card.key) });
    expect(answer(a, 3, T0 + 10_000).ok).toBe(true);
    expect(answer(b, 1, T0 + 20_000).ok).toBe(true);
    // The answers reached the real store, through the wrapper.
    expect(store.progress.reviews).toBe(2);
    const s = t.summary(T0 + 66_000)!;
    expect(s).toMatchObject({ cards: 2, accuracy: 50, newCards: 2, elapsedMs: 60_000 });
    // Undo takes the last answer back from the tally too.
    const u = t.port.undo(T0 + 67_000);
    expect(u.ok && u.value.kind).toBe('undone');
    expect(t.summary(T0 + 70_000)).toMatchObject({ cards: 1, accuracy: 100 });
    // Methods the wrapper does not count still work on the collection.
    expect(t.port.nextDue(ALL, T0 + 70_000)).toBe(c.nextDue(ALL, T0 + 70_000));
  });
});
