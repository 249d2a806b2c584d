// The weights setting in the Settings screen: 21 numbers in a 40-column terminal.
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENTER, openFixture, renderApp, UP } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const W = [...default_w];
W[2] = 3.5;

describe('Settings: weights', () => {
  it.each([40, 80])('at %i columns, edits, shows and clears the 21 weights', async (columns) => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'settings' }, { columns, rows: 24 });
    await ui.waitFor('Settings');
    expect(ui.frame()).toContain('exam-feeds-schedule true');
    await ui.press(UP); // the list wraps: weights is the last setting
    await ui.waitFor(/› weights\s+default/);
    await ui.press(ENTER);
    await ui.burst(W.join(','));
    await ui.press(ENTER);
    await ui.waitFor(/weights =\s+0\.212,1\.2931,3\.5/);
    expect(f.collection.settings().weights).toEqual(W);
    for (const l of ui.frame().split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
    await ui.press('r');
    await ui.waitFor('weights = default');
    expect(f.collection.settings().weights).toBeNull();
  });

  it('refuses 20 numbers and says why', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'settings' }, { columns: 80, rows: 24 });
    await ui.waitFor('Settings');
    await ui.press(UP, ENTER);
    await ui.burst(W.slice(1).join(','));
    await ui.press(ENTER);
    await ui.waitFor('expected 21 FSRS-6 weights, got 20');
    expect(f.collection.settings().weights).toBeNull();
  });
});
