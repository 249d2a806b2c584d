// `x` on home asks how many questions and how long before drawing a mock exam.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DOWN, ENTER, ESC, openFixture, renderApp } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function home(columns: number, rows: number, settings: Record<string, string> = {}) {
  const f = await openFixture();
  store = f.store;
  for (const [key, value] of Object.entries(settings))
    expect(f.collection.setSetting(key as 'exam-questions', value)).toBeNull();
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

describe('x takes its defaults from exam-questions and exam-minutes', () => {
  it.each([
    [80, 24],
    [40, 12],
  ])('at %ix%i offers the configured 20 questions and 45 minutes', async (columns, rows) => {
    const ui = await home(columns, rows, { 'exam-questions': '20', 'exam-minutes': '45' });
    await ui.press('x');
    const frame = await ui.waitFor('Mock exam · All decks');
    expect(frame).toMatch(/› Questions\s+20▏/);
    expect(frame).toMatch(/ {2}Minutes\s+45/);
    await ui.press(ENTER);
    // The fixture decks hold fewer cards than 20: the draw takes what there is, in 45 minutes.
    await ui.waitFor(/Question 1\/\d+\s+⏱ 45:00 left/);
  });

  it('a value changed on the Settings screen is the next default of x', async () => {
    const ui = await home(80, 24);
    await ui.press(',');
    await ui.waitFor('Settings');
    for (let i = 0; i < 20 && !/› exam-questions\s/.test(ui.frame()); i++) await ui.press(DOWN);
    await ui.waitFor(/› exam-questions\s+60/);
    await ui.press(ENTER);
    await ui.waitFor('questions in a mock exam unless told otherwise, 1 to 500');
    // Out of range: the screen says why, and the value stays.
    await ui.press('\u007F', '\u007F', '0', ENTER);
    await ui.waitFor("invalid value '0' for exam-questions");
    await ui.press('\u007F', '2', '5', ENTER);
    await ui.waitFor('exam-questions = 25');
    await ui.press('q');
    await ui.waitFor('All decks');
    await ui.press('x');
    await ui.waitFor(/› Questions\s+25▏/);
  });
});
