// Readiness on the home screen and calibration on the stats screen, with what `?` says
// about them, at 80x24 and 40x12.
import { afterEach, describe, expect, it } from 'vitest';
import { ExamService } from '../../src/app/exams.js';
import type { ExamSummary } from '../../src/core/model.js';
import { examRecord } from '../../src/core/records.js';
import type { Store } from '../../src/store/store.js';
import { openFixture, PGDN, renderApp, T0 } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const NAMES = { 'lpic3-351.4': 'Libvirt virtual machine management' };

async function fixture() {
  const f = await openFixture();
  store = f.store;
  const exams = new ExamService(
    f.collection,
    f.store,
    'test',
    () => 7,
    () => NAMES,
  );
  return { ...f, exams };
}

function summary(id: string, scorePercent: number, predictedPercent: number): ExamSummary {
  return {
    id,
    at: T0 - 86_400_000,
    questions: 2,
    correct: scorePercent / 50,
    scorePercent,
    passPercent: 70,
    passed: scorePercent >= 70,
    usedMs: 60_000,
    timedOut: false,
    byDeck: {},
    byTag: {},
    predictedPercent,
    predictions: [
      { key: 'sample/forward-without-mode', p: 0.8, correct: scorePercent >= 50 },
      { key: 'sample/cpu-flags', p: 0.2, correct: scorePercent === 100 },
    ],
    scope: { decks: null, tag: null, blueprint: null },
  };
}

/** Pages down the Stats screen until its last row (the exam scores come last). */
async function toEnd(ui: Awaited<ReturnType<typeof renderApp>>): Promise<string> {
  await ui.waitFor('Statistics');
  for (let i = 0; i < 40 && /↓ \d+ more/.test(ui.frame()); i++) await ui.press(PGDN);
  return ui.frame();
}

const fits = (frame: string, columns: number, rows: number) => {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
};

describe('readiness on the home screen', () => {
  it('80x24: the expected score tomorrow, objectives by name, and ? says what it counts', async () => {
    const f = await fixture();
    const ui = await renderApp(f.collection, { name: 'home' }, { exams: f.exams });
    // Nothing studied: the guesses alone (see tests/unit/app/exams.test.ts).
    await ui.waitFor('Ready tomorrow 24%');
    expect(ui.frame()).toContain('351.4 Libvirt virtual machine management 24%');
    fits(ui.frame(), 80, 24);
    await ui.press('?');
    await ui.waitFor('Keys · Deck list');
    expect(ui.frame()).toMatch(/Ready: the exam score to expect tomorrow/);
    expect(ui.frame()).toMatch(/count as guesses/);
    fits(ui.frame(), 80, 24);
  });

  it('with an exam date it forecasts the exam morning and the pace', async () => {
    const f = await fixture();
    f.collection.setSetting('exam-date', '2026-03-12');
    const ui = await renderApp(f.collection, { name: 'home' }, { exams: f.exams });
    await ui.waitFor('Ready on exam day 24%');
    expect(ui.frame()).toContain('Exam 2026-03-12, 10 days: 2 new/day to see all 13');
  });

  it('40x12: the deck list keeps the room (readiness needs 20 rows)', async () => {
    const f = await fixture();
    const ui = await renderApp(
      f.collection,
      { name: 'home' },
      { exams: f.exams, columns: 40, rows: 12 },
    );
    await ui.waitFor('All decks');
    expect(ui.frame()).not.toContain('Ready');
    fits(ui.frame(), 40, 12);
  });
});

describe('calibration on the stats screen', () => {
  it('80x24: gaps and log loss over the exams, and ? explains readiness and calibration', async () => {
    const f = await fixture();
    f.store.append(examRecord(summary('e1', 50, 70)), examRecord(summary('e2', 100, 60)));
    const ui = await renderApp(f.collection, { name: 'stats' }, { exams: f.exams });
    await toEnd(ui);
    expect(ui.frame()).toContain('Exam scores');
    // Gaps +20 and -40: mean -10, mean |gap| 30, largest -40. Log loss: questions
    // (0.8 right, 0.2 wrong, 0.8 right, 0.2 right) -> (3 x -ln 0.8 - ln 0.2) / 4 = 0.570.
    expect(ui.frame()).toContain(
      'Forecast − score: mean -10 pts, mean |gap| 30, largest -40 (2 exams)',
    );
    expect(ui.frame()).toContain('Log loss per question 0.570 over 4 (0.693 = coin toss)');
    expect(ui.frame()).toMatch(/50% not passed \(forecast 70%\)/);
    fits(ui.frame(), 80, 24);
    await ui.press('?');
    await ui.waitFor('Keys · Statistics');
    // The notes on true retention and tomorrow come first: page down through the rest.
    let seen = ui.frame();
    for (let i = 0; i < 6 && !ui.frame().includes('0.999. Lower is better'); i++) {
      await ui.press(PGDN);
      seen += ui.frame();
    }
    expect(seen).toMatch(/Ready: the exam score to expect/);
    expect(ui.frame()).toContain('0.999. Lower is better');
    fits(ui.frame(), 80, 24);
  });

  it('40x12: the same in fewer words, within the screen', async () => {
    const f = await fixture();
    f.store.append(examRecord(summary('e1', 50, 70)), examRecord(summary('e2', 100, 60)));
    const ui = await renderApp(
      f.collection,
      { name: 'stats' },
      { exams: f.exams, columns: 40, rows: 12 },
    );
    await ui.waitFor('True retention');
    for (let i = 0; i < 10 && !ui.frame().includes('- (desired 90%)'); i++) await ui.press('j');
    expect(ui.frame()).toContain('- (desired 90%)');
    await toEnd(ui);
    expect(ui.frame()).toContain(' 50% fail · forecast 70%');
    expect(ui.frame()).toContain('Gap -10 |30| max -40 pts');
    expect(ui.frame()).toContain('Log loss 0.570 (4 q)');
    fits(ui.frame(), 40, 12);
  });

  it('without exams it says there is nothing to check yet', async () => {
    const f = await fixture();
    const ui = await renderApp(f.collection, { name: 'stats' }, { exams: f.exams });
    await toEnd(ui);
    await ui.waitFor('No exams yet');
    expect(ui.frame()).not.toContain('Log loss');
  });
});
