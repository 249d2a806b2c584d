// The card browser (b on home) at 40 and 80 columns: search with located errors, sort,
// the actions on the selected card (suspend, bury, flag, forget), card info, and that
// every line fits the terminal.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import {
  DOWN,
  ENTER,
  ESC,
  FIXTURES,
  openFixture,
  renderApp,
  T0,
  type Ui,
  until,
} from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const fits = (ui: Ui, columns: number, rows: number) => {
  const lines = ui.frame().split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
};

async function search(ui: Ui, text: string) {
  await ui.press('/');
  await ui.waitFor('Esc cancel');
  // Erase what the search line held, then type the new search.
  await ui.burst('\x7f'.repeat(40));
  await ui.burst(text);
  await ui.press(ENTER);
}

const SIZES = [
  [40, 12],
  [80, 24],
] as const;

describe('card browser', () => {
  it.each(SIZES)('at %ix%i: b opens it from home, lists the cards, fits', async (columns, rows) => {
    const f = await openFixture();
    store = f.store;
    const total = f.collection.cards({ decks: null, tag: null }).length;
    const ui = await renderApp(f.collection, { name: 'home' }, { columns, rows });
    await ui.waitFor('All decks');
    await ui.press('b');
    await ui.waitFor(`Cards · ${total} cards · sort due ↑`);
    expect(ui.frame()).toContain('/ (all cards; / to search)');
    expect(ui.frame()).toMatch(/card\s+state/);
    expect(ui.frame()).toMatch(/› .*new/);
    expect(ui.frame()).toMatch(/\/ search · s sort/);
    fits(ui, columns, rows);
    await ui.press('?');
    await ui.waitFor('Keys · Card browser');
    if (rows >= 24) expect(ui.frame()).toContain('forget: reset to new');
    await ui.press(ESC);
    await ui.waitFor('sort due');
    await ui.press('q');
    await ui.waitFor('All decks');
  });

  it.each(SIZES)(
    'at %ix%i: a bad search points at the term; a good one narrows the list',
    async (columns, rows) => {
      const f = await openFixture();
      store = f.store;
      const ui = await renderApp(f.collection, { name: 'browser' }, { columns, rows });
      await ui.waitFor('sort due');
      await search(ui, 'is:dew');
      await ui.waitFor(/unknown is: value 'dew' at\s+column 4/);
      fits(ui, columns, rows);
      await search(ui, 'deck:sam default-bridge');
      await ui.waitFor('Cards · 2 cards');
      // Words match the card's key too: the reverse card's ends in ::reverse.
      await search(ui, 'deck:sam default-bridge -reverse');
      await ui.waitFor('Cards · 1 card ');
      expect(ui.frame()).toContain('Which bridge');
      await search(ui, 'is:new or');
      await ui.waitFor(/'or' needs a term on both\s+sides\s+at\s+column 8/);
      fits(ui, columns, rows);
    },
  );

  it('s sorts by the next column, r reverses', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'browser' }, { columns: 80, rows: 24 });
    await ui.waitFor('sort due ↑');
    await ui.press('s');
    await ui.waitFor('sort interval ↑');
    await ui.press('r');
    await ui.waitFor('sort interval ↓');
  });

  it.each(SIZES)(
    'at %ix%i: flag, suspend, bury and forget the selected card',
    async (columns, rows) => {
      const f = await openFixture();
      store = f.store;
      const key = 'sample/default-bridge';
      const card = f.collection.card(key)!;
      const r = f.collection.answer({ card, grade: 3, now: T0, tookMs: 1000, shown: null });
      expect(r.ok).toBe(true);
      expect(f.collection.memory(key)).not.toBeNull();
      const ui = await renderApp(f.collection, { name: 'browser' }, { columns, rows });
      await ui.waitFor('sort due');
      await search(ui, 'is:learn');
      await ui.waitFor('Cards · 1 card ');
      await ui.press('*');
      await until(() => f.collection.marks(key).flagged === true);
      await ui.waitFor('flag');
      await ui.press('!');
      await until(() => f.collection.marks(key).suspended === true);
      await ui.waitFor('susp');
      await ui.press('!');
      await until(() => f.collection.marks(key).suspended !== true);
      await ui.press('-');
      await until(() => f.collection.marks(key).buriedDay !== undefined);
      await ui.waitFor('buried');
      await ui.press('-');
      await until(() => f.collection.marks(key).buriedDay === undefined);
      // Forget asks first; n keeps the card as it is.
      await ui.press('F');
      await ui.waitFor('y forget');
      fits(ui, columns, rows);
      await ui.press('n');
      await ui.waitFor('/ search');
      expect(f.collection.memory(key)).not.toBeNull();
      await ui.press('F');
      await ui.waitFor('y forget');
      await ui.press('y');
      await until(() => f.collection.memory(key) === null);
      // Back to new: no longer learning, its answer still in card info, its flag kept.
      await ui.waitFor('Cards · 0 cards');
      expect(f.collection.marks(key).flagged).toBe(true);
      expect(f.collection.info(card, T0).history).toHaveLength(1);
      fits(ui, columns, rows);
    },
  );

  it('i shows card info for the selected card; any key closes it', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'browser' }, { columns: 80, rows: 24 });
    await ui.waitFor('sort due');
    await search(ui, '"default-bridge::reverse"');
    await ui.waitFor('Cards · 1 card ');
    await ui.press('i');
    await ui.waitFor('Card info · sample/default-bridge::reverse');
    await ui.press('x');
    await ui.waitFor('sort due');
  });

  it('moves the cursor with the arrows and keeps it in view', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'browser' }, { columns: 40, rows: 12 });
    await ui.waitFor('sort due');
    for (let i = 0; i < 9; i++) await ui.press(DOWN);
    expect(ui.frame()).toMatch(/›/);
    expect(ui.frame()).toContain('↑');
    fits(ui, 40, 12);
  });

  it('e opens the deck file at the selected card; the list shows the edit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-browse-edit-'));
    const file = join(dir, 'sample.yaml');
    copyFileSync(join(FIXTURES, 'sample.yaml'), file);
    const f = await openFixture(dir);
    store = f.store;
    const opened: string[] = [];
    const openEditor = async (path: string, line: number) => {
      opened.push(`${path}:${line}`);
      writeFileSync(path, readFileSync(path, 'utf8').replace('back: virbr0', 'back: virbr9'));
      return null;
    };
    const ui = await renderApp(f.collection, { name: 'browser' }, { openEditor });
    await ui.waitFor('sort due');
    await search(ui, '"default-bridge::reverse"');
    await ui.waitFor(/› virbr0/);
    await ui.press('e');
    await ui.waitFor('Deck reloaded.');
    expect(opened).toEqual([`${file}:7`]);
    await ui.waitFor(/› virbr9/);
  });
});
