import { afterEach, describe, expect, it } from 'vitest';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
import { rowText } from '../../src/ui/components/rows.js';
import { footerRows } from '../../src/ui/screens/footer-rows.js';
import { ENTER, ESC, openFixture, renderApp } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const start = {
  name: 'examStart' as const,
  options: { ...EXAM_OPTIONS, scope: ALL, questions: 4, minutes: 20 },
};

async function setup(columns: number, rows: number) {
  const f = await openFixture();
  store = f.store;
  const ui = await renderApp(f.collection, start, { exams: f.exams, columns, rows });
  await ui.waitFor(/Question 1\/4/);
  return ui;
}

const longest = (frame: string) => Math.max(...frame.split('\n').map((l) => l.length));

describe('exam footers fit their width', () => {
  for (const [columns, rows] of [
    [80, 24],
    [40, 24],
  ] as const) {
    it(`at ${columns}x${rows} the question footer shows every key, s submit and q leave too`, async () => {
      const ui = await setup(columns, rows);
      // The typed question first, then a choice question with the full footer.
      await ui.press(ENTER);
      const f = await ui.waitFor(/Question 2\/4/);
      expect(f).toContain('s submit');
      expect(f).toContain('q leave');
      expect(f).toContain('p previous');
      expect(f).not.toContain('…');
      expect(longest(f)).toBeLessThanOrEqual(columns);
    });

    it(`at ${columns}x${rows} the overview legend gives unanswered its own mark, and its keys fit`, async () => {
      const ui = await setup(columns, rows);
      await ui.press(ESC);
      const f = await ui.waitFor(/Overview/);
      expect(f).toContain('✓ answered  ○ unanswered  ⚑ flagged');
      expect(f).toMatch(/1 ○ {3}Which command lists/);
      expect(f).toContain('q leave');
      expect(f).toContain('s submit');
      expect(longest(f)).toBeLessThanOrEqual(columns);
    });
  }
});

describe('footerRows', () => {
  it('breaks between hints, never inside one', () => {
    const rows = footerRows(['a one', 'b two', 'c three'], 13).map(rowText);
    expect(rows).toEqual(['a one · b two', 'c three']);
  });

  it('cuts a single hint wider than the row, on one row', () => {
    expect(footerRows(['abcdefghij'], 5).map(rowText)).toEqual(['abcd…']);
  });
});
