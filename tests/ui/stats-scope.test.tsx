// The Stats screen's scope (s: every deck, one deck, one objective, named in the header) and
// its hardest cards (h: a study session of the cards listed, scheduled as usual), at 80x24
// and 40x12; the footer and ? list both keys.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Card, Grade } from '../../src/core/model.js';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { HARDEST_SHOWN } from '../../src/ui/screens/stats-rows.js';
import { hardestKeys } from '../../src/ui/screens/stats-scope.js';
import { ESC, FIXTURES, openFixture, PGDN, renderApp, T0, UI_FIXTURES, until } from './harness.js';

const DAY = 86_400_000;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** The sample deck (objective lpic3-351.4) and the two-card deck (no objective). */
function twoDecks(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hr-stats-scope-'));
  copyFileSync(join(FIXTURES, 'sample.yaml'), join(dir, 'sample.yaml'));
  copyFileSync(join(UI_FIXTURES, 'two-cards/two.yaml'), join(dir, 'two.yaml'));
  return dir;
}

async function answered(deckDir: string, pick: (cards: Card[]) => Card[], at: number, g: Grade) {
  const f = await openFixture(deckDir);
  store = f.store;
  for (const [i, card] of pick(f.collection.cards(ALL)).entries()) {
    const r = f.collection.answer({
      card,
      grade: g,
      now: at + i * 60_000,
      tookMs: 2000,
      shown: f.collection.memory(card.key),
    });
    expect(r.ok).toBe(true);
  }
  return f;
}

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 40, rows: 12 },
];

function fits(frame: string, size: { columns: number; rows: number }) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.rows);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(size.columns);
}

describe.each(SIZES)('the Stats screen at $columns x $rows', (size) => {
  it('s shows one deck, then one objective, named in the header; Esc keeps the scope', async () => {
    // Today: both cards of the two-card deck and three of the sample deck.
    const f = await answered(
      twoDecks(),
      (cards) => [
        ...cards.filter((c) => c.deckId === 'two-cards'),
        ...cards.filter((c) => c.deckId === 'sample').slice(0, 3),
      ],
      T0 - 3_600_000,
      3,
    );
    const ui = await renderApp(f.collection, { name: 'stats' }, size);
    let frame = await ui.waitFor('Statistics · every deck');
    expect(frame).toContain('5 answers on 5 cards');
    expect(frame).toContain('s scope');
    expect(frame).toContain('h study hardest');
    fits(frame, size);

    await ui.press('s');
    frame = await ui.waitFor('› every deck');
    expect(frame).toContain('Statistics of:');
    fits(frame, size);
    for (let i = 0; i < 5 && !ui.frame().includes('› Two cards'); i++) await ui.press('j');
    await ui.press('\r');
    frame = await ui.waitFor('Statistics · Two cards');
    expect(frame).toContain('2 answers on 2 cards');
    fits(frame, size);

    // The cursor starts on the scope shown; the objective covers the sample deck's cards.
    await ui.press('s');
    await ui.waitFor('› Two cards');
    for (let i = 0; i < 5 && !ui.frame().includes('› objective'); i++) await ui.press('j');
    expect(ui.frame()).toContain('› objective lpic3-351.4');
    fits(ui.frame(), size);
    await ui.press('\r');
    frame = await ui.waitFor('Statistics · objective lpic3-351.4');
    expect(frame).toContain('3 answers on 3 cards');

    await ui.press('s');
    await ui.waitFor('Statistics of:');
    await ui.press('k', ESC);
    frame = await ui.waitFor('Statistics · objective lpic3-351.4');
    expect(frame).toContain('3 answers on 3 cards');
    await ui.press('q');
    await ui.waitFor((fr) => !fr.includes('Statistics ·'));
    ui.unmount();
  });

  it('h studies the hardest cards listed, not due, and the answer reschedules the card', async () => {
    // Both cards answered Easy yesterday: not due for days.
    const f = await answered(join(UI_FIXTURES, 'two-cards'), (c) => c, T0 - DAY, 4);
    const before = new Map(f.collection.cards(ALL).map((c) => [c.key, f.collection.memory(c.key)]));
    for (const m of before.values()) expect(m!.due).toBeGreaterThan(T0 + DAY);
    const listed = hardestKeys(f.collection.stats(T0), HARDEST_SHOWN);
    expect(listed.sort()).toEqual(['two-cards/first', 'two-cards/second']);

    const ui = await renderApp(f.collection, { name: 'stats' }, size);
    await ui.waitFor('h study hardest');
    await ui.press('h');
    await ui.waitFor(/(First|Second) question/);
    fits(ui.frame(), size);
    await ui.press(' ');
    await ui.waitFor(/(First|Second) answer/);
    await ui.press('3');
    // Unlike a cram, the answer is the card's new schedule.
    const changed = () =>
      [...before.keys()].filter(
        (k) => f.collection.memory(k)?.lastReview !== before.get(k)?.lastReview,
      );
    await until(() => changed().length === 1);
    const key = changed()[0]!;
    const was = before.get(key)!;
    const now = f.collection.memory(key)!;
    expect(now.lastReview).toBe(T0);
    expect(now.reps).toBe(was!.reps + 1);
    expect(now.due).not.toBe(was!.due);
    ui.unmount();
  });

  it('? lists s and h with what they do', async () => {
    const f = await answered(join(UI_FIXTURES, 'two-cards'), (c) => c, T0 - DAY, 4);
    const ui = await renderApp(f.collection, { name: 'stats' }, size);
    await ui.waitFor('Statistics · every deck');
    await ui.press('?');
    await ui.waitFor('other keys close');
    const pages = [ui.frame()];
    for (let i = 0; i < 30 && /↓ \d+ more/.test(ui.frame()); i++) {
      await ui.press(PGDN);
      pages.push(ui.frame());
    }
    for (const page of pages) fits(page, size);
    const help = pages
      .join('\n')
      .replace(/[│╭╮╰╯─]/g, ' ')
      .replace(/\s+/g, ' ');
    expect(help).toContain('s statistics of every deck, one deck or one objective');
    expect(help).toContain('h study the hardest cards listed here, due or not');
    ui.unmount();
  });
});
