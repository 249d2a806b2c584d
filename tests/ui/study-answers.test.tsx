// Answering on the study screen at 80 and 40 columns: what Enter says before enough picks,
// the letters a card has, a typed near miss's character diff, code in card text, and the
// layout chosen by measured height.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENTER, openFixture, renderApp, UI_FIXTURES } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function setup(columns: number, rows: number) {
  const f = await openFixture(join(UI_FIXTURES, 'answers'));
  store = f.store;
  const ui = await renderApp(
    f.collection,
    { name: 'study', scope: { decks: ['answers'], tag: null } },
    { columns, rows },
  );
  await ui.waitFor('starts the');
  return { ...ui, store: f.store };
}

describe.each([
  [80, 24],
  [40, 12],
])('study answers at %ix%i', (columns, rows) => {
  it('Enter with nothing picked names the letters the card has; code shows without backticks', async () => {
    const ui = await setup(columns, rows);
    expect(ui.frame()).toContain('a-c choose');
    expect(ui.frame()).not.toContain('a-h');
    expect(ui.frame()).toContain('virsh net-start default');
    expect(ui.frame()).not.toContain('`');
    await ui.press(ENTER);
    await ui.waitFor('Pick an answer (a-c) before Enter.');
    expect(ui.frame()).not.toContain('Correct');
    // The message goes with the next key; the card is then answered as usual.
    await ui.press(ui.letterOf('virsh net-start default'));
    expect(ui.frame()).not.toContain('Pick an answer');
    await ui.press(ENTER);
    await ui.waitFor('✓ Correct');
  });

  it('"Choose two" waits for the second pick before Enter submits', async () => {
    const ui = await setup(columns, rows);
    await ui.press(ui.letterOf('virsh net-start default'), ENTER, ENTER);
    await ui.waitFor('Choose two.');
    expect(ui.frame()).toContain('choose two');
    await ui.press(ui.letterOf('qcow2'), ENTER);
    // At 40 columns the message wraps: compare with the line breaks as spaces.
    await ui.waitFor((f) =>
      f.replace(/\s+/g, ' ').includes('Choose two: 1 picked, pick 1 more (a-d).'),
    );
    expect(ui.frame()).not.toMatch(/Correct|Not quite/);
    await ui.press(ui.letterOf('raw'), ENTER);
    await ui.waitFor('✓ Correct');
  });

  it('a typed near miss shows typed over expected with the differences marked, and suggests Hard', async () => {
    const ui = await setup(columns, rows);
    await ui.press(ui.letterOf('virsh net-start default'), ENTER, ENTER);
    await ui.waitFor('Choose two.');
    await ui.press(ui.letterOf('qcow2'), ui.letterOf('raw'), ENTER, ENTER);
    await ui.waitFor('active or not?');
    await ui.press(...'virsh net-lst --all'.split(''), ENTER);
    await ui.waitFor('✗ Not quite');
    const f = ui.frame();
    expect(f).toContain('Typed   virsh net-l-st --all');
    expect(f).toContain('Answer  virsh net-list --all');
    // The caret sits under the dash that stands for the missing i: no colour needed.
    const lines = f.split('\n');
    const typed = lines.findIndex((l) => l.startsWith('Typed'));
    expect(lines[typed + 1]).toBe(`${' '.repeat('Typed   virsh net-l'.length)}^`);
    expect(f).toContain('▸2 Hard');
    await ui.press(ENTER);
    await ui.waitFor('The thirteen lines');
    expect(ui.store.readAllRecords().at(-1)).toMatchObject({
      key: 'answers/typed-command',
      rating: 2,
    });
  });
});

describe('layout chosen by measured height', () => {
  async function toTallCard(columns: number, rows: number) {
    const ui = await setup(columns, rows);
    await ui.press(ui.letterOf('virsh net-start default'), ENTER, ENTER);
    await ui.waitFor('Choose two.');
    await ui.press(ui.letterOf('qcow2'), ui.letterOf('raw'), ENTER, ENTER);
    await ui.waitFor('active or not?');
    await ui.press(...'virsh net-list --all'.split(''), ENTER, ENTER);
    await ui.waitFor('The thirteen lines');
    return ui;
  }

  it('at 80x24 a short card gets the full layout, blank lines and all', async () => {
    const ui = await toTallCard(80, 24);
    const lines = ui.frame().split('\n');
    expect(lines[0]).toMatch(/New \d+ · Learn \d+ · Due \d+/);
    expect(lines[1]?.trim()).toBe('');
  });

  it('at 80x24 a card one row too tall for the full layout drops the gaps, not the grade hint', async () => {
    const ui = await toTallCard(80, 24);
    await ui.press(' ');
    await ui.waitFor('thirteen\n');
    const f = ui.frame();
    const lines = f.split('\n');
    expect(lines[1]).toBe('Flashcard');
    expect(f).toContain('Enter: Good · 1-4 choose a grade');
    expect(f).toMatch(/New \d+ · Learn \d+ · Due \d+/);
    expect(f).not.toContain('more');
  });

  it('at 40x12 the same card does not fit in any roomy layout: tight, scrolling', async () => {
    const ui = await toTallCard(40, 12);
    await ui.press(' ');
    await ui.waitFor('↓');
    const f = ui.frame();
    expect(f).toMatch(/\d+·\d+·\d+/);
    expect(f).not.toContain('Enter: Good');
    expect(f.split('\n').length).toBeLessThanOrEqual(11);
  });
});
