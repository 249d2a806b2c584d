// `x` on home asks how many questions and how long before drawing a mock exam.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENTER, ESC, openFixture, renderApp } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function home(columns: number, rows: number) {
  const f = await openFixture();
  store = f.store;
  const ui = await renderApp(f.collection, { name: 'home' }, { exams: f.exams, columns, rows });
  await ui.waitFor('All decks');
  return ui;
}

describe('x asks the size and time of a mock exam', () => {
  it.each([
    [80, 24],
    [40, 12],
  ])(
    'at %ix%i offers 60 questions and 90 minutes, and starts what was typed',
    async (columns, rows) => {
      const ui = await home(columns, rows);
      await ui.press('x');
      const frame = await ui.waitFor('Mock exam · All decks');
      expect(frame).toMatch(/› Questions\s+60▏/);
      expect(frame).toMatch(/ {2}Minutes\s+90/);
      expect(frame).toContain('Enter start');
      // The hints wrap between keys, never inside one.
      expect(frame).toContain('Backspace erase');
      for (const l of frame.split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
      expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
      // The first digit replaces the default.
      await ui.press('3');
      await ui.waitFor(/› Questions\s+3▏/);
      await ui.press('\t', '2', '5');
      await ui.waitFor(/› Minutes\s+25▏/);
      await ui.press(ENTER);
      await ui.waitFor(/Question 1\/3\s+⏱ 25:00 left/);
    },
  );

  it('refuses 0 questions and says the range; Esc goes back home', async () => {
    const ui = await home(80, 24);
    await ui.press('x', '0', ENTER);
    await ui.waitFor('Questions: a whole number from 1 to 500.');
    await ui.press(ESC);
    await ui.waitFor('All decks');
  });
});
