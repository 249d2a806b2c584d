// Keys that arrive in one read (typed ahead, pasted) act one at a time, each on the state
// the key before it left, and never on a screen they were not typed for. Every test here
// writes its keys in ONE stdin write.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DOWN, ENTER, openFixture, renderApp, UI_FIXTURES } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const reviews = (s: Store) => s.readAllRecords().filter((r) => r.type === 'review');

async function twoCards() {
  const f = await openFixture(join(UI_FIXTURES, 'two-cards'));
  store = f.store;
  const ui = await renderApp(f.collection, { name: 'study', scope: { decks: null, tag: null } });
  await ui.waitFor('First question');
  return { ...ui, store: f.store };
}

describe('keys typed ahead', () => {
  it('Space 4 six times in one write on a 2-card deck logs exactly 2 reviews', async () => {
    const ui = await twoCards();
    await ui.burst(' 4'.repeat(6));
    await ui.waitFor('Session done');
    expect(ui.frame()).toMatch(/Cards studied\s+2/);
    expect(reviews(ui.store).map((r) => r.key)).toEqual(['two-cards/first', 'two-cards/second']);
  });

  it('q and more keys in one write on a card: the session ends and nothing more is logged', async () => {
    const ui = await twoCards();
    await ui.burst('q 4 4\r');
    await ui.waitFor('Session done');
    expect(ui.frame()).toMatch(/Cards studied\s+0/);
    expect(reviews(ui.store)).toEqual([]);
  });

  it('the key after the last answer of a burst does not reach the summary screen', async () => {
    const ui = await twoCards();
    // Enter would leave the summary for the deck list if it were replayed there.
    await ui.burst(` 4 4${ENTER}`);
    await ui.waitFor('Session done');
    expect(ui.frame()).not.toContain('All decks');
    expect(reviews(ui.store)).toHaveLength(2);
  });

  it('? then q in one write: the help overlay opened by ? takes the q', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' });
    await ui.waitFor('All decks');
    await ui.burst('?q');
    await ui.waitFor((f) => f.includes('All decks') && !f.includes('Keys ·'));
    // Still running: the next key opens the overlay again.
    await ui.press('?');
    await ui.waitFor('Keys · Deck list');
  });

  it('a burst of keys (choose, submit, grade) is applied in order, each on the state before it', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'study', scope: { decks: null, tag: null } });
    await ui.waitFor('Flashcard');
    await ui.burst(' 3');
    await ui.waitFor("NAT to the host's LAN");
    await ui.burst(`${ui.letterOf("NAT to the host's LAN")}\r3`);
    await ui.waitFor('choose two');
    expect(f.store.readAllRecords().at(-1)).toMatchObject({
      key: 'sample/forward-without-mode',
      rating: 3,
      correct: true,
    });
  });

  it('two arrow keys in one write move the cursor twice, then Enter opens that row', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'settings' });
    await ui.waitFor('Settings');
    await ui.burst(`${DOWN}${DOWN}${ENTER}`);
    await ui.waitFor(/› learning-steps\s+1m 10m▏/);
  });

  it('keys typed for the deck list do not act on the study screen they open', async () => {
    const f = await openFixture();
    store = f.store;
    const ui = await renderApp(f.collection, { name: 'home' });
    await ui.waitFor('All decks');
    // Enter opens a session; the Space and 3 after it were typed for the deck list.
    await ui.burst(`${ENTER} 3`);
    await ui.waitFor('Flashcard');
    expect(ui.frame()).not.toContain('virbr0');
    expect(reviews(f.store)).toEqual([]);
  });
});
