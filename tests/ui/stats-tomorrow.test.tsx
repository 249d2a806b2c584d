// "Tomorrow" on the session summary and on the Stats screen is one figure from one function
// (core/stats/due.ts): learning and review cards due on the next study day, plus the new
// cards its limits let in. "True retention" is the label of the retention figure. 80 and 40
// columns.
import { afterEach, describe, expect, it } from 'vitest';
import { tomorrowOf } from '../../src/app/stats.js';
import { ALL } from '../../src/core/ports.js';
import { tomorrowText } from '../../src/core/stats/due.js';
import { summarize } from '../../src/core/summary.js';
import type { Store } from '../../src/store/store.js';
import { openFixture, renderApp, T0 } from './harness.js';

const DAY = 86_400_000;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** Two cards answered Easy some days ago, so that they fall due tomorrow; 2 new a day. */
async function collectionWithTomorrow() {
  const f = await openFixture();
  store = f.store;
  const all = f.collection.cards(ALL);
  // Two cards that are not siblings: answering one does not hold the other back.
  const two = all.filter((c, i) => all.findIndex((o) => o.sibling === c.sibling) === i).slice(0, 2);
  for (const card of two) {
    const days = f.collection.preview(card, T0)[4].intervalMs / DAY;
    // Answered `days - 1` days ago, an Easy card is due on the study day after today's.
    const then = T0 - (days - 1) * DAY;
    const r = f.collection.answer({ card, grade: 4, now: then, tookMs: 900, shown: null });
    expect(r.ok).toBe(true);
  }
  expect(f.collection.setSetting('new-per-day', '2')).toBeNull();
  return f;
}

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 40, rows: 12 },
];

describe.each(SIZES)('tomorrow at $columns x $rows', (size) => {
  it('the summary and the Stats screen say the same: 2 reviews due (+2 new)', async () => {
    const f = await collectionWithTomorrow();
    const t = tomorrowOf(f.collection, ALL, T0);
    expect(t).toEqual({ reviews: 2, new: 2 });
    const stats = f.collection.stats(T0);
    expect(stats.forecast[1]).toBe(2);
    expect(stats.tomorrow).toEqual(t);
    expect(tomorrowText(t)).toBe('2 reviews due (+2 new)');

    // The summary of a session that ends now, with the day's end the study flow asks for.
    const dayEnd = f.collection.dayEnd(ALL, T0);
    expect(dayEnd).toMatchObject({ dueTomorrow: 2, newTomorrow: 2 });
    const summary = summarize([], T0, T0, null, dayEnd);
    const end = await renderApp(f.collection, { name: 'summary', summary, scope: ALL }, size);
    const done = await end.waitFor('Session done');
    expect(done).toMatch(/Tomorrow\s+2 reviews due \(\+2 new\)/);
    for (const line of done.split('\n')) expect(line.length).toBeLessThanOrEqual(size.columns);
    end.unmount();

    const ui = await renderApp(f.collection, { name: 'stats' }, size);
    const top = await ui.waitFor('True retention');
    // The forecast section follows true retention: scroll until its first line shows.
    for (let i = 0; i < 20 && !ui.frame().includes('Tomorrow:'); i++) await ui.press('j');
    const frame = ui.frame();
    expect(frame).toContain('Tomorrow: 2 reviews due (+2 new)');
    expect(top).toMatch(/True retention/);
    expect(frame).not.toMatch(/actual/i);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(size.columns);
    ui.unmount();
  });

  it('? on the Stats screen defines true retention and tomorrow', async () => {
    const f = await collectionWithTomorrow();
    const ui = await renderApp(f.collection, { name: 'stats' }, { ...size, rows: 200 });
    await ui.waitFor('True retention');
    await ui.press('?');
    const frame = await ui.waitFor(/as Anki\s+defines\s+it/);
    const help = frame.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
    expect(help).toContain('the share not graded Again');
    expect(help).toContain('A card counts once a day, on its first answer that day');
    expect(help).toContain('fall due during your next study day');
    ui.unmount();
  });
});
