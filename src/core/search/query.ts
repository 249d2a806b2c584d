// The card browser's query language: a subset of Anki's search syntax. Terms are joined by
// an implicit "and"; `or` joins alternatives (looser than "and", as in Anki); `-` negates a
// term or a parenthesised group; double quotes make a phrase (always plain text, so
// `"tag:x"` finds the words). A bad term is an error naming its column.

export const IS_VALUES = [
  'new',
  'learn',
  'review',
  'due',
  'suspended',
  'buried',
  'flagged',
  'leech',
] as const;
export type IsValue = (typeof IS_VALUES)[number];

export const PROPS = ['ivl', 'due', 'lapses', 'r'] as const;
export type Prop = (typeof PROPS)[number];

export const OPS = ['>=', '<=', '!=', '=', '>', '<'] as const;
export type Op = (typeof OPS)[number];

export type Term =
  | { kind: 'deck'; prefix: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'is'; value: IsValue }
  | { kind: 'prop'; prop: Prop; op: Op; value: number }
  | { kind: 'text'; text: string };

export type Query =
  | { type: 'all' }
  | { type: 'term'; term: Term }
  | { type: 'not'; query: Query }
  | { type: 'and'; queries: Query[] }
  | { type: 'or'; queries: Query[] };

export type Parsed = { ok: true; query: Query } | { ok: false; message: string; column: number };

interface Token {
  kind: 'word' | 'phrase' | 'open' | 'close';
  text: string;
  /** 1-based column of the token's first character. */
  col: number;
  negated: boolean;
}

class QueryError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** "what is wrong at column N (what would be valid)". */
const fail = (message: string, col: number, valid?: string): never => {
  throw new QueryError(`${message} at column ${col}${valid ? ` (${valid})` : ''}`, col);
};

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (ch === '-' && i + 1 < src.length && !/\s/.test(src[i + 1]!)) {
      negated = true;
      i++;
    }
    const c = src[i]!;
    if (c === '(' || c === ')') {
      if (c === ')' && negated) fail("'-' before ')'", start + 1);
      out.push({ kind: c === '(' ? 'open' : 'close', text: c, col: start + 1, negated });
      i++;
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) i++;
        text += src[i];
        i++;
      }
      if (i >= src.length) fail('unclosed quote', start + 1);
      i++;
      out.push({ kind: 'phrase', text, col: start + 1, negated });
    } else {
      let text = '';
      while (i < src.length && !/[\s()"]/.test(src[i]!)) text += src[i++];
      out.push({ kind: 'word', text, col: start + 1, negated });
    }
  }
  return out;
}

const quote = (s: string) => `'${s.replace(/[\x00-\x1f\x7f]/g, '?')}'`;

function parseNumber(raw: string, col: number, what: string): number {
  const n = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n))
    fail(`${what} needs a number, not ${quote(raw)},`, col, 'e.g. prop:ivl>=10');
  return n;
}

/** `body` is what follows `prop:`, which starts at column `col`. */
function parseProp(body: string, col: number): Term {
  const m = /^([a-z]+)(>=|<=|!=|=|>|<)(.*)$/i.exec(body);
  if (!m)
    fail(`prop: needs a property, a comparison and a number`, col, 'e.g. prop:ivl>=10, prop:r<0.8');
  const prop = m![1]!.toLowerCase();
  if (!(PROPS as readonly string[]).includes(prop))
    fail(`unknown prop: ${quote(m![1]!)}`, col + 5, PROPS.map((p) => `prop:${p}`).join(', '));
  const value = parseNumber(m![3]!, col + 5 + m![1]!.length + m![2]!.length, `prop:${prop}`);
  return { kind: 'prop', prop: prop as Prop, op: m![2] as Op, value };
}

