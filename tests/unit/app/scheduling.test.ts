// The collection and the scheduler together: the weights setting reaches the scheduler and
// survives a restart and an upgrade; the grade bar is what an answer applies; card info
// counts recall in study days.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { openCollection } from '../../../src/app/open.js';
import { ALL } from '../../../src/core/ports.js';
import { answer, openFixture, T0 } from './fixture.js';

const W = [...default_w];
W[2] = 3.5; // initial stability after Good

describe('the weights setting', () => {
  it('reaches the scheduler and is kept across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-weights-'));
    const first = await openFixture(dir);
    expect(first.c.setSetting('weights', W.join(', '))).toBeNull();
    const card = first.c.cards(ALL)[0]!;
    answer(first.c, card, 4, T0);
    expect(first.c.memory(card.key)?.stability).toBe(W[3]); // Easy: w3 is unchanged
    await first.store.close();
    const again = await openFixture(dir);
    expect(again.c.settings().weights).toEqual(W);
    const other = again.c.cards(ALL)[1]!;
    answer(again.c, other, 3, T0 + 60_000);
    expect(again.c.memory(other.key)?.stability).toBe(3.5);
    expect(again.c.setSetting('weights', 'default')).toBeNull();
    expect(again.c.settings().weights).toBeNull();
  });

  it('a bad value is refused and leaves the setting alone', async () => {
    const { c } = await openFixture();
    expect(c.setSetting('weights', W.slice(0, 19).join(','))).toContain(
      'expected 21 FSRS-6 weights, got 19',
    );
    expect(c.settings().weights).toBeNull();
  });

  it('a data directory from 0.1 (no weights) opens with the default weights and can set them', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hr-upgrade-')), 'data');
    cpSync(join(import.meta.dirname, '../../fixtures/store-v1'), dir, { recursive: true });
    const ctx = {
      root: join(import.meta.dirname, '../../..'),
      dataDir: dir,
      device: 'old',
      deckDirs: [join(import.meta.dirname, '../../fixtures/decks')],
      now: () => T0,
    };
    const { collection, store } = await openCollection(ctx, false);
    expect(collection.settings()).toMatchObject({ weights: null, newPerDay: 7 });
    expect(collection.setSetting('weights', W.join(' '))).toBeNull();
    await store.close();
    const reopened = await openCollection(ctx, false);
    expect(reopened.collection.settings()).toMatchObject({ weights: W, newPerDay: 7 });
    await reopened.store.close();
  });
});

describe('the grade bar', () => {
  it('shows exactly what the answer then schedules, fuzz on, answered seconds after it was shown', async () => {
    const { c } = await openFixture();
    for (const card of c.cards(ALL).slice(0, 6)) {
      let now = T0;
      for (const grade of [3, 3, 3, 4, 2, 3] as const) {
        const shown = c.preview(card, now);
        answer(c, card, grade, now + 4_000);
        const after = c.memory(card.key)!;
        expect(after.scheduledDays).toBe(shown[grade].memory.scheduledDays);
        expect(after.phase).toBe(shown[grade].memory.phase);
        if (after.phase === 'review') expect(after.due).toBe(shown[grade].memory.due);
        now = Math.max(after.due, now + 5_000) + 3_600_000;
      }
    }
  });
});

describe('undo, then the same answer', () => {
  it('gives the same interval: the fuzz depends on the card and its reviews, not the time', async () => {
    const { c } = await openFixture();
    for (const card of c.cards(ALL).slice(0, 8)) {
      answer(c, card, 3, T0);
      answer(c, card, 3, T0 + 11 * 60_000); // graduates, fuzzed
      const first = c.memory(card.key)!;
      const undone = c.undo(T0 + 12 * 60_000);
      expect(undone.ok && undone.value.kind === 'undone' && undone.value.card.key).toBe(card.key);
      answer(c, card, 3, T0 + 13 * 60_000);
      expect(c.memory(card.key)!.scheduledDays).toBe(first.scheduledDays);
      expect(c.memory(card.key)!.due).toBe(first.due);
    }
  });
});

describe('defect 8: card info counts recall in study days', () => {
  it('the morning after an evening review, recall is below 1 (one study day has passed)', async () => {
    const { c } = await openFixture();
    const card = c.cards(ALL)[0]!;
    const evening = Date.parse('2026-03-02T22:00:00Z'); // TZ=UTC, the day starts at 04:00
    answer(c, card, 4, evening);
    expect(c.info(card, Date.parse('2026-03-03T03:00:00Z')).retrievability).toBe(1);
    const morning = c.info(card, Date.parse('2026-03-03T07:00:00Z')).retrievability;
    expect(morning).toBeLessThan(1);
    expect(morning).toBe(c.scheduler.retrievability(c.memory(card.key)!, evening + 86_400_000));
  });
});
