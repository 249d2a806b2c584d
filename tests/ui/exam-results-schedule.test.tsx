// The exam results say what the exam did to the schedule, at 80x24 and 40x12, and `u` takes
// it back (the score stays).
import { afterEach, describe, expect, it } from 'vitest';
import type { ExamService } from '../../src/app/exams.js';
import { type ExamState, examReducer } from '../../src/core/exam.js';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
import { openFixture, renderApp, T0, type Ui } from './harness.js';

const DAY = 86_400_000;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** Every question answered wrong (typed: "nope"; choice: a wrong one), then submitted. */
function allWrong(exams: ExamService, s: ExamState, now: number): ExamState {
  let st = s;
  st.keys.forEach((key, i) => {
    const face = exams.card(key)!.face;
    if (face.kind === 'typed') st = examReducer(st, { type: 'type', text: 'nope', now });
    else if (face.kind === 'mcq') {
      const bad = face.choices.findIndex((c) => !c.correct);
      const index = st.orders[i]!.indexOf(bad);
      st = examReducer(st, { type: 'choose', index, multi: face.multi, now });
    }
    st = examReducer(st, { type: 'next', now });
  });
  st = examReducer(st, { type: 'askSubmit', now });
  return examReducer(st, { type: 'confirmSubmit', now });
}

/** A collection with two studied cards, and the results of an exam answered as `answer` says. */
async function resultsOf(answer: 'wrong' | 'none', columns: number, rows: number) {
  const f = await openFixture();
  store = f.store;
  for (const key of ['sample/list-all-domains', 'sample/forward-without-mode']) {
    const card = f.collection.card(key)!;
    f.collection.answer({ card, grade: 4, now: T0 - 3 * DAY, tookMs: 1, shown: null });
  }
  const r = f.exams.start({ ...EXAM_OPTIONS, scope: ALL, questions: 60, minutes: 20 }, T0);
  if ('error' in r) throw new Error(r.error);
  const done =
    answer === 'wrong'
      ? allWrong(f.exams, r.exam, T0 + 60_000)
      : examReducer(examReducer(r.exam, { type: 'askSubmit' }), {
          type: 'confirmSubmit',
          now: T0 + 60_000,
        });
  const finished = f.exams.finish(done, T0 + 60_000);
  if (!finished.ok) throw new Error(finished.error);
  const ui = await renderApp(
    f.collection,
    { name: 'examResults', result: finished.value },
    { columns, rows, exams: f.exams, now: () => T0 + 120_000 },
  );
  await ui.waitFor('NOT PASSED');
  return { ui, ...f };
}

function fits(ui: Ui, columns: number, rows: number) {
  const lines = ui.frame().split('\n');
  expect(lines.length, ui.frame()).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
}

describe('exam results: what the exam did to the schedule', () => {
  it('80x24: says how many cards went back to relearning and how many new ones moved up', async () => {
    const { ui } = await resultsOf('wrong', 80, 24);
    expect(ui.frame()).toContain('2 cards back to relearning, 4 new cards moved up.');
    expect(ui.frame()).toMatch(/6 mistakes: Enter\/n next · u undo · q quit/);
    fits(ui, 80, 24);
  });

  it('40x12: the line fits, wrapped, with the breakdowns trimmed around it', async () => {
    const { ui } = await resultsOf('wrong', 40, 12);
    expect(ui.frame().replace(/\s+/g, ' ')).toContain(
      '2 cards back to relearning, 4 new cards moved up.',
    );
    fits(ui, 40, 12);
  });

  it('an exam with no answers: "The schedule is unchanged.", and nothing to undo', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [40, 12],
    ] as const) {
      const { ui } = await resultsOf('none', columns, rows);
      expect(ui.frame()).toContain('The schedule is unchanged.');
      expect(ui.frame()).not.toContain('u undo');
      fits(ui, columns, rows);
      await store?.close();
      store = null;
    }
  });

  it('u takes the changes back: the cards are as before the exam, the score stays', async () => {
    const { ui, store: s } = await resultsOf('wrong', 80, 24);
    const relearning = Object.values(s.progress.cards).filter((m) => m.phase === 'relearning');
    expect(relearning).toHaveLength(2);
    await ui.press('u');
    await ui.waitFor(
      'Taken back: 2 cards back to relearning, 4 new cards moved up. The score stays.',
    );
    expect(Object.values(s.progress.cards).map((m) => m.phase)).toEqual(['review', 'review']);
    expect(Object.values(s.progress.marks).filter((m) => m.introduced)).toEqual([]);
    expect(s.progress.exams).toHaveLength(1);
    expect(ui.frame()).not.toContain('u undo');
    await ui.press('u');
    expect(ui.frame()).toContain('Taken back:');
  });

  it('? explains what exams do to the schedule', async () => {
    const { ui } = await resultsOf('wrong', 80, 24);
    await ui.press('?');
    await ui.waitFor(/u\s+take back what this exam did to the schedule/);
    await ui.waitFor('The line under the time says what the exam did to the schedule.');
  });
});
