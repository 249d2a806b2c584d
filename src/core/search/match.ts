// Whether a card row satisfies a parsed query. Comparisons on a figure a card does not have
// (the interval of a new card) are false, as in Anki, so `-prop:ivl>=10` finds new cards.
import type { CardRow } from './card-row.js';
import type { Op, Query, Term } from './query.js';

function compare(a: number | null, op: Op, b: number): boolean {
  if (a === null) return false;
  switch (op) {
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** `*` matches any run of characters; everything else literally, ignoring case. */
function wildcard(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

function matchTag(row: CardRow, tag: string): boolean {
  const re = wildcard(tag);
  // Anki's hierarchical tags: tag:a also finds a::b.
  const child = wildcard(`${tag}::*`);
  return row.tags.some((t) => re.test(t) || child.test(t));
}

function matchTerm(row: CardRow, t: Term, now: number): boolean {
  switch (t.kind) {
    case 'deck':
      return row.deck.toLowerCase().startsWith(t.prefix.toLowerCase());
    case 'tag':
      return matchTag(row, t.tag);
    case 'text':
      return row.haystack.includes(t.text.toLowerCase());
    case 'is':
      switch (t.value) {
        case 'new':
          return row.phase === 'new';
        case 'learn':
          return row.phase === 'learning' || row.phase === 'relearning';
        case 'review':
          return row.phase === 'review';
        case 'due':
          return row.due !== null && row.due <= now && !row.suspended && !row.buried;
        case 'suspended':
          return row.suspended;
        case 'buried':
          return row.buried;
        case 'flagged':
          return row.flagged;
        case 'leech':
          return row.leech;
      }
      return false;
    case 'prop': {
      const value = {
        ivl: row.interval,
        due: row.dueDays,
        lapses: row.lapses,
        r: row.recall,
      }[t.prop];
      return compare(value, t.op, t.value);
    }
  }
}

export function matches(row: CardRow, q: Query, now: number): boolean {
  switch (q.type) {
    case 'all':
      return true;
    case 'term':
      return matchTerm(row, q.term, now);
    case 'not':
      return !matches(row, q.query, now);
    case 'and':
      return q.queries.every((x) => matches(row, x, now));
    case 'or':
      return q.queries.some((x) => matches(row, x, now));
  }
}
