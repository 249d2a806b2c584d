import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { FIXTURES, openFixture, renderApp } from './harness.js';

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
    const f = await openFixture(dir);
    store = f.store;
    const opened: string[] = [];
    const openEditor = async (path: string, line: number) => {
      opened.push(`${path}:${line}`);
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace('back: virbr0', 'back: virbr0, the NAT bridge'),
      );
      return null;
    };
    const ui = await renderApp(
      f.collection,
      { name: 'study', scope: { decks: null, tag: null } },
      { openEditor },
    );
    await ui.press(' ');
    await ui.waitFor('virbr0');
    await ui.press('e');
    await ui.waitFor('Deck reloaded.');
    expect(opened).toEqual([`${file}:7`]);
    expect(ui.frame()).toContain('virbr0, the NAT bridge');
    ui.unmount();
  });
});
