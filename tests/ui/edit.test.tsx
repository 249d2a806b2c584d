import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Collection } from '../../src/cli/services/collection.js';
import { loadDecks } from '../../src/decks/load.js';
import { Store } from '../../src/store/store.js';
import { App } from '../../src/ui/App.js';
import { PLAIN_THEME, ThemeContext } from '../../src/ui/theme.js';
import { FIXTURES, T0, tick } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('editing a card from the study screen', () => {
  it('opens the deck file at the card line and shows the edited card after reloading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-edit-'));
    const file = join(dir, 'sample.yaml');
    copyFileSync(join(FIXTURES, 'sample.yaml'), file);
    store = await Store.open({
      dataDir: mkdtempSync(join(tmpdir(), 'hr-edit-data-')),
      device: 't',
      now: () => T0,
      readOnly: false,
    });
    const load = () => loadDecks([dir]);
    const collection = new Collection(await load(), store, 't', load);
    const opened: string[] = [];
    const openEditor = (f: string, line: number) => {
      opened.push(`${f}:${line}`);
      writeFileSync(
        f,
        readFileSync(f, 'utf8').replace('back: virbr0', 'back: virbr0, the NAT bridge'),
      );
      return null;
    };
    const ui = render(
      <ThemeContext.Provider value={PLAIN_THEME}>
        <App
          port={collection}
          now={() => T0}
          initial={{ name: 'study', scope: { decks: null, tag: null } }}
          openEditor={openEditor}
        />
      </ThemeContext.Provider>,
    );
    await tick();
    ui.stdin.write(' ');
    await tick();
    ui.stdin.write('e');
    await tick(100);
    expect(opened).toEqual([`${file}:7`]);
    expect(ui.lastFrame()).toContain('Deck reloaded.');
    expect(ui.lastFrame()).toContain('virbr0, the NAT bridge');
    ui.unmount();
  });
});
