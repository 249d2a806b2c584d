// Permission errors, injected: the tests may run as root, for whom chmod 000 changes nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const denied = new Set<string>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const guard =
    <A extends unknown[], R>(fn: (path: string, ...rest: A) => R) =>
    (path: string, ...rest: A): R => {
      if (denied.has(String(path)))
        throw Object.assign(new Error(`EACCES: permission denied, '${path}'`), { code: 'EACCES' });
      return fn(path, ...rest);
    };
  return {
    ...fs,
    openSync: guard(fs.openSync as (p: string, ...r: unknown[]) => number),
    readdirSync: guard(fs.readdirSync as (p: string, ...r: unknown[]) => string[]),
  };
});

const { findDeckFiles, loadDecks } = await import('../../../src/decks/load.js');
const { loadBlueprint } = await import('../../../src/decks/blueprint.js');

describe('files and folders the user may not read', () => {
  it('reports them and loads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-denied-'));
    writeFileSync(
      join(dir, 'a.yaml'),
      'id: a\ntitle: A\ncards: [{id: x, type: basic, front: F, back: B}]\n',
    );
    writeFileSync(
      join(dir, 'b.yaml'),
      'id: b\ntitle: B\ncards: [{id: x, type: basic, front: F, back: B}]\n',
    );
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    denied.add(join(dir, 'a.yaml'));
    denied.add(locked);
    const problems: { message: string }[] = [];
    expect(findDeckFiles([locked], problems as never)).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(['cannot read directory: EACCES']);
    const r = await loadDecks([dir, locked]);
    expect(r.decks.map((d) => d.deck.id)).toEqual(['b']);
    expect(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '1:1 cannot read directory: EACCES',
      '1:1 cannot read file: EACCES',
    ]);
    expect(loadBlueprint(join(dir, 'a.yaml'))).toEqual({
      error: expect.stringMatching(/a\.yaml:1:1 cannot read file: EACCES$/),
    });
  });
});
