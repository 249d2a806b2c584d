import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clozeNumbers, clozePlain, clozeSegments, parseCloze } from '../../../src/core/cloze.js';

describe('parseCloze', () => {
  it('finds each deletion with its number, answer, hint and source offsets', () => {
    const text = 'VT-x is {{c1::vmx}}, AMD-V is {{c12::svm::three letters}}.';
    expect(parseCloze(text)).toEqual([
      { number: 1, answer: 'vmx', start: 8, end: 19 },
      { number: 12, answer: 'svm', hint: 'three letters', start: 30, end: 57 },
    ]);
    const [a, b] = parseCloze(text);
    expect(text.slice(a!.start, a!.end)).toBe('{{c1::vmx}}');
    expect(text.slice(b!.start, b!.end)).toBe('{{c12::svm::three letters}}');
  });

  it('has no hint field at all when the deletion has none', () => {
    expect(Object.keys(parseCloze('{{c1::a}}')[0]!)).not.toContain('hint');
  });

  it('keeps an empty answer and stops each deletion at its own closing braces', () => {
    expect(parseCloze('{{c1::}}{{c2::b}}')).toEqual([
      { number: 1, answer: '', start: 0, end: 8 },
      { number: 2, answer: 'b', start: 8, end: 17 },
    ]);
  });

  it('finds nothing in text without deletions or with malformed ones', () => {
    expect(parseCloze('plain text')).toEqual([]);
    expect(parseCloze('{{c::x}} {c1::y} {{1::z}}')).toEqual([]);
  });
});

describe('clozeNumbers', () => {
  it('lists each number once, in numeric order', () => {
    expect(clozeNumbers('{{c10::a}} {{c2::b}} {{c1::c}} {{c2::d}}')).toEqual([1, 2, 10]);
    expect(clozeNumbers('none')).toEqual([]);
  });
});

describe('clozeSegments', () => {
  const text = 'A {{c1::one}} B {{c2::two::hint}} C {{c1::three}}';

  it('hides the active deletions as [...] and shows the others as text', () => {
    expect(clozeSegments(text, 1, false)).toEqual([
      { type: 'text', text: 'A ' },
      { type: 'gap', text: '[...]', active: true, revealed: false },
      { type: 'text', text: ' B ' },
      { type: 'text', text: 'two' },
      { type: 'text', text: ' C ' },
      { type: 'gap', text: '[...]', active: true, revealed: false },
    ]);
  });

  it('shows the hint in the gap when the deletion has one', () => {
    expect(clozeSegments(text, 2, false)[3]).toEqual({
      type: 'gap',
      text: '[hint]',
      active: true,
      revealed: false,
    });
  });

  it('shows the answer once revealed', () => {
    expect(clozeSegments(text, 2, true)[3]).toEqual({
      type: 'gap',
      text: 'two',
      active: true,
      revealed: true,
    });
  });

  it('makes no empty text segments between adjacent deletions or at the ends', () => {
    expect(clozeSegments('{{c1::a}}{{c2::b}}', 1, false)).toEqual([
      { type: 'gap', text: '[...]', active: true, revealed: false },
      { type: 'text', text: 'b' },
    ]);
  });

  it('keeps text after the last deletion', () => {
    expect(clozeSegments('{{c1::a}} end', 1, true).at(-1)).toEqual({ type: 'text', text: ' end' });
  });

  it('property: the revealed segments spell the plain sentence', () => {
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '{', '}') }),
      fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.stringMatching(/^[a-z ]{1,5}$/))
        .map(([n, a]) => `{{c${n}::${a}}}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.integer({ min: 1, max: 3 }), (ps, n) => {
        const t = ps.join('');
        const segs = clozeSegments(t, n, true);
        expect(segs.map((s) => s.text).join('')).toBe(clozePlain(t));
        expect(segs.every((s) => s.text !== '' || s.type === 'gap')).toBe(true);
      }),
    );
  });
});

describe('clozePlain', () => {
  it('replaces every deletion by its answer, hints dropped', () => {
    expect(clozePlain('Use {{c1::virsh}} and {{c2::virt-install::a tool}}.')).toBe(
      'Use virsh and virt-install.',
    );
  });
});
