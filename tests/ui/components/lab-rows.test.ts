import { describe, expect, it } from 'vitest';
import { labVerdictRows, outputRows } from '../../../src/ui/components/lab-rows.js';
import { rowText } from '../../../src/ui/components/rows.js';
import { PLAIN_THEME } from '../../../src/ui/theme.js';

const text = (rows: ReturnType<typeof outputRows>) => rows.map(rowText);

describe('lab output rows', () => {
  it('keeps preformatted lines as they are, cut at the width', () => {
    expect(text(outputRows(' Id   Name\n----\n 1    test', 40, 12, PLAIN_THEME))).toEqual([
      '   Id   Name',
      '  ----',
      '   1    test',
    ]);
    expect(text(outputRows('x'.repeat(20), 12, 12, PLAIN_THEME))).toEqual([
      '  xxxxxxxxxx',
      '  xxxxxxxxxx',
    ]);
    expect(text(outputRows('', 40, 12, PLAIN_THEME))).toEqual(['  (no output)']);
  });

  it('shows control characters instead of acting on them', () => {
    const [row] = text(outputRows('a\u001b[2Jb\u0007', 40, 12, PLAIN_THEME));
    expect(row).not.toMatch(/[\u0000-\u001f]/);
    expect(row).toContain('␛[2J');
  });

  it('clips long output, keeping the line the check matched', () => {
    const out = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    expect(text(outputRows(out, 40, 6, PLAIN_THEME))).toEqual([
      '  line 0',
      '  line 1',
      '  line 2',
      '  line 3',
      '  line 4',
      '  … 15 more lines (clipped)',
    ]);
    expect(text(outputRows(out, 40, 6, PLAIN_THEME, 17))).toEqual([
      '  line 0',
      '  line 1',
      '  line 2',
      '  line 3',
      '  … 15 more lines (clipped)',
      '  line 17',
    ]);
    const spec = {
      task: 't',
      env: 'qemu-img' as const,
      setup: [],
      answer: 'qemu-img x',
      accept: [],
      check: { run: 'qemu-img info top.qcow2', expect: '^line 17$' },
    };
    const rows = labVerdictRows(
      spec,
      { passed: true, commandOutput: '', checkOutput: out },
      40,
      true,
      PLAIN_THEME,
    );
    expect(text(rows)).toContain('  line 17');
    expect(text(rows)[0]).toBe('✓ Check passed');
  });
});
