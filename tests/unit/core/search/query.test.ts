// The browser's query parser: Anki's syntax subset, errors that point at the bad term, and
// two properties: it never throws, and printing a query parses back to the same query.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IS_VALUES,
  OPS,
  PROPS,
  parseQuery,
  printQuery,
  type Query,
  type Term,
} from '../../../../src/core/search/query.js';

const ok = (src: string): Query => {
  const p = parseQuery(src);
  if (!p.ok) throw new Error(`expected ${src} to parse: ${p.message}`);
  return p.query;
};
const term = (t: Term): Query => ({ type: 'term', term: t });
const err = (src: string) => {
  const p = parseQuery(src);
  if (p.ok) throw new Error(`expected ${src} to fail`);
  return p;
};

describe('parseQuery', () => {
  it('reads each kind of term', () => {
    expect(ok('deck:kvm-ch0')).toEqual(term({ kind: 'deck', prefix: 'kvm-ch0' }));
    expect(ok('tag:lpic3-351.4')).toEqual(term({ kind: 'tag', tag: 'lpic3-351.4' }));
    expect(ok('IS:Due')).toEqual(term({ kind: 'is', value: 'due' }));
    expect(ok('prop:ivl>=10')).toEqual(term({ kind: 'prop', prop: 'ivl', op: '>=', value: 10 }));
    expect(ok('prop:due<=3')).toEqual(term({ kind: 'prop', prop: 'due', op: '<=', value: 3 }));
    expect(ok('prop:lapses>2')).toEqual(term({ kind: 'prop', prop: 'lapses', op: '>', value: 2 }));
    expect(ok('prop:r<0.8')).toEqual(term({ kind: 'prop', prop: 'r', op: '<', value: 0.8 }));
    expect(ok('prop:due=-1')).toEqual(term({ kind: 'prop', prop: 'due', op: '=', value: -1 }));
    expect(ok('bridge')).toEqual(term({ kind: 'text', text: 'bridge' }));
    expect(ok('"virsh net-list"')).toEqual(term({ kind: 'text', text: 'virsh net-list' }));
    expect(ok('"tag:x"')).toEqual(term({ kind: 'text', text: 'tag:x' }));
  });

  it('an empty query finds everything', () => {
    expect(ok('')).toEqual({ type: 'all' });
    expect(ok('   ')).toEqual({ type: 'all' });
  });

  it('joins terms with and; or is looser; - negates; parentheses group', () => {
    const a = term({ kind: 'text', text: 'a' });
    const b = term({ kind: 'text', text: 'b' });
    const c = term({ kind: 'text', text: 'c' });
    expect(ok('a b')).toEqual({ type: 'and', queries: [a, b] });
    expect(ok('a b or c')).toEqual({
      type: 'or',
      queries: [{ type: 'and', queries: [a, b] }, c],
    });
    expect(ok('a OR b')).toEqual({ type: 'or', queries: [a, b] });
    expect(ok('-a')).toEqual({ type: 'not', query: a });
    expect(ok('-(a or b) c')).toEqual({
      type: 'and',
      queries: [{ type: 'not', query: { type: 'or', queries: [a, b] } }, c],
    });
    expect(ok('-is:suspended')).toEqual({
      type: 'not',
      query: term({ kind: 'is', value: 'suspended' }),
    });
  });

  it('points at the bad term, with its column, and says what is valid', () => {
    const e = err('is:dew');
    expect(e.column).toBe(4);
    expect(e.message).toMatch(/^unknown is: value 'dew' at column 4 \(is:new, is:learn,/);
    expect(err('deck:x is:dew').column).toBe(11);
    expect(err('prop:ivl>=ten').message).toBe(
      "prop:ivl needs a number, not 'ten', at column 11 (e.g. prop:ivl>=10)",
    );
    expect(err('a prop:size>3').message).toMatch(/^unknown prop: 'size' at column 8 \(prop:ivl,/);
    expect(err('a prop:ivl').message).toMatch(/prop: needs a property, a comparison/);
    expect(err('flag:1').message).toMatch(/^unknown search 'flag:'/);
    expect(err('a "open').message).toBe('unclosed quote at column 3');
    expect(err('a or').message).toMatch(/'or' needs a term on both sides at column 3/);
    expect(err('or a').column).toBe(1);
    expect(err('(a b').message).toBe("'(' without ')' at column 1");
    expect(err('a)').message).toBe("')' without '(' at column 2");
    expect(err('()').message).toMatch(/needs a term/);
    expect(err('deck:').message).toMatch(/deck: needs a deck id/);
  });

  it('shows control characters in an error as ?, never raw', () => {
    expect(err('is:\x1b[2J').message).not.toContain('\x1b');
  });
});

// Queries as the parser builds them: no and inside and (printing flattens nothing, it
// brackets), numbers as they print.
const safeWord = fc.stringMatching(/^[a-z0-9._*-]{1,8}$/).filter((s) => !s.startsWith('-'));
const termArb: fc.Arbitrary<Term> = fc.oneof(
  safeWord.map((prefix) => ({ kind: 'deck' as const, prefix })),
  safeWord.map((tag) => ({ kind: 'tag' as const, tag })),
  fc.constantFrom(...IS_VALUES).map((value) => ({ kind: 'is' as const, value })),
  fc
    .record({
      prop: fc.constantFrom(...PROPS),
      op: fc.constantFrom(...OPS),
      value: fc.oneof(fc.integer({ min: -50, max: 500 }), fc.constantFrom(0.5, 0.85, 2.25)),
    })
    .map((r) => ({ kind: 'prop' as const, ...r, value: r.value === 0 ? 0 : r.value })),
  fc.string({ maxLength: 12 }).map((text) => ({ kind: 'text' as const, text })),
);
const queryArb: fc.Arbitrary<Query> = fc.letrec<{ q: Query }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    termArb.map((t): Query => ({ type: 'term', term: t })),
    tie('q').map((q): Query => ({ type: 'not', query: q })),
    fc
      .array(tie('q'), { minLength: 2, maxLength: 3 })
      .map((qs): Query => ({ type: 'and', queries: qs })),
    fc
      .array(tie('q'), { minLength: 2, maxLength: 3 })
      .map((qs): Query => ({ type: 'or', queries: qs })),
  ),
})).q;

describe('properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const p = parseQuery(s);
        if (!p.ok) {
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeLessThanOrEqual(s.length + 1);
        }
      }),
      { numRuns: 2000 },
    );
    const alphabet = fc.constantFrom(...'ab -()"\\:or is:new prop:ivl>=1 deck:'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (cs) => {
        parseQuery(cs.join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('printing a query and parsing it back gives the same query', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const printed = printQuery(q);
        const back = parseQuery(printed);
        expect(back).toEqual({ ok: true, query: q });
      }),
      { numRuns: 1000 },
    );
  });
});
