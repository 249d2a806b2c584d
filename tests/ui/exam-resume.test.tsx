// The resume prompt names the unfinished exam and says what a different request loses.
import { afterEach, describe, expect, it } from 'vitest';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
import { openFixture, renderApp, T0 } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const SAVED = { ...EXAM_OPTIONS, scope: ALL, questions: 4, minutes: 20 };

async function withSavedExam() {
  const f = await openFixture();
  store = f.store;
  const r = f.exams.start(SAVED, T0);
  if ('error' in r) throw new Error(r.error);
  return f;
}

describe('resume prompt', () => {
  it.each([
    [80, 24],
    [40, 12],
  ])('at %ix%i names the exam: size, time, decks', async (columns, rows) => {
    const f = await withSavedExam();
    const ui = await renderApp(
      f.collection,
      { name: 'examStart', options: SAVED },
      { exams: f.exams, columns, rows },
    );
    const frame = await ui.waitFor('Unfinished exam');
    expect(frame).toContain('4 questions · 20 min · all decks');
    expect(frame).toContain('0/4 answered · 0 flagged · 20:00 left');
    // Asked for the same exam: nothing to drop.
    expect(frame).not.toContain('You asked for');
    for (const l of frame.split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
  });

  it.each([80, 40])(
    'at %i columns says what resuming drops from a different request',
    async (columns) => {
      const f = await withSavedExam();
      const asked = {
        ...SAVED,
        questions: 10,
        minutes: 90,
        scope: { decks: ['sample'], tag: null },
      };
      const ui = await renderApp(
        f.collection,
        { name: 'examStart', options: asked },
        { exams: f.exams, columns, rows: 24 },
      );
      const frame = await ui.waitFor('Unfinished exam');
      expect(frame.replace(/\n/g, ' ')).toContain(
        'You asked for 10 questions · 90 min · Sample deck: resuming keeps this exam as it was. d discards it and starts yours.',
      );
      for (const l of frame.split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
      // d starts the exam asked for: 10 questions over the sample deck (it has fewer).
      await ui.press('d');
      await ui.waitFor(/Question 1\/\d+\s+⏱ 1:30:00 left/);
    },
  );
});
