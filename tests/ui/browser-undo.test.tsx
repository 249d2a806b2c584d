// The browser's `u` at 40x12 and 80x24: after forget (F, y) it puts the card's schedule
// back exactly, says so, and the list shows the card as it was; the footer and help list
// the key; with nothing left it says so.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENTER, ESC, openFixture, renderApp, T0, type Ui, until } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const SIZES = [
  [40, 12],
  [80, 24],
] as const;

async function search(ui: Ui, text: string) {
  await ui.press('/');
  await ui.waitFor('Esc cancel');
  await ui.burst('\x7f'.repeat(40));
  await ui.burst(text);
  await ui.press(ENTER);
}

describe('browser undo', () => {
  it.each(SIZES)('at %ix%i: u after forget restores the card exactly', async (columns, rows) => {
    const f = await openFixture();
    store = f.store;
    const key = 'sample/default-bridge';
    const card = f.collection.card(key)!;
    for (const [grade, at] of [
      [3, T0 - 3 * 86_400_000],
      [3, T0 - 2 * 86_400_000],
    ] as const)
      expect(
        f.collection.answer({ card, grade, now: at, tookMs: 900, shown: f.collection.memory(key) })
          .ok,
      ).toBe(true);
    const before = structuredClone(f.collection.memory(key));
    expect(before?.phase).not.toBe('new');
    const ui = await renderApp(f.collection, { name: 'browser' }, { columns, rows });
    await ui.waitFor('sort due');
    expect(ui.frame()).toMatch(/u undo/);
    await search(ui, 'is:review');
    await ui.waitFor('Cards · 1 card ');
    expect(ui.frame()).toMatch(/› .*review/);
    await ui.press('u');
    await ui.waitFor('Nothing to undo.');
    await ui.press('F');
    await ui.waitFor('y forget');
    await ui.press('y');
    await until(() => f.collection.memory(key) === null);
    // New again: out of the is:review list.
    await ui.waitFor(/reset to new/);
    await ui.waitFor('Cards · 0 cards');
    await ui.press('u');
    await until(() => f.collection.memory(key) !== null);
    await ui.waitFor(/forget undone:\s+its\s+schedule\s+is\s+back/);
    expect(f.collection.memory(key)).toEqual(before);
    await ui.waitFor('Cards · 1 card ');
    expect(ui.frame()).toMatch(/› .*review/);
    const lines = ui.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
    await ui.press('?');
    await ui.waitFor('Keys · Card browser');
    if (rows >= 24) expect(ui.frame()).toContain('undo the last suspend, bury, flag or forget');
    await ui.press(ESC);
    await ui.waitFor('sort due');
  });
});
