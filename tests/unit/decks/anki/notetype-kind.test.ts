import { describe, expect, it } from 'vitest';
import { noteShape, typedFields } from '../../../../src/decks/anki/notetype-kind.js';
import type { AnkiNotetype } from '../../../../src/decks/anki/types.js';

const nt = (
  fields: string[],
  tmpls: string[],
  cloze = false,
  afmt = '{{FrontSide}}<hr id=answer>',
): AnkiNotetype => ({
  id: '1',
  name: 'renamed by the user',
  cloze,
  fields,
  templates: tmpls.map((qfmt) => ({ qfmt, afmt })),
});

describe('noteShape: from the structure, whatever the name', () => {
  it.each([
    ['cloze kind', nt(['Text', 'Extra'], ['{{cloze:Text}}'], true), 'cloze'],
    ['one template showing the first field', nt(['Q', 'A'], ['<div>{{Q}}</div>']), 'basic'],
    ['one template showing the second field', nt(['Q', 'A'], ['{{A}}']), 'other'],
    ['front and reverse', nt(['Q', 'A'], ['{{Q}}', '{{A}}']), 'reverse'],
    [
      'optional reverse ({{#Add Reverse}} is a section)',
      nt(['Q', 'A'], ['{{Q}}', '{{#A}}{{A}}{{/A}}']),
      'reverse',
    ],
    ['two templates on the same side', nt(['Q', 'A'], ['{{Q}}', '{{Q}} again']), 'other'],
    ['type in the answer', nt(['Q', 'A'], ['{{Q}}\n{{type:A}}']), 'typed'],
    ['three fields, all shown', nt(['W', 'M', 'E'], ['{{W}}'], false, '{{M}}<br>{{E}}'), 'other'],
    ['one field', nt(['Only'], ['{{Only}}']), 'other'],
    ['filters ({{text:Q}}, {{hint:A}})', nt(['Q', 'A'], ['{{text:Q}}']), 'basic'],
  ])('%s', (_, type, shape) => {
    expect(noteShape(type)).toBe(shape);
  });

  it('a typed note type prompts with the fields its front shows', () => {
    expect(typedFields(nt(['Hint', 'Q', 'A'], ['{{Q}} {{Hint}} {{type:A}}']))).toEqual({
      answer: 2,
      prompt: [1, 0],
    });
  });
});