/** One word as a term: `field:value`, or text. */
function wordTerm(text: string, col: number): Term {
  const m = /^([a-z]+):(.*)$/is.exec(text);
  if (!m) return { kind: 'text', text };
  const field = m[1]!.toLowerCase();
  const value = m[2]!;
  switch (field) {
    case 'deck':
      if (!value) fail('deck: needs a deck id (or its start)', col);
      return { kind: 'deck', prefix: value };
    case 'tag':
      if (!value) fail('tag: needs a tag', col);
      return { kind: 'tag', tag: value };
    case 'is': {
      const v = value.toLowerCase();
      if (!(IS_VALUES as readonly string[]).includes(v))
        fail(
          `unknown is: value ${quote(value)}`,
          col + 3,
          IS_VALUES.map((x) => `is:${x}`).join(', '),
        );
      return { kind: 'is', value: v as IsValue };
    }
    case 'prop':
      return parseProp(value, col);
    default:
      return fail(
        `unknown search ${quote(`${m[1]}:`)}`,
        col,
        'deck:, tag:, is:, prop:; quote text that has a colon',
      );
  }
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly end: number,
  ) {}

  parseAll(): Query {
    if (this.tokens.length === 0) return { type: 'all' };
    const q = this.parseOr();
    const t = this.tokens[this.pos];
    if (t) fail("')' without '('", t.col);
    return q;
  }

  private isOr(t: Token | undefined): boolean {
    return !!t && t.kind === 'word' && !t.negated && t.text.toLowerCase() === 'or';
  }

  private parseOr(): Query {
    const parts = [this.parseAnd()];
    while (this.isOr(this.tokens[this.pos])) {
      const t = this.tokens[this.pos++]!;
      const next = this.tokens[this.pos];
      if (!next || next.kind === 'close' || this.isOr(next))
        fail("'or' needs a term on both sides", t.col);
      parts.push(this.parseAnd());
    }
    return parts.length === 1 ? parts[0]! : { type: 'or', queries: parts };
  }

  private parseAnd(): Query {
    const parts: Query[] = [];
    for (;;) {
      const t = this.tokens[this.pos];
      if (!t || t.kind === 'close' || this.isOr(t)) break;
      parts.push(this.parseUnit());
    }
    const first = this.tokens[this.pos] ?? { col: this.end };
    if (parts.length === 0) fail("'or' needs a term on both sides", first.col);
    return parts.length === 1 ? parts[0]! : { type: 'and', queries: parts };
  }

  private parseUnit(): Query {
    const t = this.tokens[this.pos++]!;
    let q: Query;
    if (t.kind === 'open') {
      const next = this.tokens[this.pos];
      if (!next || next.kind === 'close') fail("'(' needs a term before ')'", t.col);
      q = this.parseOr();
      const close = this.tokens[this.pos++];
      if (close?.kind !== 'close') fail("'(' without ')'", t.col);
    } else if (t.kind === 'phrase') {
      q = { type: 'term', term: { kind: 'text', text: t.text } };
    } else {
      q = { type: 'term', term: wordTerm(t.text, t.col) };
    }
    return t.negated ? { type: 'not', query: q } : q;
  }
}

export function parseQuery(src: string): Parsed {
  try {
    return { ok: true, query: new Parser(tokenize(src), src.length + 1).parseAll() };
  } catch (err) {
    if (err instanceof QueryError) return { ok: false, message: err.message, column: err.column };
    throw err;
  }
}

function printText(text: string): string {
  const plain =
    text.length > 0 &&
    !/[\s()"\\:]/.test(text) &&
    !text.startsWith('-') &&
    text.toLowerCase() !== 'or';
  return plain ? text : `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

function printTerm(t: Term): string {
  switch (t.kind) {
    case 'deck':
      return `deck:${t.prefix}`;
    case 'tag':
      return `tag:${t.tag}`;
    case 'is':
      return `is:${t.value}`;
    case 'prop':
      return `prop:${t.prop}${t.op}${t.value}`;
    case 'text':
      return printText(t.text);
  }
}

/** The query as text that parses back to the same query. */
export function printQuery(q: Query): string {
  switch (q.type) {
    case 'all':
      return '';
    case 'term':
      return printTerm(q.term);
    case 'not': {
      const inner = q.query.type === 'term' ? printQuery(q.query) : `(${printQuery(q.query)})`;
      return `-${inner}`;
    }
    case 'and':
      return q.queries
        .map((x) => (x.type === 'term' || x.type === 'not' ? printQuery(x) : `(${printQuery(x)})`))
        .join(' ');
    case 'or':
      return q.queries
        .map((x) => (x.type === 'or' ? `(${printQuery(x)})` : printQuery(x)))
        .join(' or ');
  }
}
