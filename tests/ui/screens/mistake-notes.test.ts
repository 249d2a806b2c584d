// A typed command mistake in the exam review says what differed, as the study screen does.
import { describe, expect, it } from 'vitest';
import type { QuestionResult } from '../../../src/core/exam-score.js';
import type { Card } from '../../../src/core/model.js';
import { rowText } from '../../../src/ui/components/rows.js';
import { mistakeRows } from '../../../src/ui/screens/mistake-rows.js';
import { PLAIN_THEME } from '../../../src/ui/theme.js';

const card = (match: 'command' | 'text'): Card => ({
  key: 'd/net',
  deckId: 'd',
  entryId: 'net',
  entryKind: 'typed',
  sibling: 'd/net',
  face: {
    kind: 'typed',
    prompt: 'Make the default network start at boot.',
    answer: 'virsh net-autostart default',
    accept: [],
    match,
  },
  tags: [],
  pos: { file: 'd.yaml', line: 1, col: 1 },
  ordinal: 0,
});

const result = (answer: string): QuestionResult => ({
  key: 'd/net',
  correct: false,
  answer,
  answered: true,
  answeredAt: 0,
  tookMs: 1000,
});

const text = (c: Card, answer: string, width: number) =>
  mistakeRows(result(answer), c, width, true, PLAIN_THEME).map(rowText).join('\n');

describe('exam mistake notes for typed commands', () => {
  it('names the subcommand that differs, wrapped to the width', () => {
    for (const width of [80, 40]) {
      const shown = text(card('command'), 'virsh net-start default', width);
      expect(shown.replace(/\s+/g, ' ')).toContain(
        '• subcommand net-start where net-autostart was expected',
      );
      for (const line of shown.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    }
  });
  it('adds nothing for a text card or an empty answer', () => {
    expect(text(card('text'), 'virsh net-start default', 80)).not.toContain('•');
    expect(text(card('command'), '  ', 80)).not.toContain('•');
  });
  it('draws a hostile answer inert', () => {
    const shown = text(card('command'), 'virsh net-start \u001b[31mdefault', 80);
    expect(shown).not.toContain('\u001b');
  });
});
