// The architecture of DESIGN.md §2, checked: small files, no import cycle, and each layer
// importing only what it may (core nothing; decks and store core; app no UI; ui no store).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const MAX_LINES = 300;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

const files = sources(SRC);
const rel = (f: string) => relative(SRC, f);

/** Relative imports of a file (static, type-only and dynamic), as paths under src. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
    const target = resolve(dirname(file), m[1]!.replace(/\.js$/, ''));
    const hit = [`${target}.ts`, `${target}.tsx`].find((f) => files.includes(f));
    if (hit) out.push(hit);
  }
  return out;
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));
const layer = (f: string) => rel(f).split('/')[0]!;

describe('architecture', () => {
  it(`no source file is over ${MAX_LINES} lines`, () => {
    const long = files
      .map((f) => ({ f: rel(f), n: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.n > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('each layer imports only the layers below it', () => {
    const allowed: Record<string, string[]> = {
      core: ['core'],
      decks: ['decks', 'core'],
      store: ['store', 'core', 'decks'],
      app: ['app', 'core', 'decks', 'store'],
      ui: ['ui', 'core'],
      cli: ['cli', 'app', 'core', 'decks', 'store', 'ui'],
    };
    const wrong: string[] = [];
    for (const [f, targets] of graph)
      for (const t of targets)
        if (!(allowed[layer(f)] ?? []).includes(layer(t))) wrong.push(`${rel(f)} -> ${rel(t)}`);
    expect(wrong).toEqual([]);
  });

  it('store imports from decks only the cache types', () => {
    const fromDecks = [...graph]
      .filter(([f]) => layer(f) === 'store')
      .flatMap(([f, ts]) =>
        ts.filter((t) => layer(t) === 'decks').map((t) => `${rel(f)} -> ${rel(t)}`),
      );
    for (const edge of fromDecks) expect(edge).toMatch(/deck-cache-file\.ts -> decks\/cache/);
  });
});
