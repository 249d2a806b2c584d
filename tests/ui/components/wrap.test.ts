import { describe, expect, it } from 'vitest';
import { wrapRuns, wrapText } from '../../src/ui/components/Para.js';

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

describe('fullHeight', () => {
  it('counts the rows a card needs so a tall one can switch to the tight layout', async () => {
    const { fullHeight } = await import('../../src/ui/screens/Study.js');
    const { startCard } = await import('../../src/core/session.js');
    const card = (question: string) => ({
      key: 'd/x',
      deckId: 'd',
      entryId: 'x',
      entryKind: 'mcq' as const,
      sibling: 'd/x',
      tags: [],
      ordinal: 0,
      pos: { file: 'f', line: 1, col: 1 },
      explanation: 'Because.',
      ref: 'man',
      face: {
        kind: 'mcq' as const,
        question,
        multi: false,
        choices: [
          { text: 'yes', correct: true },
          { text: 'no', correct: false, why: 'It is not.' },
        ],
      },
    });
    const short = fullHeight(startCard(card('Short?'), 0, 's'), 79);
    const long = fullHeight(startCard(card('word '.repeat(300)), 0, 's'), 79);
    expect(short).toBeLessThan(23);
    expect(long - short).toBe(wrapText('word '.repeat(300), 79).split('\n').length - 1);
  });
});
