import { describe, expect, it } from 'vitest';
import { Collection } from '../../../src/app/collection.js';
import type { Card } from '../../../src/core/model.js';
import { ALL } from '../../../src/core/ports.js';
import { loadDecks } from '../../../src/decks/load.js';
import { answer, closeAll, FIXTURES, ok, openFixture, T0, undone } from './fixture.js';

const MIN = 60_000;
const DAY = 86_400_000;

const open = openFixture;

async function reopen(dir: string) {
  await closeAll();
  return open(dir);
}

describe('Collection', () => {
  it('undo restores the exact previous state, back to the start of the session', async () => {
    const { c, store } = await open();
    const first = c.next(ALL, T0, 0)!;
    answer(c, first, 3, T0, 1000);
    const afterFirst = structuredClone(store.progress.cards);
    const second = c.next(ALL, T0 + MIN, 0)!;
    answer(c, second, 1, T0 + MIN, 1000);
    expect(undone(c.undo(T0 + 2 * MIN))?.key).toBe(second.key);
    expect(store.progress.cards).toEqual(afterFirst);
    expect(undone(c.undo(T0 + 3 * MIN))?.key).toBe(first.key);
    expect(store.progress.cards).toEqual({});
    expect(store.progress.days[Object.keys(store.progress.days)[0]!]?.reviews).toBe(0);
    expect(ok(c.undo(T0 + 4 * MIN))).toEqual({ kind: 'none' });
    expect(c.counts(ALL, T0).new).toBe(13);
  });

  it('the last answer can be undone after a restart, and the undo survives another restart', async () => {
    const { c, dir } = await open();
    const card = c.next(ALL, T0, 0)!;
    answer(c, card, 3, T0, 1000);
    const again = await reopen(dir);
    expect(undone(again.c.undo(T0 + MIN))?.key).toBe(card.key);
    const third = await reopen(dir);
    expect(third.store.progress.cards[card.key]).toBeUndefined();
    expect(third.store.verify()).toEqual([]);
  });

  it('bury hides a card until the next study day; suspend until unsuspended; both undoable', async () => {
    const { c } = await open();
    const card = c.next(ALL, T0, 0)!;
    c.bury(card, T0);
    expect(c.next(ALL, T0, 0)?.key).not.toBe(card.key);
    expect(c.cards(ALL).length - 1).toBe(c.counts(ALL, T0).new);
    expect(c.next(ALL, T0 + DAY, 0)?.key).toBe(card.key);
    expect(undone(c.undo(T0))?.key).toBe(card.key);
    expect(c.next(ALL, T0, 0)?.key).toBe(card.key);
    c.suspend(card, T0);
    expect(c.next(ALL, T0 + 5 * DAY, 0)?.key).not.toBe(card.key);
    c.unsuspend(card.key, T0);
    expect(c.next(ALL, T0 + 5 * DAY, 0)?.key).toBe(card.key);
  });

  it('flags toggle and show in card info with the review history', async () => {
    const { c } = await open();
    const card = c.next(ALL, T0, 0)!;
    expect(ok(c.toggleFlag(card, T0))).toBe(true);
    answer(c, card, 2, T0 + MIN, 4200);
    const info = c.info(card, T0 + MIN);
    expect(info.marks.flagged).toBe(true);
    expect(info.history).toEqual([{ at: T0 + MIN, rating: 2, mode: 'study', tookMs: 4200 }]);
    expect(info.phase).toBe('learning');
    expect(ok(c.toggleFlag(card, T0))).toBe(false);
  });

  it('a card that reaches the leech threshold is suspended and reported', async () => {
    const { c, store } = await open();
    expect(c.setSetting('leech-threshold', '2')).toBeNull();
    const card = c.cards(ALL).find((x) => x.key === 'sample/forward-without-mode') as Card;
    let t = T0;
    const grade = (g: 1 | 3) => {
      const out = answer(c, card, g, t, 1000);
      t = Math.max(t + MIN, store.progress.cards[card.key]!.due);
      return out.leech;
    };
    grade(3);
    grade(3); // graduates to review
    expect(grade(1)).toBeNull(); // first lapse
    grade(3); // relearned
    expect(grade(1)).toEqual({ lapses: 2, action: 'suspend' });
    expect(store.progress.marks[card.key]).toMatchObject({ suspended: true, leech: true });
    expect(c.next({ decks: ['sample'], tag: null }, t + 30 * DAY, 0)?.key).not.toBe(card.key);
  });

  it('settings persist and apply to the counts at once', async () => {
    const { c, dir } = await open();
    expect(c.setSetting('new-per-day', '3')).toBeNull();
    expect(c.counts(ALL, T0).new).toBe(3);
    expect(c.setSetting('new-per-day', '-1')).toMatch(/0 to 9999/);
    const again = await reopen(dir);
    expect(again.c.settings().newPerDay).toBe(3);
  });

  it('the tag scope serves only cards with that tag', async () => {
    const { c } = await open();
    expect(c.cards({ decks: null, tag: 'lpic3-351.4' })).toHaveLength(13);
    expect(c.cards({ decks: null, tag: 'nope' })).toHaveLength(0);
  });

  it('history of a removed card is kept and listed as an orphan', async () => {
    const { store } = await open();
    // After a reload the deck folder is empty: the card disappears, its history stays.
    const c = new Collection(await loadDecks([FIXTURES]), store, 'dev', () => loadDecks([]));
    const card = c.next(ALL, T0, 0)!;
    answer(c, card, 3, T0, 1);
    await c.reloadDecks();
    expect(c.orphanKeys()).toEqual([card.key]);
    expect(c.counts(ALL, T0)).toEqual({ new: 0, learning: 0, due: 0, overdue: 0 });
  });
});
