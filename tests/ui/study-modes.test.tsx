// The study screen's modes beyond question and answer: leaving a typed card (Esc asks
// first, the session goes on) and an answer that could not be saved (said plainly, not
// acknowledged, retried with r).
import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/app/collection.js';
import type { Written } from '../../src/core/ports.js';
import { ENTER, ESC, openFixture, renderApp } from './harness.js';

const study = { name: 'study' as const, scope: { decks: ['sample'], tag: null } };
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** Moves through the session, answering anything, until a typed card is on screen. */
async function toTypedCard(ui: Awaited<ReturnType<typeof renderApp>>) {
  for (let i = 0; i < 20 && !ui.frame().includes('Type the answer'); i++) {
    if (ui.frame().includes('Multiple choice')) await ui.press('a', 'b', ENTER);
    else await ui.press(' ');
    await ui.press('1');
  }
  await ui.waitFor('Type the answer');
}

describe('study screen modes', () => {
  it('Esc on a typed card asks first: n keeps the text, y leaves the card and the session goes on', async () => {
    const { collection, store } = await openFixture();
    const ui = await renderApp(collection, study, { columns: 80, rows: 24 });
    cleanup = ui.unmount;
    await toTypedCard(ui);
    const reviews = store.progress.reviews;
    await ui.press('v', 'i', 'r');
    await ui.waitFor('> vir');
    await ui.press(ESC);
    await ui.waitFor('Leave this card?');
    await ui.press('n');
    await ui.waitFor((f) => f.includes('> vir') && !f.includes('Leave this card?'));
    // q is a letter here: it is typed, it does not quit.
    await ui.press('q');
    await ui.waitFor('> virq');
    await ui.press(ESC, 'y');
    await ui.waitFor((f) => !f.includes('Type the answer') && f.includes('Card left for now'));
    expect(store.progress.reviews).toBe(reviews);
    expect(collection.phase('sample/list-all-domains')).toBe('new');
  });

  it('an answer that cannot be saved is not acknowledged: the card stays, r retries once it can', async () => {
    const { collection, store } = await openFixture();
    let full = true;
    const port: Collection = Object.create(collection);
    port.answer = (input): Written<{ leech: null; modified: boolean }> =>
      full
        ? {
            ok: false,
            error: 'Could not save to reviews-test.jsonl: the disk is full (ENOSPC).',
            lockLost: false,
          }
        : (collection.answer(input) as Written<{ leech: null; modified: boolean }>);
    const ui = await renderApp(port, { name: 'study', scope: { decks: ['sample'], tag: null } });
    cleanup = ui.unmount;
    const first = await ui.waitFor(/New \d+/);
    await ui.press(first.includes('Multiple choice') ? ui.letterOf("NAT to the host's LAN") : ' ');
    if (first.includes('Multiple choice')) await ui.press(ENTER);
    await ui.press('3');
    const failed = await ui.waitFor('the disk is full');
    expect(failed).toMatch(/r retry/);
    expect(store.progress.reviews).toBe(0);
    // Grades do nothing until the learner retries or quits.
    await ui.press('3', '4');
    expect(store.progress.reviews).toBe(0);
    await ui.press('r');
    await ui.waitFor('the disk is full');
    full = false;
    await ui.press('r');
    await ui.waitFor((f) => !f.includes('the disk is full'));
    expect(store.progress.reviews).toBe(1);
  });
});
