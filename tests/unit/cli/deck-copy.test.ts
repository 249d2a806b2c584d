// `e` on a shipped deck: the learner edits a copy in their own deck folder, which replaces
// the shipped deck (same id, progress kept); the shipped file is never written.
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Collection } from '../../../src/app/collection.js';
import { editTarget } from '../../../src/cli/deck-copy.js';
import { openEditor } from '../../../src/cli/editor.js';
import { loadDecks } from '../../../src/decks/load.js';
import { Store } from '../../../src/store/store.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/decks/sample.yaml');
const T0 = Date.parse('2026-03-02T10:00:00Z');

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'hr-copy-'));
  const shipped = join(root, 'shipped');
  mkdirSync(shipped);
  copyFileSync(FIXTURE, join(shipped, 'sample.yaml'));
  return { root, shipped, user: join(root, 'data', 'decks') };
}

let store: Store | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await store?.close();
  store = null;
});

describe('editTarget', () => {
  it("leaves the learner's own file as it is", () => {
    const f = folders();
    const mine = join(f.root, 'mine.yaml');
    expect(editTarget(mine, { shipped: [f.shipped], user: f.user })).toEqual({
      file: mine,
      notice: null,
    });
  });

  it('copies a shipped deck into the user folder, never over a file already there', () => {
    const f = folders();
    const shippedFile = join(f.shipped, 'sample.yaml');
    const dirs = { shipped: [f.shipped], user: f.user };
    const first = editTarget(shippedFile, dirs);
    expect(first).toEqual({
      file: join(f.user, 'sample.yaml'),
      notice: expect.stringMatching(
        /^Edited your own copy, .*sample\.yaml: it replaces the shipped deck/,
      ),
    });
    expect(readFileSync(join(f.user, 'sample.yaml'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
    writeFileSync(join(f.user, 'sample.yaml'), 'mine\n');
    expect(editTarget(shippedFile, dirs)).toMatchObject({ file: join(f.user, 'sample-copy.yaml') });
    expect(readFileSync(join(f.user, 'sample.yaml'), 'utf8')).toBe('mine\n');
  });

  it('says so when the copy cannot be made, and opens nothing', () => {
    const f = folders();
    writeFileSync(join(f.root, 'data'), 'a file where the folder should be');
    const r = editTarget(join(f.shipped, 'sample.yaml'), { shipped: [f.shipped], user: f.user });
    expect(r).toEqual({
      error: expect.stringMatching(/^Could not copy the shipped deck to .*\(E/),
    });
  });
});

describe('e on a shipped deck, end to end through the collection', () => {
  it('edits a copy that replaces the shipped deck on reload, with the progress kept', async () => {
    const f = folders();
    const shippedFile = join(f.shipped, 'sample.yaml');
    const before = readFileSync(shippedFile, 'utf8');
    store = await Store.open({
      dataDir: join(f.root, 'data'),
      device: 'dev',
      now: () => T0,
      readOnly: false,
    });
    const load = () => loadDecks([f.shipped, f.user]);
    const c = new Collection(await load(), store, 'dev', load);
    const card = c.card('sample/default-bridge')!;
    expect(card.pos.file).toContain('shipped');
    const answered = c.answer({ card, grade: 3, now: T0, tookMs: 1000, shown: null });
    expect(answered.ok).toBe(true);
    // An "editor" that changes the answer in the file it is given (its last argument).
    const editor = join(f.root, 'edit.sh');
    writeFileSync(
      editor,
      '#!/bin/sh\nfor a; do f=$a; done\nsed -i "s/back: virbr0$/back: virbr0, the NAT bridge/" "$f"\n',
    );
    chmodSync(editor, 0o755);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const notice = await openEditor({ EDITOR: editor }, { shipped: [f.shipped], user: f.user })(
      card.pos.file,
      card.pos.line,
    );
    expect(notice).toMatch(/^Edited your own copy, .*data\/decks\/sample\.yaml/);
    expect(readFileSync(shippedFile, 'utf8')).toBe(before);
    expect(readdirSync(f.user)).toEqual(['sample.yaml']);
    expect(await c.reloadDecks()).toEqual([]);
    const fresh = c.card('sample/default-bridge')!;
    expect(fresh.pos.file).toBe(join(f.user, 'sample.yaml'));
    expect(fresh.face).toMatchObject({ back: 'virbr0, the NAT bridge' });
    expect(c.decks.filter((d) => d.id === 'sample')).toHaveLength(1);
    expect(c.memory('sample/default-bridge')?.reps).toBe(1);
  });
});
