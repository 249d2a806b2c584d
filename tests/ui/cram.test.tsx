// Cram in the TUI at 80x24 and 40x12: the summary offers it (c), the header says
// "Cram: schedule unchanged" with the cards left, the grade bar shows no intervals, Again
// brings the card back later in the run, u takes an answer back, and no card's schedule
// changes. Started from the CLI (`study --cram`) the first frame is already the cram.
import { afterEach, describe, expect, it } from 'vitest';
import { ALL, type Scope } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { ENTER, openFixture, renderApp, T0, type Ui } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 40, rows: 12 },
];
const CARD = /Flashcard|Multiple choice|Fill the gap|Type the answer|Choose two/;

/** Turns whatever card is shown to its answer side. */
async function showAnswer(ui: Ui): Promise<string> {
  const f = ui.frame();
  if (f.includes('Type the answer')) await ui.press('x', ENTER);
  else if (/Multiple choice|Choose/.test(f)) {
    await ui.press('a');
    if (f.includes('Choose two')) await ui.press('b');
    await ui.press(ENTER);
  } else await ui.press(' ');
  return ui.waitFor('1 Again');
}

const fits = (frame: string, size: { columns: number; rows: number }) => {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.rows);
  for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(size.columns);
};

/** The title line's first card key: the run order decides it. */
const shownKey = (f: { collection: { cramDeck(scope: Scope): { key: string }[] } }, s: Scope) =>
  f.collection.cramDeck(s)[0]?.key;

describe.each(SIZES)('cram at $columns x $rows', (size) => {
  it('is offered on the summary; c starts it with its header and interval-less grades', async () => {
    const f = await openFixture();
    store = f.store;
    expect(f.collection.setSetting('new-per-day', '0')).toBeNull();
    const total = f.collection.cards(ALL).length;
    const ui = await renderApp(f.collection, { name: 'study', scope: ALL }, size);
    const done = await ui.waitFor('Session done');
    expect(done).toMatch(/c\scram/);
    fits(done, size);
    await ui.press('c');
    const first = await ui.waitFor(CARD);
    const header = first.split('\n')[0]!;
    expect(header).toMatch(/^Cram: schedule unchanged/);
    expect(header).toMatch(new RegExp(`${total} left$`));
    fits(first, size);
    const answered = await showAnswer(ui);
    const bar = answered.split('\n').find((l) => l.includes('1 Again'))!;
    expect(bar).toMatch(/1 Again\s+2 Hard\s+▸?3 Good\s+4 Easy/);
    // No interval after any grade (a normal session shows "1 Again 1m  2 Hard 6m"...).
    expect(bar).not.toMatch(/Again \d|Hard \d|Good \d|Easy \d/);
    if (size.rows >= 24) expect(answered).toContain('not rescheduled');
    fits(answered, size);
    await ui.press('3');
    await ui.waitFor(`${total - 1} left`);
    expect(f.store.progress.cards).toEqual({});
    expect(f.store.progress.reviews).toBe(1);
    ui.unmount();
  });

  it('Again brings the card back later; u takes an answer back; nothing is scheduled', async () => {
    const f = await openFixture();
    store = f.store;
    const scope: Scope = { ...ALL, custom: { kind: 'cram', pick: 'all', since: T0 } };
    const total = f.collection.cramDeck(scope).length;
    const firstKey = shownKey(f, scope)!;
    const counts = f.collection.counts(ALL, T0);
    const ui = await renderApp(f.collection, { name: 'study', scope }, size);
    await ui.waitFor(CARD);
    expect(ui.frame().split('\n')[0]).toMatch(/^Cram: schedule unchanged/);
    await showAnswer(ui);
    await ui.press('1');
    // Still in the run: the card waits three cards on, so none is done yet.
    await ui.waitFor(`${total} left`);
    await showAnswer(ui);
    await ui.press('3');
    await ui.waitFor(`${total - 1} left`);
    await ui.press('u');
    await ui.waitFor('Undone.');
    await ui.waitFor(`${total} left`);
    expect(f.store.progress.reviews).toBe(1);
    await showAnswer(ui);
    await ui.press('3');
    await showAnswer(ui);
    await ui.press('3');
    await showAnswer(ui);
    await ui.press('3');
    // The Again card is back on screen: card info names it.
    await ui.press('i');
    await ui.waitFor('Card info');
    // 40 columns cut the key and the history line; 80 show both.
    if (size.columns >= 80) {
      expect(ui.frame()).toContain(`Card info · ${firstKey}`);
      expect(ui.frame()).toMatch(/Again · .* · cram/);
    } else expect(ui.frame()).toContain('· Again ·');
    await ui.press('x');
    await ui.waitFor(CARD);
    // Every answer is in history and today's count; no card has a schedule.
    expect(f.store.progress.reviews).toBe(4);
    expect(f.store.progress.cards).toEqual({});
    expect(f.collection.counts(ALL, T0)).toEqual(counts);
    ui.unmount();
  });
});
