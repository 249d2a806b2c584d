import { describe, expect, it } from 'vitest';
import { letterRange } from '../../../src/ui/components/choice-hints.js';
import { cardTextRows, codeRuns, rowText, textRows } from '../../../src/ui/components/rows.js';

describe('cardTextRows', () => {
  it('draws `code` in the code style without its backticks', () => {
    const [row] = cardTextRows(
      'Run `virsh list` now',
      80,
      { bold: true },
      { color: 'cyan', bold: false },
    );
    expect(row!.spans).toEqual([
      { bold: true, text: 'Run ' },
      { bold: false, color: 'cyan', text: 'virsh list' },
      { bold: true, text: ' now' },
    ]);
  });

  it('wraps with the prefix on the first line and its indent after, as textRows does', () => {
    const text = 'pick `qemu-img convert -O qcow2` to change the format of a disk image';
    const rows = cardTextRows(text, 24, {}, { color: 'cyan' }, { first: { text: 'a) ' } });
    const plain = textRows(text.replaceAll('`', ''), 24, {}, { first: { text: 'a) ' } });
    expect(rows.map(rowText)).toEqual(plain.map(rowText));
    expect(rows.map(rowText)[1]?.startsWith('   ')).toBe(true);
  });

  it('leaves a lone backtick as it is', () => {
    expect(cardTextRows('a ` b', 80, {}, { color: 'cyan' }).map(rowText)).toEqual(['a ` b']);
  });
});

describe('letterRange', () => {
  it('names only the letters that exist', () => {
    expect([1, 2, 3, 4, 8].map((n) => letterRange(n))).toEqual(['a', 'a-b', 'a-c', 'a-d', 'a-h']);
  });
});

describe('codeRuns', () => {
  it('splits a cloze text segment at its code, keeping the plain text plain', () => {
    expect(codeRuns('In `virsh domstats` output', {}, { color: 'cyan' })).toEqual([
      { text: 'In ' },
      { color: 'cyan', text: 'virsh domstats' },
      { text: ' output' },
    ]);
  });
});
