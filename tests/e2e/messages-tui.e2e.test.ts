// Messages of the interactive CLI in a real terminal: the exit line after Ctrl+C, and `e`
// on a card of a shipped deck.
import { execFileSync } from 'node:child_process';
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
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv, ROOT } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

afterEach(killAllTerminals);

describe('interactive messages', () => {
  it('Ctrl+C part way through a session prints what that session did', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-')), 'data');
    const term = new Tmux();
    term.start(`node ${CLI} study sample`, cliEnv(home));
    await term.waitFor('Flashcard');
    await term.press('Space', '3');
    await term.waitFor('Multiple choice');
    term.keys('C-c');
    const after = await term.waitFor('[exit 0]');
    expect(after).toMatch(/hyperrecall: 1 card · 100% right · \d+s · next card/);
  });

  it('e on a shipped deck edits a copy in the data folder; the shipped file stays', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-e2e-'));
    const shipped = join(root, 'shipped');
    mkdirSync(shipped);
    copyFileSync(join(ROOT, 'tests/fixtures/decks/sample.yaml'), join(shipped, 'sample.yaml'));
    const before = readFileSync(join(shipped, 'sample.yaml'), 'utf8');
    const editor = join(root, 'edit.sh');
    writeFileSync(
      editor,
      '#!/bin/sh\nfor a; do f=$a; done\nsed -i "s/back: virbr0$/back: virbr0 (edited)/" "$f"\n',
    );
    chmodSync(editor, 0o755);
    const home = join(root, 'data');
    const env = { ...cliEnv(home), HYPERRECALL_BUILTIN_DECKS: shipped, EDITOR: editor };
    const term = new Tmux();
    term.start(`node ${CLI} study sample`, env);
    await term.waitFor('Flashcard');
    await term.press('Space', '3');
    await term.waitFor('Multiple choice');
    await term.press('u');
    await term.waitFor('Flashcard');
    await term.press('e');
    await term.waitFor(/Edited your own copy/);
    await term.press('Space');
    await term.waitFor('virbr0 (edited)');
    term.kill();
    expect(readFileSync(join(shipped, 'sample.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(join(home, 'decks'))).toEqual(['sample.yaml']);
    const decks = JSON.parse(
      execFileSync('node', [CLI, 'decks', '--json'], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      }),
    ) as { id: string; file: string }[];
    expect(decks.map((d) => [d.id, d.file])).toEqual([['sample', join(home, 'decks/sample.yaml')]]);
  });
});
