import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveNotes, userDeckName } from '../../../src/app/derive.js';

function notesIn(dir: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Chapter 4.md');
  writeFileSync(file, text);
  return file;
}

describe('deriveNotes', () => {
  it('writes <data-dir>/decks/notes-NAME.yaml and refuses to overwrite one derived from other notes', () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-derive-'));
    const dataDir = join(root, 'data');
    const a = notesIn(join(root, 'a'), 'Q::A\n');
    const first = deriveNotes(a, { kind: 'user-decks', dataDir });
    expect(first).toMatchObject({
      error: null,
      cards: 1,
      kept: 0,
      written: join(dataDir, 'decks', 'notes-chapter-4.yaml'),
    });
    expect(userDeckName(a)).toBe('notes-chapter-4.yaml');
    const again = deriveNotes(a, { kind: 'user-decks', dataDir });
    expect(again).toMatchObject({ error: null, cards: 1, kept: 1 });
    const deckText = readFileSync(first.written!, 'utf8');
    const b = notesIn(join(root, 'b'), 'Other::notes\n');
    const clash = deriveNotes(b, { kind: 'user-decks', dataDir });
    expect(clash.error).toMatch(
      /was derived from .*a\/Chapter 4\.md, not .*b\/Chapter 4\.md; write this deck elsewhere with -o FILE$/,
    );
    expect(readFileSync(first.written!, 'utf8')).toBe(deckText);
  });

  it('will not replace a deck file it cannot read, since its ids would be lost', () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-derive-'));
    const notes = notesIn(root, 'Q::A\n');
    const out = join(root, 'deck.yaml');
    writeFileSync(out, 'id: [broken\n');
    const r = deriveNotes(notes, { kind: 'file', path: out });
    expect(r.error).toContain('the deck there does not load, so its card ids cannot be kept');
    expect(readFileSync(out, 'utf8')).toBe('id: [broken\n');
  });

  it('never replaces a deck it did not derive', () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-derive-'));
    const notes = notesIn(root, 'Q::A\n');
    const out = join(root, 'mine.yaml');
    const handWritten =
      'id: mine\ntitle: Mine\ncards:\n  - {id: a, type: basic, front: F, back: B}\n';
    writeFileSync(out, handWritten);
    const r = deriveNotes(notes, { kind: 'file', path: out });
    expect(r.error).toBe(
      `${out} is not a deck derive wrote, so it is left alone; give another -o FILE or move it away`,
    );
    expect(readFileSync(out, 'utf8')).toBe(handWritten);
  });

  it('reports notes it cannot read in one line and writes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-derive-'));
    const r = deriveNotes(join(root, 'missing.md'), { kind: 'file', path: join(root, 'out.yaml') });
    expect(r.error).toBe(`${join(root, 'missing.md')}: cannot read file: ENOENT`);
    expect(r.written).toBeNull();
  });
});
