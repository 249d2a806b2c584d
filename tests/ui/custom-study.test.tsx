// Custom study from the summary: once the day's limits hold cards back, the summary says so
// and offers more new cards (with a prompt for N), reviews ahead, the flagged cards, the
// leeches and every card; each starts a session over the same scope. 80 and 40 columns.
import { afterEach, describe, expect, it } from 'vitest';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { ENTER, ESC, openFixture, renderApp, T0 } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 40, rows: 12 },
];

describe.each(SIZES)('custom study on the summary at $columns x $rows', (size) => {
  it('says the limit was reached, asks how many more new cards and starts that session', async () => {
    const f = await openFixture();
    store = f.store;
    expect(f.collection.setSetting('new-per-day', '0')).toBeNull();
    const ui = await renderApp(f.collection, { name: 'study', scope: ALL }, size);
    const done = await ui.waitFor('Session done');
    expect(done).toMatch(/Daily limit reached: \d+ new\s+cards\s+wait\s+beyond\s+it\./);
    for (const offer of [/n\smore\snew/, /a\sahead/, /f\sflagged/, /l\sleeches/, /e\severy\scard/])
      expect(done).toMatch(offer);
    const lines = done.split('\n');
    expect(lines.length).toBeLessThanOrEqual(size.rows);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(size.columns);
    // A bad count is refused; Esc closes the prompt; a good one starts the session.
    await ui.press('n');
    await ui.waitFor('How many more new cards today? (10)');
    await ui.press(ESC);
    await ui.waitFor((fr) => /n\smore\snew/.test(fr) && !fr.includes('How many'));
    await ui.press('n', '0', ENTER);
    await ui.waitFor(/type\s1\sto\s9999/);
    await ui.press('\u007F', '2', ENTER);
    await ui.waitFor(/Flashcard|Multiple choice|Fill the gap|Type the answer/);
    expect(f.collection.counts({ ...ALL, custom: { kind: 'more-new', count: 2 } }, T0).new).toBe(2);
    await ui.press('q');
    const after = await ui.waitFor('Session done');
    // After a custom session, no further offers.
    expect(after).not.toContain('Custom study');
    ui.unmount();
  });

  it('studies the flagged cards, due or not, from the summary', async () => {
    const f = await openFixture();
    store = f.store;
    expect(f.collection.setSetting('new-per-day', '0')).toBeNull();
    const card = f.collection.cards(ALL)[3]!;
    expect(f.collection.toggleFlag(card, T0).ok).toBe(true);
    const ui = await renderApp(f.collection, { name: 'study', scope: ALL }, size);
    await ui.waitFor('Session done');
    await ui.press('f');
    const shown = await ui.waitFor(/Flashcard|Multiple choice|Fill the gap|Type the answer/);
    // The one flagged card, new and outside the day's limit of 0, is the whole session.
    expect(shown).toMatch(/New 1 · Learn 0 · Due 0/);
    expect(shown).toContain('⚑');
    ui.unmount();
  });
});
