import { describe, expect, it } from 'vitest';
import { wrapRuns, wrapText } from '../../../src/ui/components/wrap.js';

describe('wrapText', () => {
  it('breaks at spaces without leaving a space at the start of a line', () => {
    expect(wrapText('the quick brown fox jumps over', 10)).toBe('the quick\nbrown fox\njumps over');
  });
  it('keeps explicit newlines and cuts words longer than the line', () => {
    expect(wrapText('a\n\nabcdefghijklmnop q', 8)).toBe('a\n\nabcdefgh\nijklmnop\nq');
  });
});

describe('wrapRuns', () => {
  it('wraps styled runs as one paragraph and keeps each run its own text', () => {
    const runs = [
      { text: 'Intel VT-x shows as the ', gap: false },
      { text: 'vmx', gap: true },
      { text: ' CPU flag on every host', gap: false },
    ];
    const out = wrapRuns(runs, 16);
    expect(out.map((r) => r.text).join('')).toBe(
      'Intel VT-x shows\nas the vmx CPU\nflag on every\nhost',
    );
    expect(out[1]).toEqual({ text: 'vmx', gap: true });
  });
});
