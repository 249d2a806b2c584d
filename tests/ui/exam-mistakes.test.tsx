// The mistake review shows the learner's own picks with the letters and order the exam
// showed, names wrong and missed choices in words, and wraps the source.
import { afterEach, describe, expect, it } from 'vitest';
import { ALL } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { EXAM_OPTIONS } from '../../src/ui/App.js';
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

describe('exam mistake review', () => {
  it.each([
    [80, 24],
    [40, 24],
  ])(
    'at %ix%i a multi-select mistake shows my picks, in exam order, wrong and missed',
    async (columns, rows) => {
      const f = await openFixture();
      store = f.store;
      const ui = await renderApp(f.collection, start, { exams: f.exams, columns, rows });
      await ui.waitFor(/Question 1\/4/);
      // The multi-select question is the fourth (fixed seed): pick vmx (right) and pae (wrong).
      await ui.press(ENTER, 'n', 'n');
      await ui.waitFor(/Question 4\/4/);
      const order = ['vmx', 'svm', 'pae', 'hvm']
        .map((t) => [t, ui.letterOf(t)] as const)
        .sort((a, b) => a[1].localeCompare(b[1]));
      const letter = Object.fromEntries(order);
      await ui.press(letter.vmx!, letter.pae!);
      await ui.press(ESC, 's', 'y');
      await ui.waitFor('NOT PASSED');
      // Mistakes come in question order: the typed one, the two term ones, then this one.
      await ui.press(ENTER, ENTER, ENTER, ENTER);
      const frame = await ui.waitFor(/Mistake 4\/4/);
      // Each choice with the letter the exam gave it, in the exam's order.
      const shown = order.map(([t]) => frame.indexOf(`) ${t}`));
      expect(shown.every((at) => at >= 0)).toBe(true);
      expect([...shown].sort((a, b) => a - b)).toEqual(shown);
      expect(frame).toContain(`✓ [x] ${letter.vmx}) vmx — your pick, right`);
      expect(frame).toContain(`✗ [x] ${letter.pae}) pae — your pick, wrong`);
      expect(frame).toContain(`✓ [ ] ${letter.svm}) svm — missed`);
      expect(frame).toMatch(new RegExp(` \\[ \\] ${letter.hvm}\\) hvm$`, 'm'));
      const mine = [letter.vmx!, letter.pae!].sort().join(', ');
      expect(frame).toContain(`Your answer: ${mine} · 1 wrong, 1 missed`);
      expect(frame).toContain(`Right answer: ${[letter.vmx!, letter.svm!].sort().join(', ')}`);
      for (const l of frame.split('\n')) expect(l.length).toBeLessThanOrEqual(columns);
    },
  );

  it('at 40 columns a long source wraps under its label', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, start, { exams: f.exams, columns: 40, rows: 24 });
    await ui.waitFor(/Question 1\/4/);
    await ui.press(ESC, 's', 'y');
    const results = await ui.waitFor('NOT PASSED');
    // The footer wraps between hints: 'q quit' stays whole.
    expect(results).toMatch(/^4 mistakes: Enter\/n next/m);
    expect(results).toMatch(/(^| · )q quit$/m);
    await ui.press(ENTER, ENTER, ENTER, ENTER);
    const frame = await ui.waitFor(/Mistake 4\/4/);
    expect(frame).toContain('You gave no answer.');
    // The footer wraps between hints: every key stays whole.
    expect(frame).toMatch(/↓\/j scroll\nq quit$/m);
    // "Source: arch/x86/include/asm/cpufeatures.h" is 42 characters: it wraps, indented.
    expect(frame).toMatch(/^Source: arch\/x86\/include\/asm\/cpufeature\n {8}s\.h$/m);
  });
});
