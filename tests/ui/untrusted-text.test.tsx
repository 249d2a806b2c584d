// Deck text is data. The deck parser refuses control characters, but the screens render
// defensively: a card or deck title holding an OSC title sequence, an SGR colour, BEL or
// CR shows their visible forms, and no raw ESC ever reaches the terminal.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Collection } from '../../src/app/collection.js';
import type { BasicEntry, McqEntry } from '../../src/core/model.js';
import { loadDecks } from '../../src/decks/load.js';
import { Store } from '../../src/store/store.js';
import { FIXTURES, renderApp, T0 } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const OSC = '\u001b]0;pwned\u0007';
const SGR = '\u001b[31m';

/** The fixture deck as loaded, with hostile text put where a parser bug could let it in. */
async function hostile() {
  const loaded = await loadDecks([FIXTURES]);
  const deck = loaded.decks[0]!.deck;
  deck.title = `Sample ${SGR}deck`;
  const basic = deck.entries.find((e): e is BasicEntry => e.type === 'basic')!;
  basic.front = `Title ${OSC} then ${SGR}red`;
  basic.back = `virbr0\rX\u0008 done`;
  basic.ref = `man ${OSC}`;
  const mcq = deck.entries.find((e): e is McqEntry => e.type === 'mcq')!;
  mcq.choices[1]!.text = `Bridge ${SGR}guests`;
  mcq.choices[1]!.why = `Because ${OSC}`;
  store = await Store.open({
    dataDir: mkdtempSync(join(tmpdir(), 'hr-ui-')),
    device: 'test',
    now: () => T0,
    readOnly: false,
  });
  return new Collection(loaded, store, 'test', async () => loaded);
}

function noRawEscape(frames: string[]) {
  for (const f of frames) expect(f.includes('\u001b'), JSON.stringify(f)).toBe(false);
}

describe('untrusted text on screen', () => {
  it('card text with OSC, SGR, CR and BS shows their visible forms and never a raw ESC', async () => {
    const collection = await hostile();
    const ui = await renderApp(collection, {
      name: 'study',
      scope: { decks: ['sample'], tag: null },
    });
    await ui.waitFor('Title ␛]0;pwned␇ then ␛[31mred');
    expect(ui.frame()).toContain('Sample ␛[31mdeck');
    await ui.press(' ');
    await ui.waitFor('virbr0␍X␈ done');
    expect(ui.frame()).toContain('Source: man ␛]0;pwned␇');
    await ui.press('3');
    await ui.waitFor('Bridge ␛[31mguests');
    await ui.press(ui.letterOf('Bridge ␛[31mguests'), '\r');
    await ui.waitFor('Because ␛]0;pwned␇');
    noRawEscape(ui.frames);
  });

  it('deck titles on the home screen are shown, not sent', async () => {
    const collection = await hostile();
    const ui = await renderApp(collection, { name: 'home' });
    await ui.waitFor('Sample ␛[31mdeck');
    noRawEscape(ui.frames);
  });
});
