import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DOWN, ENTER, openFixture, renderApp } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('home screen', () => {
  it('lists decks with counts, opens one, and the help overlay lists the keys', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' });
    await ui.waitFor(/All decks\s+13\s+0\s+0/);
    expect(ui.frame()).toMatch(/Sample deck\s+13\s+0\s+0/);
    await ui.press('?');
    await ui.waitFor('Keys · Deck list');
    expect(ui.frame()).toContain('study all decks');
    // The keys and the readiness legend are longer than 24 rows: ↓ scrolls, q closes.
    await ui.press(DOWN);
    await ui.waitFor(/↑ \d+ more/);
    await ui.press('q');
    await ui.waitFor((f) => f.includes('All decks') && !f.includes('Keys ·'));
    expect(ui.frame()).toMatch(/› All decks/);
    await ui.press(DOWN, ENTER);
    await ui.waitFor('Flashcard');
    expect(ui.frame()).toContain('Sample deck');
    await ui.press(' ', '3', 'q');
    await ui.waitFor('Session done');
    expect(ui.frame()).toMatch(/Cards studied\s+1/);
    await ui.press(ENTER);
    await ui.waitFor(/Sample deck\s+11\s+1\s+0/);
  });

  it('asks for a larger terminal below 40x12', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' }, { columns: 30, rows: 10 });
    await ui.waitFor('needs at least 40x12');
  });

  it('fits the deck list into 40x12', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' }, { columns: 40, rows: 12 });
    await ui.waitFor('All decks');
    const lines = ui.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
  });
});

describe('settings screen', () => {
  it('edits a setting, refuses a bad value with the valid range, and resets to the default', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' });
    await ui.press(',');
    await ui.waitFor(/new-per-day\s+20/);
    expect(ui.frame()).toContain('Settings');
    await ui.press(DOWN, DOWN, DOWN, DOWN, ENTER);
    await ui.press('\u007F', '\u007F', '9', '9', '9', '9', '9', ENTER);
    await ui.waitFor(/invalid value '99999' for new-per-day: .*0 to\s+9999/s);
    await ui.press('\u001B');
    await ui.press(ENTER, '\u007F', '\u007F', '\u007F', '\u007F', '\u007F', '5', ENTER);
    await ui.waitFor('new-per-day = 5');
    expect(f.collection.settings().newPerDay).toBe(5);
    await ui.press('r');
    await ui.waitFor('new-per-day = 20');
    expect(f.collection.settings().newPerDay).toBe(20);
    await ui.press('q');
    await ui.waitFor(/All decks\s+13/);
  });
});
