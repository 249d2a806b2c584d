// The Stats screen at 80x24 and 40x12: every section and chart is reachable by scrolling,
// every line fits the width, `y` switches the forecast to a year, q goes back.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExamSummary, Grade } from '../../src/core/model.js';
import { ALL } from '../../src/core/ports.js';
import { examRecord } from '../../src/core/records.js';
import type { Store } from '../../src/store/store.js';
import { openFixture, PGDN, renderApp, T0 } from './harness.js';

const DAY = 86_400_000;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

function exam(id: string, at: number, scorePercent: number): ExamSummary {
  return {
    id,
    at,
    questions: 4,
    correct: (4 * scorePercent) / 100,
    scorePercent,
    passPercent: 70,
    passed: scorePercent >= 70,
    usedMs: 60_000,
    timedOut: false,
    byDeck: {},
    byTag: {},
    predictedPercent: 60,
    scope: { decks: null, tag: null, blueprint: null },
  };
}

/** A fixture collection with a few days of answers and two exams. */
async function withHistory() {
  const f = await openFixture();
  store = f.store;
  const cards = f.collection.cards(ALL).slice(0, 6);
  const grades: Grade[] = [3, 1, 4, 3, 2, 3];
  for (let day = 6; day >= 0; day -= 3)
    cards.forEach((card, i) => {
      const r = f.collection.answer({
        card,
        grade: grades[(i + day) % grades.length]!,
        now: T0 - day * DAY + i * 60_000,
        tookMs: 2000,
        shown: f.collection.memory(card.key),
      });
      expect(r.ok).toBe(true);
    });
  f.store.append(examRecord(exam('e1', T0 - 5 * DAY, 50)), examRecord(exam('e2', T0 - DAY, 75)));
  return f;
}

const SECTIONS = [
  'Today',
  'True retention',
  'Forecast',
  'Calendar',
  'Card counts',
  'Distributions',
  'Answer buttons',
  'Hourly breakdown',
  'Hardest cards',
  'Exam scores',
];

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 40, rows: 12 },
];

describe.each(SIZES)('the Stats screen at $columns x $rows', (size) => {
  it('every section and chart, page by page, within the screen', async () => {
    const f = await withHistory();
    const ui = await renderApp(f.collection, { name: 'stats' }, size);
    await ui.waitFor('Statistics · every deck');
    const pages = [ui.frame()];
    for (let i = 0; i < 60 && /↓ \d+ more/.test(ui.frame()); i++) {
      await ui.press(PGDN);
      pages.push(ui.frame());
    }
    expect(ui.frame()).not.toMatch(/↓ \d+ more/);
    for (const page of pages) {
      const lines = page.split('\n');
      expect(lines.length).toBeLessThanOrEqual(size.rows);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(size.columns);
    }
    const all = pages.join('\n');
    for (const title of SECTIONS) expect(all).toContain(title);
    // The charts: forecast bars with their axis, the heatmap's weekdays, histogram bars,
    // asciichart's line for the exam scores (two exams) and the hourly retention.
    expect(all).toMatch(/^ *\d+ ┤/m);
    for (const wd of ['Mo ', 'Su ']) expect(all).toContain(wd);
    expect(all).toMatch(/90-100% [█▏▎▍▌▋▊▉▁▂▃▄▅▆▇]* ?\d+/);
    expect(all).toMatch(/100% [┼┤]/);
    expect(all).toMatch(/[╭╮╰╯─]/);
    expect(all).toContain('Learning');
    expect(all).toMatch(/ 75% pass|75% passed/);
    ui.unmount();
  });

  it('j scrolls one line, y shows the forecast over a year, q goes back home', async () => {
    const f = await withHistory();
    const ui = await renderApp(f.collection, { name: 'stats' }, size);
    await ui.waitFor('Statistics · every deck');
    await ui.press('j');
    await ui.waitFor(/↑ \d+ more/);
    for (let i = 0; i < 30 && !ui.frame().includes('Due per'); i++) await ui.press('j');
    expect(ui.frame()).toMatch(/Due per day, 30 days/);
    await ui.press('y');
    // A year: one column per day at 80 columns does not fit, so a few days a column.
    await ui.waitFor(/Due per \d+ days, 365 days/);
    await ui.press('y');
    await ui.waitFor(/Due per day, 30 days/);
    await ui.press('q');
    await ui.waitFor((fr) => !fr.includes('Statistics · every deck'));
    ui.unmount();
  });
});
