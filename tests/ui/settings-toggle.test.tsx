// Yes/no settings flip with Enter or Space, at 40 and 80 columns, and stay flipped.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DOWN, ENTER, openFixture, renderApp } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function settingsAt(columns: number) {
  const f = await openFixture();
  store = f.store;
  const ui = await renderApp(f.collection, { name: 'settings' }, { columns, rows: 24 });
  await ui.waitFor('Settings');
  return { ui, f };
}

/** Moves the cursor down to a setting by name. */
async function select(ui: Awaited<ReturnType<typeof settingsAt>>['ui'], name: string) {
  for (let i = 0; i < 20 && !new RegExp(`› ${name}\\s`).test(ui.frame()); i++) await ui.press(DOWN);
  await ui.waitFor(new RegExp(`› ${name}\\s`));
}

describe('Settings: yes/no settings', () => {
  it.each([40, 80])('at %i columns, Enter and Space flip exam-feeds-schedule', async (columns) => {
    const { ui, f } = await settingsAt(columns);
    await select(ui, 'exam-feeds-schedule');
    expect(ui.frame()).toMatch(/Enter\/Space flip/);
    await ui.press(ENTER);
    await ui.waitFor('exam-feeds-schedule = false');
    expect(f.collection.settings().examFeedsSchedule).toBe(false);
    // Not an edit: no value is being typed.
    expect(ui.frame()).not.toContain('type a value');
    await ui.press(' ');
    await ui.waitFor('exam-feeds-schedule = true');
    expect(f.collection.settings().examFeedsSchedule).toBe(true);
    for (const l of ui.frame().split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
    // Every key of the footer stays whole: it wraps between hints.
    expect(ui.frame()).toMatch(/(^| · )q quit$/m);
    expect(ui.frame().split('\n').length).toBeLessThanOrEqual(24);
  });

  it('fuzz flips too; a number setting still opens for typing', async () => {
    const { ui, f } = await settingsAt(80);
    await select(ui, 'fuzz');
    await ui.press(' ');
    await ui.waitFor('fuzz = false');
    expect(f.collection.settings().fuzz).toBe(false);
    await select(ui, 'leech-threshold');
    expect(ui.frame()).toMatch(/Enter\/Space change/);
    await ui.press(ENTER);
    await ui.waitFor('type a value');
  });
});
