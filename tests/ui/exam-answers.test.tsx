// Answering on the exam screen behaves as on the study screen, at 80x24 and 40x12: code in
// card text without its backticks, Enter waits for a pick (and for both picks of "Choose
// two") and says so with the letters the question has, and `n` still skips a question.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
import { ENTER, openFixture, renderApp, UI_FIXTURES, type Ui } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const CHOOSE_TWO = 'Which two are disk formats? Choose two.';
const THREE = 'Which command starts the default network?';

/** The answers deck as an exam; with the harness's seed: choose two, typed, three choices. */
async function exam(columns: number, rows: number) {
  const f = await openFixture(join(UI_FIXTURES, 'answers'));
  store = f.store;
  const options = { ...EXAM_OPTIONS, scope: { decks: ['answers'], tag: null }, questions: 3 };
  const ui = await renderApp(
    f.collection,
    { name: 'examStart', options },
    { exams: f.exams, columns, rows },
  );
  await ui.waitFor(/Question 1\/3/);
  expect(ui.frame()).toContain(CHOOSE_TWO);
  return ui;
}

/** The frame with its line breaks as spaces: a message may wrap at 40 columns. */
function flat(frame: string): string {
  return frame.replace(/\s+/g, ' ');
}

function fits(ui: Ui, columns: number, rows: number) {
  const lines = ui.frame().split('\n');
  for (const l of lines) expect(l.length).toBeLessThanOrEqual(columns);
  expect(lines.length).toBeLessThanOrEqual(rows);
}

describe.each([
  [80, 24],
  [40, 12],
])('exam answers at %ix%i', (columns, rows) => {
  it('"Choose two" waits for two picks, says how many, and takes back a third', async () => {
    const ui = await exam(columns, rows);
    await ui.waitFor('Choose two · 0 of 2 picked');
    await ui.press(ENTER);
    await ui.waitFor((f) => flat(f).includes('Choose two: 0 picked, pick 2 more (a-d).'));
    expect(ui.frame()).toMatch(/Question 1\/3/);
    await ui.press(ui.letterOf('qcow2'), ENTER);
    await ui.waitFor((f) => flat(f).includes('Choose two: 1 picked, pick 1 more (a-d).'));
    expect(flat(ui.frame())).toContain('n skips it for now.');
    expect(ui.frame()).toMatch(/Question 1\/3/);
    fits(ui, columns, rows);
    await ui.press(ui.letterOf('raw'));
    await ui.waitFor('Choose two · 2 of 2 picked');
    // A complete answer: the message goes at once.
    expect(ui.frame()).not.toContain('pick 1 more');
    await ui.press(ui.letterOf('vmx'), ENTER);
    await ui.waitFor((f) => flat(f).includes('Choose two: 3 picked, unpick 1 (its letter).'));
    await ui.press(ui.letterOf('vmx'), ENTER);
    await ui.waitFor(/Question 2\/3/);
    expect(ui.frame()).not.toContain('Choose two:');
  });

  it('one pick of "Choose two" is marked incomplete in the overview and the submit prompt', async () => {
    const ui = await exam(columns, rows);
    await ui.press(ui.letterOf('qcow2'));
    await ui.waitFor('1 of 2 picked');
    await ui.press('o');
    await ui.waitFor('Overview');
    expect(flat(ui.frame())).toContain('Overview · 1 answered (1 incomplete) · 2 unanswered');
    expect(ui.frame()).toMatch(/^› {3}1 ◐ {3}Which two/m);
    expect(ui.frame()).toContain('◐ incomplete');
    fits(ui, columns, rows);
    await ui.press('s');
    await ui.waitFor((f) =>
      flat(f).includes('2 unanswered · 0 flagged · 1 answered (1 incomplete)'),
    );
    // Both picks: answered in full, and the marks say so.
    await ui.press('n', ENTER);
    await ui.waitFor(/Question 1\/3/);
    await ui.press(ui.letterOf('raw'), 'o');
    await ui.waitFor('Overview · 1 answered · 2 unanswered');
    expect(ui.frame()).toMatch(/^› {3}1 ✓ {3}Which two/m);
    expect(ui.frame()).not.toContain('◐');
  });

  it('code shows without backticks; Enter with no pick names the letters; n skips', async () => {
    const ui = await exam(columns, rows);
    // n leaves a question unanswered; Enter on the typed one goes on as before.
    await ui.press('n');
    await ui.waitFor(/Question 2\/3/);
    expect(ui.frame()).toMatch(/0\/3 answered/);
    await ui.press(ENTER);
    await ui.waitFor((f) => flat(f).includes(THREE));
    const frame = ui.frame();
    expect(frame).toContain('virsh net-start default');
    expect(frame).not.toContain('`');
    expect(frame).toContain('a-c choose');
    expect(frame).not.toMatch(/a-[d-i]|g-i/);
    fits(ui, columns, rows);
    await ui.press(ENTER);
    await ui.waitFor((f) => flat(f).includes('Pick an answer (a-c) before Enter.'));
    expect(ui.frame()).toMatch(/Question 3\/3/);
    fits(ui, columns, rows);
    // The message goes with the question: back to it later, it starts afresh.
    await ui.press('p');
    await ui.waitFor(/Question 2\/3/);
    await ui.press(ENTER);
    await ui.waitFor(/Question 3\/3/);
    expect(ui.frame()).not.toContain('Pick an answer');
    await ui.press(ENTER);
    await ui.waitFor((f) => flat(f).includes('Pick an answer (a-c) before Enter.'));
    await ui.press(ui.letterOf('virsh net-start default'));
    await ui.waitFor((f) => !f.includes('Pick an answer'));
    // The last question's Enter opens the overview, whose lines drop the backticks too.
    await ui.press(ENTER);
    await ui.waitFor('Overview');
    expect(ui.frame()).not.toContain('`');
  });
});

describe.each([80, 40])('exam mistake review at %i columns', (columns) => {
  it('shows code in the question, choices and explanation without backticks', async () => {
    const ui = await exam(columns, 24);
    await ui.press('n');
    await ui.waitFor(/Question 2\/3/);
    await ui.press(ENTER);
    await ui.waitFor((f) => flat(f).includes(THREE));
    await ui.press(ui.letterOf('virsh start default'), ENTER);
    await ui.waitFor('Overview');
    await ui.press('s', 'y');
    await ui.waitFor('NOT PASSED');
    // Mistakes in question order: choose two, the typed one, then this one.
    await ui.press(ENTER, ENTER, ENTER);
    const frame = await ui.waitFor(/Mistake 3\/3/);
    expect(flat(frame)).toContain(THREE);
    expect(flat(frame)).toContain('virsh start default — your pick, wrong');
    expect(flat(frame)).toContain('virsh net-start default — the right answer');
    expect(frame).not.toContain('`');
    for (const l of frame.split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
  });
});
