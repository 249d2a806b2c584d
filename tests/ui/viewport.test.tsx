// At 40x12 every line of the longest cards can be reached with ↑/↓ or j/k, a "more" marker
// shows while content is hidden, and no frame is taller or wider than the terminal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DOWN, ENTER, openFixture, PGDN, renderApp, UI_FIXTURES, type Ui, UP } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const DECK = join(UI_FIXTURES, 'long');
const YAML = readFileSync(join(DECK, 'long.yaml'), 'utf8');
/** Every word of one part of the fixture: `fa001` ... for prefix `fa`. */
const words = (prefix: string) => YAML.match(new RegExp(`\\b${prefix}\\d{3}\\b`, 'g')) ?? [];

async function longDeck(columns = 40, rows = 12) {
  const f = await openFixture(DECK);
  store = f.store;
  const ui = await renderApp(
    f.collection,
    { name: 'study', scope: { decks: null, tag: null } },
    { columns, rows },
  );
  await ui.waitFor('fa001');
  return ui;
}

function fits(ui: Ui, columns: number, rows: number) {
  const lines = ui.frame().split('\n');
  expect(lines.length, ui.frame()).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
}

/**
 * Presses `key` until the bottom marker is gone (or `limit` presses), recording every
 * word seen on the way. Returns the words seen.
 */
async function scrollThrough(
  ui: Ui,
  key: string,
  seen: Set<string>,
  onFrame: (frame: string) => void = () => {},
) {
  const limit = 80;
  const record = () => {
    fits(ui, 40, 12);
    onFrame(ui.frame());
    for (const w of ui.frame().match(/\b[a-z]{2}\d{3}\b/g) ?? []) seen.add(w);
  };
  record();
  for (let i = 0; i < limit && /↓ \d+ more/.test(ui.frame()); i++) {
    await ui.press(key);
    record();
  }
  expect(ui.frame()).not.toMatch(/↓ \d+ more/);
}

function expectAll(seen: Set<string>, ...prefixes: string[]) {
  for (const p of prefixes) {
    const all = words(p);
    expect(all.length, p).toBeGreaterThan(0);
    expect(
      all.filter((w) => !seen.has(w)),
      `${p} words never shown`,
    ).toEqual([]);
  }
}

describe('Viewport at 40x12', () => {
  it('a long flashcard: question and answer sides scroll with j and ↓, with "more" markers', async () => {
    const ui = await longDeck();
    expect(ui.frame()).toMatch(/↓ \d+ more/);
    const question = new Set<string>();
    await scrollThrough(ui, 'j', question);
    expect(ui.frame()).toMatch(/↑ \d+ more/);
    expectAll(question, 'fa');
    // Back up with k: the first line comes back and the top marker goes.
    for (let i = 0; i < 40 && /↑ \d+ more/.test(ui.frame()); i++) await ui.press('k');
    expect(ui.frame()).toContain('fa001');
    await ui.press(' ');
    await ui.waitFor('Again');
    const answer = new Set<string>();
    await scrollThrough(ui, DOWN, answer);
    expectAll(answer, 'fb', 'fe', 'fr');
    // The grade keys still work from anywhere in the card.
    await ui.press('3');
    await ui.waitFor('qa001');
  });

  it('a long multiple-choice card: ↓ walks the choices, then scrolls; ↑ on the first choice scrolls back', async () => {
    const ui = await longDeck();
    await ui.press(' ', '3');
    await ui.waitFor('qa001');
    const question = new Set<string>();
    let wrong = '';
    await scrollThrough(ui, DOWN, question, (frame) => {
      wrong = frame.match(/([a-h])\) cb001/)?.[1] ?? wrong;
    });
    expectAll(question, 'qa', 'ca', 'cb', 'cc', 'cd');
    expect(wrong).not.toBe('');
    // The cursor is on the last choice now; ↑ walks back up, then scrolls to the top.
    for (let i = 0; i < 40 && /↑ \d+ more/.test(ui.frame()); i++) await ui.press(UP);
    expect(ui.frame()).toContain('qa001');
    await ui.press(wrong, ENTER);
    await ui.waitFor('▸1 Again');
    const answer = new Set<string>();
    let verdict = false;
    await scrollThrough(ui, 'j', answer, (frame) => {
      verdict ||= frame.includes('✗ Not quite');
    });
    expectAll(answer, 'wb', 'qe', 'qr');
    expect(verdict).toBe(true);
  });

  it('a long typed prompt: ↓ and PgDn scroll while letters stay text', async () => {
    const ui = await longDeck();
    await ui.press(' ', '3');
    await ui.waitFor('qa001');
    await ui.press('a', ENTER, ENTER);
    await ui.waitFor('ta001');
    await ui.press('j', 'k');
    await ui.waitFor('> jk▏');
    const prompt = new Set<string>();
    await ui.press(PGDN);
    await scrollThrough(ui, DOWN, prompt);
    await ui.press(...'\u007f\u007f'.split(''));
    for (let i = 0; i < 40 && /↑ \d+ more/.test(ui.frame()); i++) await ui.press(UP);
    for (const w of ui.frame().match(/\bta\d{3}\b/g) ?? []) prompt.add(w);
    expectAll(prompt, 'ta');
  });

  it('the help overlay scrolls at 40x12 and lists the scroll keys', async () => {
    const ui = await longDeck();
    await ui.press('?');
    await ui.waitFor('Keys · Flashcard');
    fits(ui, 40, 12);
    const seen: string[] = [];
    for (let i = 0; i < 30 && /↓ \d+ more/.test(ui.frame()); i++) {
      seen.push(ui.frame());
      await ui.press(DOWN);
    }
    seen.push(ui.frame());
    const all = seen.join('\n');
    // Every binding of the screen, the scroll keys included, then Ctrl+C last.
    for (const label of ['Space/Enter', '↑/k', '↓/j', 'PgUp', 'PgDn', 'Ctrl+C']) {
      expect(all).toContain(label);
    }
    expect(ui.frame()).toContain('Ctrl+C');
    await ui.press('x');
    await ui.waitFor('fa001');
  });

  it('at 80x24 a card that fits has no markers', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'study', scope: { decks: null, tag: null } });
    await ui.waitFor('Flashcard');
    await ui.press(' ');
    await ui.waitFor('virbr0');
    expect(ui.frame()).not.toMatch(/(↑|↓) \d+ more/);
  });
});
