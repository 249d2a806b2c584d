import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { DOWN, ENTER, openFixture, renderApp, type Ui } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const FIRST = "Which bridge device does libvirt's default network create?";

async function setup(deckStart = 0) {
  const f = await openFixture();
  store = f.store;
  const ui = await renderApp(f.collection, {
    name: 'study',
    scope: { decks: ['sample'], tag: null },
  });
  await ui.waitFor(FIRST);
  // Reach the card under test: the fixture deck is served in file order.
  for (let i = 0; i < deckStart; i++) await ui.press(' ', '3');
  return { ...ui, store: f.store };
}

describe('study screen', () => {
  it('reveals a flashcard and grades it with the interval shown on each button', async () => {
    const ui = await setup();
    expect(ui.frame()).not.toContain('virbr0');
    await ui.press(' ');
    await ui.waitFor('virbr0');
    // Anki's steps with learning fuzz: Hard 5.5m and Good 10m, up to 25% more.
    expect(ui.frame()).toMatch(/1 Again 1m\s+2 Hard [67]m\s+▸3 Good 1[0-2]m\s+4 Easy \d+d/);
    await ui.press('3');
    await ui.waitFor('forward/');
    expect(ui.store.progress.cards['sample/default-bridge']?.phase).toBe('learning');
  });

  it('mcq right answer: marks it correct and Enter accepts Good', async () => {
    const ui = await setup(1);
    await ui.waitFor("NAT to the host's LAN");
    await ui.press(ui.letterOf("NAT to the host's LAN"), ENTER);
    await ui.waitFor('✓ Correct');
    expect(ui.frame()).toContain("With no mode attribute libvirt assumes mode='nat'.");
    expect(ui.frame()).toContain('Enter: Good');
    await ui.press(ENTER);
    await ui.waitFor('choose two');
    expect(ui.store.progress.cards['sample/forward-without-mode']?.phase).toBe('learning');
    expect(ui.store.progress.cards['sample/forward-without-mode']?.due).toBeGreaterThan(
      Date.parse('2026-03-02T10:09:00Z'),
    );
  });

  it('mcq wrong answer: shows the right one, why the pick is wrong, and suggests Again', async () => {
    const ui = await setup(1);
    await ui.waitFor('Bridge guests onto the LAN');
    await ui.press(ui.letterOf('Bridge guests onto the LAN'), ENTER);
    await ui.waitFor('✗ Not quite');
    expect(ui.frame()).toMatch(/✓ \( \) [a-d]\) NAT to the host's LAN/);
    expect(ui.frame()).toContain("Bridging needs mode='bridge' and an existing bridge.");
    expect(ui.frame()).toContain('Enter: Again');
    await ui.press('2');
    await ui.waitFor('choose two');
    expect(ui.store.readAllRecords().at(-1)).toMatchObject({
      key: 'sample/forward-without-mode',
      rating: 2,
      correct: false,
    });
  });

  it('multi-select: toggles two choices with letters and Space', async () => {
    const ui = await setup(1);
    await ui.waitFor("NAT to the host's LAN");
    await ui.press(ui.letterOf("NAT to the host's LAN"), ENTER, ENTER); // finish the single-choice card
    await ui.waitFor('choose two');
    await ui.press(ui.letterOf('vmx'));
    await ui.press(ui.letterOf('pae'));
    await ui.press(ui.letterOf('pae'));
    // Move the cursor onto svm and toggle it with Space.
    const target = ui.letterOf('svm');
    let guard = 0;
    while (!ui.frame().includes(`› [ ] ${target})`) && guard++ < 8) await ui.press(DOWN);
    await ui.press(' ', ENTER);
    await ui.waitFor('✓ Correct');
  });

  async function reachTyped(ui: Ui) {
    let guard = 0;
    while (!ui.frame().includes('Type the answer') && guard++ < 12) {
      if (ui.frame().includes('Multiple choice')) await ui.press('a', 'b', ENTER, ENTER);
      else await ui.press(' ', '3');
    }
    await ui.waitFor('Which command lists all domains, running or not?');
  }

  it('typed answer: wrong shows the expected answer and what differed, suggesting Again', async () => {
    const ui = await setup();
    await reachTyped(ui);
    await ui.press(...'virsh list --inactive'.split(''), ENTER);
    await ui.waitFor('✗ Not quite');
    expect(ui.frame()).toContain('Expected: virsh list --all');
    // Command cards say what differs from the closest accepted form, option by option (the
    // `code` drawn without backticks).
    expect(ui.frame()).toContain('Closest accepted: virsh list --inactive --all');
    expect(ui.frame()).toContain('• missing --all');
    expect(ui.frame()).toContain('Enter: Again');
  });

  it('typed answer: an accepted alternative in another option order is right', async () => {
    const ui = await setup();
    await reachTyped(ui);
    await ui.press(...'virsh  list --all --inactive'.split(''), ENTER);
    await ui.waitFor('✓ Correct');
    expect(ui.frame()).toContain('Accepted as: virsh list --inactive --all');
    await ui.press(ENTER);
    expect(ui.store.readAllRecords().at(-1)).toMatchObject({
      key: 'sample/list-all-domains',
      rating: 3,
      correct: true,
    });
  });
});

describe('study screen card keys', () => {
  it('u takes back the last answer and shows the card again; i shows card info', async () => {
    const ui = await setup();
    await ui.press(' ', '3');
    await ui.waitFor('forward/');
    await ui.press('u');
    await ui.waitFor('Undone.');
    expect(ui.frame()).toContain(FIRST);
    expect(ui.store.progress.cards['sample/default-bridge']).toBeUndefined();
    await ui.press(' ', '2', 'u', 'i');
    await ui.waitFor('Card info · sample/default-bridge');
    expect(ui.frame()).toContain('State new');
    await ui.press('x');
    await ui.waitFor(FIRST);
    expect(ui.frame()).not.toContain('Card info');
  });

  it('- buries and ! suspends the card, moving on to the next one', async () => {
    const ui = await setup();
    await ui.press('-');
    await ui.waitFor('Buried until tomorrow');
    expect(ui.store.progress.marks['sample/default-bridge']?.buriedDay).toBeDefined();
    await ui.press('!');
    await ui.waitFor('Suspended');
    expect(Object.values(ui.store.progress.marks).filter((m) => m.suspended)).toHaveLength(1);
    await ui.press('*');
    await ui.waitFor('Flagged.');
    expect(ui.frame()).toContain('⚑ flagged');
    await ui.press('*');
    await ui.waitFor('Flag removed.');
    expect(ui.frame()).not.toContain('⚑ flagged');
  });
});
