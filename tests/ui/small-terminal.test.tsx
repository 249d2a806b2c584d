// Every screen fits a 40x12 terminal: at most 11 lines (Ink must never fill the screen, or
// it scrolls) and 40 columns.
import { afterEach, describe, expect, it } from 'vitest';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
import { ENTER, openFixture, renderApp, type Ui } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

function fits(ui: Ui, where: string) {
  const lines = ui.frame().split('\n');
  expect(lines.length, `${where}:\n${ui.frame()}`).toBeLessThanOrEqual(11);
  for (const l of lines) expect(l.length, `${where}: ${l}`).toBeLessThanOrEqual(40);
}

describe('40x12', () => {
  it('study, help, card info, the summary and settings fit', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' }, { columns: 40, rows: 12 });
    await ui.waitFor('All decks');
    fits(ui, 'home');
    await ui.press(ENTER);
    await ui.waitFor('Space/Enter');
    fits(ui, 'question');
    await ui.press(' ');
    await ui.waitFor('Again');
    fits(ui, 'answer');
    await ui.press('?');
    await ui.waitFor('Keys ·');
    fits(ui, 'help');
    await ui.press('x', 'i');
    await ui.waitFor('Card info');
    fits(ui, 'card info');
    await ui.press('x', '3', 'q');
    await ui.waitFor('Session done');
    fits(ui, 'summary');
    await ui.press(ENTER, ',');
    await ui.waitFor('Settings');
    fits(ui, 'settings');
    await ui.press(ENTER);
    await ui.waitFor('Enter save');
    fits(ui, 'settings while editing');
  });

  it('the exam, its overview, the results and a mistake fit', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(
      f.collection,
      { name: 'examStart', options: { ...EXAM_OPTIONS, scope: ALL, questions: 4, minutes: 20 } },
      { columns: 40, rows: 12, exams: f.exams },
    );
    await ui.waitFor(/Question 1\/4/);
    fits(ui, 'typed question');
    await ui.press(ENTER);
    await ui.waitFor(/Question 2\/4/);
    fits(ui, 'choice question');
    await ui.press('o');
    await ui.waitFor('Overview');
    fits(ui, 'overview');
    await ui.press('s');
    await ui.waitFor('Submit the exam now?');
    fits(ui, 'confirm');
    await ui.press('y');
    await ui.waitFor('NOT PASSED');
    fits(ui, 'results');
    for (let i = 0; i < 4; i++) {
      await ui.press(ENTER);
      await ui.waitFor(`Mistake ${i + 1}/4`);
      fits(ui, `mistake ${i + 1}`);
    }
  });
});
