// The home screen's readiness line with the shipped decks and the LPIC-3 305 blueprint's
// objective names: it ran off the edge at 80 columns ("351.4 L…"); now it wraps between
// objectives at 80 and 40 columns and counts those that did not fit.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExamService } from '../../src/app/exams.js';
import { objectiveNames } from '../../src/decks/blueprint.js';
import type { Store } from '../../src/store/store.js';
import { openFixture, renderApp } from './harness.js';

const ROOT = join(import.meta.dirname, '../..');

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe.each([
  [80, 24],
  [40, 24],
])('readiness on home at %ix%i', (columns, rows) => {
  it('fits the width, names the weakest objective whole and counts the rest', async () => {
    const f = await openFixture(join(ROOT, 'decks'));
    store = f.store;
    const exams = new ExamService(
      f.collection,
      f.store,
      'test',
      () => 7,
      () => objectiveNames(join(ROOT, 'blueprints')),
    );
    const ui = await renderApp(f.collection, { name: 'home' }, { exams, columns, rows });
    const frame = await ui.waitFor(/Ready tomorrow \d+%/);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
    // Nothing cut mid-word with an ellipsis at the edge, as the old line was.
    expect(frame).not.toMatch(/ \d{3}\.\d L…$/m);
    // The first objective is the weakest, with its code, (part of) its name and figure.
    const ready = lines.findIndex((l) => l.startsWith('Ready tomorrow'));
    const block = lines.slice(ready, ready + 2).join(' · ');
    expect(block).toMatch(/35\d\.\d [A-Z][^·]* \d+%/);
    // At 80 columns the long count ("in hyperrecall stats") is used when it costs no objective.
    expect(block).toMatch(columns === 80 ? /\+\d+ more( in hyperrecall stats)?$/ : /\+\d+ more$/);
    // The deck list is still there under it.
    expect(frame).toContain('All decks');
  });
});
