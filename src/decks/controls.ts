// Control characters in deck text. They are looked for in the parsed data, so nothing the
// YAML turns into a control character slips through, and then located in the source: at
// the raw character, or at the escape (`\e`, `\x1b`, `\u001b`) that produced it.
import { isScalar } from 'yaml';
import { controlName, findControls, hasControl, oneLine } from '../core/sanitize.js';

export type DataPath = readonly (string | number)[];

export interface ControlHit {
  /** The value holding the character, or the mapping whose field name holds it. */
  path: DataPath;
  /** Set when the character is in a field name rather than in a value. */
  key?: string;
  /** The first such character. */
  code: number;
  count: number;
}

function hit(text: string, path: DataPath, key?: string): ControlHit | null {
  if (!hasControl(text)) return null;
  const found = findControls(text);
  const code = found[0]?.code ?? 0;
  return { path, code, count: found.length, ...(key === undefined ? {} : { key }) };
}

/**
 * Every string and field name under `value` that holds a control character. `skip` names a
 * field of `value` itself to leave out (the deck's `cards`, checked entry by entry).
 * Aliases can make the data share objects or even contain itself: each object is walked once.
 */
export function findControlText(value: unknown, base: DataPath, skip?: string): ControlHit[] {
  const out: ControlHit[] = [];
  const walked = new Set<object>();
  const walk = (v: unknown, path: DataPath): void => {
    if (typeof v === 'string') {
      const h = hit(v, path);
      if (h) out.push(h);
      return;
    }
    if (v === null || typeof v !== 'object' || walked.has(v)) return;
    walked.add(v);
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, [...path, i]);
      return;
    }
    for (const [k, item] of Object.entries(v)) {
      if (v === value && k === skip) continue;
      const h = hit(k, path, k);
      if (h) out.push(h);
      walk(item, [...path, k]);
    }
  };
  walk(value, base);
  return out;
}

export function controlMessage(h: ControlHit): string {
  const where = h.path.join('.');
  const subject =
    h.key === undefined
      ? `${where}: contains`
      : `${where ? `${where}: ` : ''}the field name '${oneLine(h.key)}' contains`;
  const more = h.count > 1 ? ` (and ${h.count - 1} more)` : '';
  return `${subject} the control character ${controlName(h.code)}${more}, which a terminal would act on; remove it`;
}

/** A raw control character at `i`. CR before LF is a line break, not part of any value. */
function rawControlAt(source: string, i: number): boolean {
  const c = source.charCodeAt(i);
  if (c === 13) return source.charCodeAt(i + 1) !== 10;
  return hasControl(source[i] ?? '');
}

const ESCAPES: Record<string, number> = {
  '0': 0,
  a: 7,
  b: 8,
  t: 9,
  '\t': 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  e: 27,
  ' ': 32,
  '"': 34,
  '/': 47,
  '\\': 92,
  N: 0x85,
  _: 0xa0,
  L: 0x2028,
  P: 0x2029,
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** In a double-quoted scalar: the first raw control character or escape producing one. */
function inDoubleQuoted(source: string, from: number, end: number): number | undefined {
  for (let i = from; i < end; i++) {
    if (source[i] !== '\\') {
      if (rawControlAt(source, i)) return i;
      continue;
    }
    const e = source[i + 1] ?? '';
    const digits = HEX_DIGITS[e] ?? 0;
    const code = digits
      ? Number.parseInt(source.slice(i + 2, i + 2 + digits), 16)
      : (ESCAPES[e] ?? Number.NaN);
    if (code >= 0 && code <= 0x10ffff && hasControl(String.fromCodePoint(code))) return i;
    i += 1 + digits;
  }
  return undefined;
}

/**
 * Source offset of the first control character in a scalar node, or undefined when the
 * node is not a scalar or the character cannot be found in it.
 */
export function controlOffset(node: unknown, source: string): number | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  if (node.type === 'QUOTE_DOUBLE') return inDoubleQuoted(source, start + 1, end);
  let from = start;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    // Skip the header line (`|-  # comment`): its text is not part of the value.
    const nl = source.indexOf('\n', start);
    if (nl < 0 || nl >= end) return undefined;
    from = nl + 1;
  }
  for (let i = from; i < end; i++) if (rawControlAt(source, i)) return i;
  return undefined;
}
