import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/commands/lint.js';
import type { Context } from '../../../src/cli/context.js';
import { hasControl } from '../../../src/core/sanitize.js';

const ctx = { deckDirs: [], shippedDeckDir: null } as unknown as Context;

async function lint(paths: string[], strict = false) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  const code = await run(ctx, paths, { strict });
  vi.restoreAllMocks();
  return { code, out: out.join(''), err: err.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('lint', () => {
  it('reports control characters and YAML limits at file:line:col and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-lint-'));
    writeFileSync(
      join(dir, 'a.yaml'),
      'id: a\ntitle: "A \\e]0;owned\\a"\ncards:\n  - {id: x, type: basic, front: "x\\e[2J", back: B, ref: r}\n  - {id: y, type: basic, front: F, back: G, ref: r}\n',
    );
    const bomb = ['id: b', 'title: B', 'l0: &l0 x'];
    for (let i = 1; i <= 5; i++) bomb.push(`l${i}: &l${i} [${`*l${i - 1}, `.repeat(9)}*l${i - 1}]`);
    writeFileSync(join(dir, 'b.yaml'), `${bomb.join('\n')}\ncards: [*l5]\n`);
    writeFileSync(join(dir, 'c\u001b[2J.yaml'), 'id: c\ntitle: C\ncards: [oops\n');
    mkdirSync(join(dir, 'd.yaml'));
    const r = await lint([dir]);
    expect(r.code).toBe(1);
    expect(hasControl(r.out)).toBe(false);
    const lines = r.out.trimEnd().split('\n');
    const at = (s: string) => lines.find((l) => l.includes(s))?.slice(dir.length + 1);
    expect(at('title:')).toBe(
      'a.yaml:2:11 error: title: contains the control character U+001B (ESC) (and 1 more), which a terminal would act on; remove it',
    );
    expect(at('front:')).toBe(
      'a.yaml:4:35 error: cards.0.front: contains the control character U+001B (ESC), which a terminal would act on; remove it',
    );
    expect(at('aliases')).toMatch(/^b\.yaml:9:9 error: too many YAML aliases/);
    expect(at('c␛[2J.yaml')).toMatch(/^c␛\[2J\.yaml:\d+:\d+ error: YAML /);
    expect(at('d.yaml')).toBe(
      'd.yaml:1:1 error: is a directory, not a deck file; rename it or move it elsewhere',
    );
    expect(r.err).toMatch(/^4 file\(s\), 2 entries: 5 error\(s\), 0 warning\(s\)\n$/);
  });

  it('a personal deck missing refs gets hints, which --strict lets pass; a shipped one fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-lint-'));
    writeFileSync(
      join(dir, 'mine.yaml'),
      'id: mine\ntitle: Mine\ncards:\n  - {id: a, type: basic, front: F, back: B}\n',
    );
    const personal = await lint([dir], true);
    expect(personal.out).toMatch(/mine\.yaml:4:5 hint: 'a' has no ref/);
    expect(personal.err).toMatch(/0 error\(s\), 0 warning\(s\), 1 hint\(s\) - ok\n$/);
    expect(personal.code).toBe(0);
    ctx.shippedDeckDir = dir;
    try {
      const shipped = await lint([dir], true);
      expect(shipped.out).toMatch(/mine\.yaml:4:5 warning: 'a' has no ref/);
      expect(shipped.code).toBe(1);
    } finally {
      ctx.shippedDeckDir = null;
    }
  });

  it('passes the shipped decks with --strict', async () => {
    const r = await lint([join(import.meta.dirname, '../../../decks')], true);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/ 0 error\(s\), 0 warning\(s\) - ok\n$/);
    expect(r.code).toBe(0);
  });
});
