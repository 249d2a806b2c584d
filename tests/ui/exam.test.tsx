import { afterEach, describe, expect, it } from 'vitest';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
import { DOWN, ENTER, ESC, openFixture, renderApp, T0, until } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const start = {
  name: 'examStart' as const,
  options: { ...EXAM_OPTIONS, scope: ALL, questions: 4, minutes: 20 },
};

async function setup(now: () => number = () => T0) {
  const f = await openFixture();
  store = f.store;
  const ui = await renderApp(f.collection, start, { exams: f.exams, now });
  await ui.waitFor(/Question 1\/4/);
  return { ...ui, ...f };
}

// With the harness's fixed seed the exam is: the typed question, two term questions,
// then the multi-select one.
describe('exam screens', () => {
  it('question: shows n of N and the time left, takes answers, and gives no feedback', async () => {
    const ui = await setup();
    await ui.waitFor(/Question 1\/4\s+⏱ 20:00 left/);
    expect(ui.frame()).toContain('Which command lists all domains, running or not?');
    await ui.press('v', 'i');
    await ui.waitFor('> vi');
    await ui.press(ENTER);
    await ui.waitFor(/Question 2\/4/);
    await ui.press('a');
    await ui.waitFor(/\(•\) a\)/);
    expect(ui.frame()).toContain('2/4 answered');
    expect(ui.frame()).not.toMatch(/Correct|Not quite|✓|✗/);
  });

  it('overview: lists answered, unanswered and flagged questions and opens one', async () => {
    const ui = await setup();
    await ui.press(ESC);
    await ui.waitFor(/Overview · 0 answered · 4 unanswered · 0 flagged/);
    await ui.press('f');
    await ui.waitFor(/1 ○ ⚑ Which command lists all domains/);
    await ui.press(DOWN, ENTER);
    await ui.waitFor(/Question 2\/4/);
    await ui.press('p');
    await ui.waitFor(/Question 1\/4 ⚑ flagged/);
  });

  it('submit asks to confirm with the counts, then shows results with breakdowns and mistakes', async () => {
    const ui = await setup();
    await ui.press(ESC, 's');
    await ui.waitFor('Submit the exam now?');
    expect(ui.frame()).toContain('4 unanswered · 0 flagged · 0 answered');
    await ui.press('n');
    await ui.waitFor(/Question 1\/4/);
    await ui.press(ESC, 's', 'y');
    await ui.waitFor('NOT PASSED · 0/4 · 0% (pass mark 70%)');
    expect(ui.frame()).toMatch(/By deck\s+By objective/);
    expect(ui.frame()).toMatch(/Sample deck\s+0\/4\s+0%/);
    expect(ui.frame()).toMatch(/lpic3-351\.4\s+0\/4\s+0%/);
    // Nothing studied: only guesses, (0 typed + 1/3 + 1/3 two term questions + 1/6 two of
    // four) / 4 = 21%.
    expect(ui.frame()).toContain('Readiness forecast before the exam: 21%');
    await ui.press(ENTER);
    await ui.waitFor(/Mistake 1\/4/);
    expect(ui.frame()).toContain('Your answer: (no answer)');
    expect(ui.frame()).toContain('Expected: virsh list --all');
    await ui.press(ENTER);
    await ui.waitFor(/Mistake 2\/4/);
    expect(ui.frame()).toContain('You gave no answer.');
    expect(ui.store.progress.exams).toHaveLength(1);
    await ui.press('q');
    await ui.waitFor(/Exams 0%/);
  });

  it('text typed into an answer is saved when typing pauses, and on leaving', async () => {
    const ui = await setup();
    await ui.press('v', 'i');
    await until(() => ui.exams.inProgress()?.exam.answers[0] === 'vi');
    // One key and straight out: what was typed since the last save is written on unmount.
    ui.stdin.write('r');
    await ui.queue.whenIdle();
    ui.unmount();
    expect(ui.exams.inProgress()?.exam.answers[0]).toBe('vir');
  });

  it('submits by itself when the time runs out', async () => {
    let now = T0;
    const ui = await setup(() => now);
    now = T0 + 21 * 60_000;
    await ui.waitFor('time ran out, submitted automatically');
  });
});
