// Home tells about an exam in progress and keeps its header whole at 40 columns.
import { afterEach, describe, expect, it } from 'vitest';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
import { headerText } from '../../src/ui/screens/Home.js';
import { openFixture, renderApp, T0 } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** A 4-question exam with one answer given, quit 5 minutes in. */
async function pausedExam() {
  const f = await openFixture();
  store = f.store;
  const r = f.exams.start({ ...EXAM_OPTIONS, scope: ALL, questions: 4, minutes: 20 }, T0);
  if ('error' in r) throw new Error(r.error);
  const answers = r.exam.answers.map((a, i) => (i === 1 ? [0] : a));
  const saved = f.exams.save({ ...r.exam, answers }, T0 + 5 * 60_000);
  expect(saved.ok).toBe(true);
  return f;
}

const lines = (frame: string) => frame.split('\n');

describe('home: an exam in progress', () => {
  it.each([
    [80, 24],
    [40, 12],
  ])(
    'at %ix%i says the exam is paused, how far, the time left and that x resumes',
    async (columns, rows) => {
      const f = await pausedExam();
      const ui = await renderApp(f.collection, { name: 'home' }, { exams: f.exams, columns, rows });
      const frame = await ui.waitFor('Exam paused');
      // 20 minutes, 5 used: 15:00 left; the clock stood still since.
      expect(frame.replace(/\n/g, ' ')).toContain(
        'Exam paused: 1/4 answered, 15:00 left · x to resume'.replace(
          ' · ',
          columns < 60 ? ' ' : ' · ',
        ),
      );
      expect(lines(frame).length).toBeLessThanOrEqual(rows);
      for (const l of lines(frame)) expect(l.length).toBeLessThanOrEqual(columns);
      await ui.press('x');
      await ui.waitFor('Unfinished exam');
    },
  );

  it('says nothing of exams when none is in progress', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' }, { exams: f.exams });
    await ui.waitFor('All decks');
    expect(ui.frame()).not.toContain('paused');
  });
});

describe('home footer', () => {
  it.each([
    [80, 24],
    [40, 12],
  ])('at %ix%i shows every key, wrapped between hints', async (columns, rows) => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' }, { columns, rows });
    const frame = await ui.waitFor('All decks');
    expect(frame).toMatch(/(^| · )q quit$/m);
    expect(frame).toContain('t stats');
    expect(frame).toContain('b browse');
    expect(lines(frame).length).toBeLessThanOrEqual(rows);
    for (const l of lines(frame)) expect(l.length).toBeLessThanOrEqual(columns);
  });
});

describe('home help at 40x12', () => {
  it('scrolls, with a closing line that is not cut, down to the readiness legend', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' }, { columns: 40, rows: 12 });
    await ui.waitFor('All decks');
    await ui.press('?');
    const frame = await ui.waitFor('Keys · Deck list');
    expect(frame).toContain('│ ↓/j scroll · other keys close');
    for (const l of lines(frame)) expect(l.length).toBeLessThanOrEqual(40);
    for (let i = 0; i < 60 && !ui.frame().includes('Exam paused'); i++) await ui.press('j');
    await ui.waitFor('Exam paused');
  });
});

describe('home header', () => {
  const data = (overdue: number) => ({
    decks: [],
    totals: { new: 0, learning: 0, due: 0, overdue },
    streak: 12,
    reviewedToday: 345,
    warnings: [],
  });

  it('says it in full when there is room', () => {
    expect(headerText(data(123), 60)).toEqual(['123 overdue · streak 12 · 345 today']);
  });

  it('fits beside the title at 40 columns, the streak left out before anything is cut', () => {
    expect(headerText(data(12), 31)).toEqual(['12 late · streak 12 · 345 today']);
    // 39 columns, less the title and a space.
    const room = 39 - 'hyperrecall'.length - 1;
    const [line] = headerText(data(123), room);
    expect(line).toBe('123 overdue · 345 today');
    expect(line!.length).toBeLessThanOrEqual(room);
  });

  it('moves to a row of its own when even the short form does not fit', () => {
    expect(headerText(data(123456), 20)).toEqual(['', '123456 overdue · streak 12 · 345 today']);
  });
});
